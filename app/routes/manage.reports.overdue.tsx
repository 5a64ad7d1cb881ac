import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DownloadLinks } from "~/components/report-sections";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { overdueOn } from "~/models/completion-report.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { completionFilters, parseOverdueCursor, requireReport } from "~/services/reports.server";
import { formatDate } from "~/utils/format";

// Who is overdue, the longest overdue first: the list HR chases. The
// report's filters and scope (a unit chosen: that unit and below), a page
// of 50 at a time, and the whole list as CSV or Excel.

const OVERDUE_PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  // The unit chosen and below (requireReport refused one outside the scope), or the whole scope.
  const units = filters.unit ? await listSubtreeUnitIds([filters.unit]) : scope;
  const after = parseOverdueCursor(url.searchParams.get("after"));
  // One more than a page: whether there is a next one.
  const rows = await overdueOn(completionFilters(filters, units), { limit: OVERDUE_PAGE + 1, after });
  const page = rows.slice(0, OVERDUE_PAGE);
  const last = page.at(-1);
  const locale = getLocale(request);
  const query = new URLSearchParams([...url.searchParams].filter(([name]) => name !== "after"));
  const next = rows.length > OVERDUE_PAGE && last ? new URLSearchParams([...query, ["after", `${last.dueOn.toISOString().slice(0, 10)}_${last.requirementId}`]]) : null;
  return {
    title: `${t("reports.overdue.title")} – ${t("app.titleSuffix")}`,
    asOfText: formatDate(locale, filters.asOf),
    query: query.toString(),
    exportQuery: new URLSearchParams([...query, ["table", "overdue"]]).toString(),
    first: !after,
    next: next?.toString() ?? null,
    rows: page.map((row) => ({
      key: row.requirementId,
      userId: row.userId,
      fullName: row.fullName,
      unitName: row.unitName,
      courseTitle: row.courseTitle,
      dueOn: formatDate(locale, row.dueOn),
      daysLate: row.daysLate,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function OverdueList() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/manage/reports?${data.query}`}>{t("reports.overdue.back")}</Link>
      </p>
      <h1>{t("reports.overdue.title")}</h1>
      <p className="lead">{t("reports.overdue.lead", { date: data.asOfText })}</p>
      {data.rows.length ? (
        <>
          <div className="table-scroll" role="region" aria-labelledby="overdue-caption" tabIndex={0}>
            <table className="table table--wide">
              <caption id="overdue-caption">{t("reports.overdue.caption", { date: data.asOfText })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reports.column.person")}</th>
                  <th scope="col">{t("reports.column.unit")}</th>
                  <th scope="col">{t("reports.column.course")}</th>
                  <th scope="col">{t("reports.column.dueOn")}</th>
                  <th scope="col">{t("reports.column.daysLate")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      <Link to={`/manage/reports/people/${row.userId}?${data.query}`}>{row.fullName}</Link>
                    </th>
                    <td>{row.unitName}</td>
                    <td>{row.courseTitle}</td>
                    <td>{row.dueOn}</td>
                    <td>{t("reports.overdue.days", { count: row.daysLate })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t("reports.overdue.pages")}>
            {!data.first ? <Link to={`/manage/reports/overdue?${data.query}`}>{t("reports.overdue.firstPage")}</Link> : null}
            {data.next ? <Link to={`/manage/reports/overdue?${data.next}`}>{t("reports.overdue.nextPage")}</Link> : null}
          </nav>
          <DownloadLinks label={t("reports.overdue.download")} query={data.exportQuery} />
        </>
      ) : (
        <p>{t("reports.overdue.none")}</p>
      )}
    </>
  );
}
