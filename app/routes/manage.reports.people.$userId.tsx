import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { requirementsOfPerson, unitOfPersonOn } from "~/models/completion-report.server";
import { listEnrolmentDates } from "~/models/enrolment.server";
import { getPersonName } from "~/models/user.server";
import { inScope, requireReport } from "~/services/reports.server";
import { formatDate } from "~/utils/format";
import { isUuid } from "~/utils/ids";
import { requirementStatusLabel } from "~/utils/report-labels";
import { DownloadLinks } from "~/components/report-sections";

// The bottom of the drill-down: one person's training and its dates, for
// HR. Seen only when the person was in a unit of the viewer's scope on the
// report's day; anyone else is a 404, whether they exist or not.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  const notFound = () => new Response(t("reports.personNotFound"), { status: 404 });
  if (!isUuid(params.userId)) throw notFound();
  const unit = await unitOfPersonOn({ userId: params.userId, asOf: filters.asOf });
  if (!unit || !inScope(scope, unit.unitId)) throw notFound();
  const [name, requirements, enrolments] = await Promise.all([
    getPersonName({ userId: params.userId }),
    requirementsOfPerson({ userId: params.userId, asOf: filters.asOf }),
    // Up to the end of the day (Vietnam time): nothing later.
    listEnrolmentDates({ userId: params.userId, until: new Date(filters.asOf.getTime() + 17 * 60 * 60 * 1000) }),
  ]);
  if (!name) throw notFound();
  const locale = getLocale(request);
  const date = (value: Date | null) => (value ? formatDate(locale, value) : null);
  const back = new URLSearchParams([...url.searchParams].filter(([key]) => key !== "unit"));
  back.set("unit", unit.unitId);
  return {
    title: `${t("reports.person.title", { name })} – ${t("app.titleSuffix")}`,
    name,
    unit: unit.name,
    asOfText: formatDate(locale, filters.asOf),
    backLink: `/manage/reports?${back}`,
    exportQuery: new URLSearchParams([...url.searchParams].filter(([key]) => key !== "unit").concat([["table", "person"], ["person", params.userId]])).toString(),
    requirements: requirements.map((row, index) => ({
      key: `${row.courseId}:${index}`,
      courseTitle: row.courseTitle,
      assignedOn: date(row.assignedOn)!,
      dueOn: date(row.dueOn)!,
      endedOn: date(row.endedOn),
      doneOn: date(row.doneOn),
      status: row.status,
    })),
    enrolments: enrolments.map((row) => ({ id: row.id, courseTitle: row.courseTitle, status: row.status, startedAt: date(row.startedAt)!, completedAt: date(row.completedAt) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];


export default function PersonReport() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={data.backLink}>{t("reports.person.back", { unit: data.unit })}</Link>
      </p>
      <h1>{t("reports.person.title", { name: data.name })}</h1>
      <p className="lead">{t("reports.person.unit", { date: data.asOfText, unit: data.unit })}</p>

      <h2 id="requirements">{t("reports.person.requirements")}</h2>
      {data.requirements.length ? (
        <div className="table-scroll" role="region" aria-labelledby="requirements" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("reports.column.course")}</th>
                <th scope="col">{t("reports.column.assignedOn")}</th>
                <th scope="col">{t("reports.column.dueOn")}</th>
                <th scope="col">{t("reports.column.status")}</th>
                <th scope="col">{t("reports.column.completedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {data.requirements.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.courseTitle}</th>
                  <td>
                    {row.assignedOn}
                    {row.endedOn ? <span className="hint"> – {t("reports.column.endedOn")} {row.endedOn}</span> : null}
                  </td>
                  <td>{row.dueOn}</td>
                  <td>
                    <strong className={`status-tag status-tag--${row.status}`}>{t(requirementStatusLabel(row.status))}</strong>
                  </td>
                  <td>{row.doneOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("reports.person.noRequirements")}</p>
      )}
      {data.requirements.length ? <DownloadLinks label={t("reports.person.download")} query={data.exportQuery} /> : null}

      <h2 id="enrolments">{t("reports.person.enrolments")}</h2>
      {data.enrolments.length ? (
        <div className="table-scroll" role="region" aria-labelledby="enrolments" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("reports.column.course")}</th>
                <th scope="col">{t("reports.column.startedOn")}</th>
                <th scope="col">{t("reports.column.status")}</th>
                <th scope="col">{t("reports.column.completedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {data.enrolments.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.courseTitle}</th>
                  <td>{row.startedAt}</td>
                  <td>{t(`reports.enrolment.${row.status}`)}</td>
                  <td>{row.completedAt ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("reports.person.noEnrolments")}</p>
      )}
    </>
  );
}
