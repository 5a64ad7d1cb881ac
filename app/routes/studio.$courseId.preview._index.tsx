import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CourseOverviewView, PreviewBanner } from "~/components/course-view";
import { getTranslate } from "~/i18n/translate.server";
import { draftContent, getCourseDraft } from "~/models/course.server";
import { courseOverview } from "~/services/course-view.server";
import { requireCourseEditor } from "~/utils/course-access.server";

// "Preview as a learner": the draft through the learners' own page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const draft = await getCourseDraft({ courseId: params.courseId! });
  if (!draft) throw new Response(t("studio.error.notFound"), { status: 404 });
  return { title: `${draft.title} – ${t("studio.preview")}`, courseId: draft.id, course: await courseOverview(draftContent(draft), t) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }, { name: "robots", content: "noindex" }];

export default function PreviewCourse() {
  const { course, courseId } = useLoaderData<typeof loader>();
  const base = `/studio/${courseId}/preview`;
  return (
    <>
      <PreviewBanner courseId={courseId} />
      <CourseOverviewView course={course} links={{ courseHref: base, itemHref: (key) => `${base}/${key}` }} />
    </>
  );
}
