import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LessonPage } from "~/components/course-view";
import { getTranslate } from "~/i18n/translate.server";
import { getPublishedCourse } from "~/models/course-version.server";
import { lessonView } from "~/services/course-view.server";
import { requirePermission } from "~/utils/auth.server";

// A lesson, rendered on the server: the page ships no markdown parser.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const course = await getPublishedCourse({ slug: params.slug ?? "" });
  if (!course) throw new Response(t("course.notFound"), { status: 404 });
  const lesson = await lessonView(course.content, params.itemKey ?? "", t);
  if (!lesson) throw new Response(t("lesson.notFound"), { status: 404 });
  return { title: `${lesson.title} – ${course.content.title} – ${t("app.titleSuffix")}`, lesson };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Lesson() {
  const { lesson } = useLoaderData<typeof loader>();
  const links = { courseHref: `/courses/${lesson.courseSlug}`, itemHref: (key: string) => `/courses/${lesson.courseSlug}/${key}` };
  return <LessonPage lesson={lesson} links={links} />;
}
