import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listStudioCourses } from "~/models/course.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { formatDateTime } from "~/utils/format";
import { can } from "~/utils/permissions";

// The studio's front page: the courses this person may edit.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStudioUser(request);
  const t = getTranslate(request);
  const all = can(user, "edit:course:any");
  const courses = await listStudioCourses({ userId: user.id, all });
  const locale = getLocale(request);
  return {
    title: `${t("studio.title")} – ${t("app.titleSuffix")}`,
    all,
    canCreate: can(user, "create:course:own") || all,
    courses: courses.map((course) => ({
      id: course.id,
      title: course.title,
      status: course.status,
      items: course._count.items,
      version: course.publishedVersion?.number ?? null,
      updated: formatDateTime(locale, course.updatedAt),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Studio() {
  const { courses, all, canCreate } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t("studio.title")}</h1>
      <p className="lead">{all ? t("studio.leadAdmin") : t("studio.lead")}</p>
      <p className="inline-row">
        {canCreate ? (
          <Link to="/studio/new" className="button">
            {t("studio.new")}
          </Link>
        ) : null}
        <Link to="/studio/banks">{t("studio.banks.link")}</Link>
      </p>
      {courses.length ? (
        <div className="table-scroll" role="region" aria-label={t("studio.title")} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("studio.column.course")}</th>
                <th scope="col">{t("studio.column.status")}</th>
                <th scope="col">{t("studio.column.version")}</th>
                <th scope="col">{t("studio.column.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <td>
                    <Link to={`/studio/${course.id}`}>{course.title}</Link>
                  </td>
                  <td>{t(`studio.status.${course.status}`)}</td>
                  <td>{course.version ? t("studio.versionNumber", { number: course.version }) : t("studio.noVersion")}</td>
                  <td>{course.updated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("studio.empty")}</p>
      )}
    </>
  );
}
