import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { createReportExport, failReportExport, listMyReportExports } from "~/models/report-export.server";
import { inScope, parseReportFilters, requireReport } from "~/services/reports.server";
import { getEnv } from "~/utils/env.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDateTime, formatMegabytes } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { QUEUES, sendJob } from "~/utils/jobs.server";
import { reportExportRequestSchema } from "~/validation/reports";

// Detailed report files, made by the job queue (a province's every person
// and course is too much for one request): asking for one, and the list of
// one's own with a link once ready. Only the requester sees or downloads
// them, until they expire. With JavaScript the list refreshes itself while
// a file is being prepared; without, a link does.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireReport(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const rows = await listMyReportExports({ userId: user.id });
  return {
    title: `${t("reports.exports.title")} – ${t("app.titleSuffix")}`,
    hours: getEnv().REPORT_EXPORT_HOURS,
    waiting: rows.some((row) => row.status === "PENDING" || row.status === "RUNNING"),
    exports: rows.map((row) => ({
      id: row.id,
      format: row.format,
      status: row.status,
      asked: formatDateTime(locale, row.createdAt),
      expires: formatDateTime(locale, row.expiresAt),
      rows: row.rowCount ?? 0,
      size: formatMegabytes(locale, Number(row.byteSize ?? 0)),
      back: `/manage/reports?${row.query}`,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireReport(request);
  const t = getTranslate(request);
  const form = await parseForm(request, reportExportRequestSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  // Only the report's own filters are kept, in its own words.
  const filters = parseReportFilters(new URLSearchParams(form.data.query));
  // The file covers the whole scope (the unit is not kept), but a query
  // naming a unit outside it was typed by hand: refused, as on the pages.
  if (filters.unit && !inScope(scope, filters.unit)) throw new Response(t("reports.unitNotFound"), { status: 404 });
  const query = new URLSearchParams(Object.entries(filters).flatMap(([key, value]) => (value === undefined || key === "unit" ? [] : [[key, value instanceof Date ? value.toISOString().slice(0, 10) : String(value)]])));
  const exportId = await createReportExport({
    requestedById: user.id,
    format: form.data.format,
    query: query.toString(),
    scopeUnitIds: scope,
    locale: getLocale(request),
    expiresAt: new Date(Date.now() + getEnv().REPORT_EXPORT_HOURS * 60 * 60 * 1000),
  });
  // Without its job the file would wait as "being prepared" for ever: if the
  // queue cannot take it (the database just went away), it is marked failed.
  await sendJob(QUEUES.reportExport, { exportId }).catch(async (error: unknown) => {
    await failReportExport({ id: exportId }).catch(() => undefined);
    throw error;
  });
  return redirect("/manage/reports/exports", { headers: { "Set-Cookie": flashCookie(t("reports.exports.requested")) } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function ReportExports() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const revalidator = useRevalidator();
  // While a file is being prepared, look again every few seconds.
  useEffect(() => {
    if (!data.waiting) return;
    const id = window.setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 3000);
    return () => window.clearInterval(id);
  }, [data.waiting, revalidator]);
  return (
    <>
      <p>
        <Link to="/manage/reports">{t("reports.exports.back")}</Link>
      </p>
      <h1>{t("reports.exports.title")}</h1>
      <p className="lead">{t("reports.exports.lead", { hours: data.hours })}</p>
      {data.exports.length ? (
        <div className="table-scroll" role="region" aria-labelledby="exports-caption" tabIndex={0}>
          <table className="table">
            <caption id="exports-caption" className="visually-hidden">
              {t("reports.exports.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.exports.column.asked")}</th>
                <th scope="col">{t("reports.exports.format")}</th>
                <th scope="col">{t("reports.exports.column.file")}</th>
                <th scope="col">{t("reports.exports.column.expires")}</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {data.exports.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={row.back}>{row.asked}</Link>
                  </th>
                  <td>{row.format === "xlsx" ? t("reports.download.xlsx") : t("reports.download.csv")}</td>
                  <td>
                    {row.status === "DONE" ? (
                      <a href={`/manage/reports/exports/${row.id}`} download>
                        {t("reports.exports.DONE", { rows: row.rows, size: row.size })}
                      </a>
                    ) : (
                      t(`reports.exports.${row.status}`)
                    )}
                  </td>
                  <td>{row.expires}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("reports.exports.none")}</p>
      )}
      {data.waiting ? (
        <p>
          <Link to="/manage/reports/exports">{t("reports.exports.refresh")}</Link>
        </p>
      ) : null}
    </>
  );
}
