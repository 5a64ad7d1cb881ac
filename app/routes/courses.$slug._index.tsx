import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CourseOverviewView } from "~/components/course-view";
import { useI18n } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { getPublishedCourse } from "~/models/course-version.server";
import { courseOverview } from "~/services/course-view.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/i18n/locale.server";

// A course's page for learners: outline, time, prerequisites (newest version).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const course = await getPublishedCourse({ slug: params.slug ?? "" });
  if (!course) throw new Response(t("course.notFound"), { status: 404 });
  return {
    title: `${course.content.title} – ${t("app.titleSuffix")}`,
    course: await courseOverview(course.content, t),
    version: { number: course.versionNumber, date: formatDate(getLocale(request), course.publishedAt) },
    prerequisites: course.prerequisites,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Học Số" },
  { name: "description", content: data?.course.summary ?? "" },
];

export default function CoursePage() {
  const { course, version, prerequisites } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const links = { courseHref: `/courses/${course.slug}`, itemHref: (key: string) => `/courses/${course.slug}/${key}` };
  return (
    <CourseOverviewView
      course={course}
      links={links}
      meta={
        <>
          <div>
            <dt>{t("course.prerequisites")}</dt>
            <dd>
              {prerequisites.length ? (
                <ul className="plain-list">
                  {prerequisites.map((required) => (
                    <li key={required.slug}>{required.available ? <Link to={`/courses/${required.slug}`}>{required.title}</Link> : required.title}</li>
                  ))}
                </ul>
              ) : (
                t("course.noPrerequisites")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("course.updated")}</dt>
            <dd>{t("course.version", { number: version.number, date: version.date })}</dd>
          </div>
        </>
      }
    />
  );
}
