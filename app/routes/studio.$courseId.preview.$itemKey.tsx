import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LessonPage, PreviewBanner } from "~/components/course-view";
import { getTranslate } from "~/i18n/translate.server";
import { draftContent, getCourseDraft } from "~/models/course.server";
import { lessonView } from "~/services/course-view.server";
import { requireCourseEditor } from "~/utils/course-access.server";

// A draft lesson exactly as learners will see it once published.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const draft = await getCourseDraft({ courseId: params.courseId! });
  if (!draft) throw new Response(t("studio.error.notFound"), { status: 404 });
  // A draft is rendered live: trainers change it, and previews are few.
  const lesson = await lessonView(draftContent(draft), params.itemKey ?? "", t, null);
  if (!lesson) throw new Response(t("lesson.notFound"), { status: 404 });
  return { title: `${lesson.title} – ${t("studio.preview")}`, courseId: draft.id, lesson };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }, { name: "robots", content: "noindex" }];

export default function PreviewLesson() {
  const { lesson, courseId } = useLoaderData<typeof loader>();
  const base = `/studio/${courseId}/preview`;
  return (
    <>
      <PreviewBanner courseId={courseId} />
      <LessonPage lesson={lesson} links={{ courseHref: base, itemHref: (key) => `${base}/${key}` }} />
    </>
  );
}
