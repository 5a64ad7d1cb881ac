import { Form, Link } from "@remix-run/react";
import { SelectField } from "~/components/form";
import type { ReactNode } from "react";
import { BarChart, LineChart } from "~/components/bar-chart";
import { useI18n } from "~/i18n/context";
import { formatNumber, formatPercent } from "~/utils/format";

// The report's other views of the same requirements: by course, and month by
// month. Each chart has its table: the numbers, for screen readers and print.

type Counts = { assigned: number; done: number; overdue: number; due: number; rate: number | null };

export function CourseSection({ courses, total, date, exportQuery }: { courses: ({ courseId: string; title: string } & Counts)[]; total: number; date: string; exportQuery: string }) {
  const { t } = useI18n();
  if (!courses.length) return null;
  return (
    <section aria-labelledby="by-course-heading">
      <h2 id="by-course-heading">{t("reports.byCourse")}</h2>
      <BarChart id="by-course" title={t("reports.byCourse.chart", { date })} description={t("reports.byCourse.description")} bars={courses.map((course) => ({ label: course.title, value: course.rate }))} />
      <CountsTable caption={t("reports.byCourse.chart", { date })} firstColumn={t("reports.column.course")} rows={courses.map((course) => ({ key: course.courseId, label: course.title, ...course }))} />
      {/* A hundred rows say little on a page: the most assigned here, every course in the download. */}
      {total > courses.length ? <p className="hint">{t("reports.byCourse.top", { count: courses.length, total })}</p> : null}
      <DownloadLinks label={t("reports.byCourse.download")} query={withTable(exportQuery, "courses")} />
    </section>
  );
}

export function TrendSection({ points, exportQuery }: { points: ({ label: string } & Counts)[]; exportQuery: string }) {
  const { t } = useI18n();
  if (!points.some((point) => point.assigned)) return null;
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t("reports.trend")}</h2>
      <LineChart id="trend" title={t("reports.trend")} description={t("reports.trend.description")} points={points.map((point) => ({ label: point.label, value: point.rate }))} />
      <CountsTable caption={t("reports.trend")} firstColumn={t("reports.column.month")} rows={points.map((point) => ({ key: point.label, ...point }))} />
      <DownloadLinks label={t("reports.trend.download")} query={withTable(exportQuery, "trend")} />
    </section>
  );
}

const withTable = (query: string, table: string) => new URLSearchParams([...new URLSearchParams(query), ["table", table]]).toString();

function CountsTable({ caption, firstColumn, rows }: { caption: string; firstColumn: string; rows: ({ key: string; label: ReactNode } & Counts)[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{t("reports.column.assigned")}</th>
            <th scope="col">{t("reports.column.done")}</th>
            <th scope="col">{t("reports.column.rate")}</th>
            <th scope="col">{t("reports.column.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{formatNumber(locale, row.assigned)}</td>
              <td>{formatNumber(locale, row.done)}</td>
              <td>{row.rate === null ? "—" : formatPercent(locale, row.rate)}</td>
              <td>{formatNumber(locale, row.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The people of the unit looked at, one row each (their requirements
 * counted); each name opens that person's courses and dates.
 */
export function PeopleSection({
  unitName,
  people,
  personLink,
  exportQuery,
}: {
  unitName: string;
  people: ({ userId: string; fullName: string; jobTitle: string | null } & Counts)[];
  personLink: (userId: string) => string;
  /** The export's address query (filters, table=people, unit). */
  exportQuery: string;
}) {
  const { t } = useI18n();
  const caption = t("reports.people", { unit: unitName });
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{caption}</h2>
      {people.length ? (
        <>
          <CountsTable
            caption={caption}
            firstColumn={t("reports.column.person")}
            rows={people.map((person) => ({
              key: person.userId,
              label: (
                <>
                  <Link to={personLink(person.userId)}>{person.fullName}</Link>
                  {person.jobTitle ? <span className="hint"> – {person.jobTitle}</span> : null}
                </>
              ),
              ...person,
            }))}
          />
          <DownloadLinks label={t("reports.exportPeople")} query={exportQuery} />
        </>
      ) : (
        <p>{t("reports.noPeople")}</p>
      )}
    </section>
  );
}

/** "Download …: Excel (.xlsx) · CSV": the same table, the same filters, two formats. */
export function DownloadLinks({ label, query }: { label: string; query: string }) {
  const { t } = useI18n();
  return (
    <p className="no-print">
      {label}{" "}
      <a href={`/manage/reports/export.xlsx?${query}`} download>
        {t("reports.download.xlsx")}
      </a>
      {" · "}
      <a href={`/manage/reports/export.csv?${query}`} download>
        {t("reports.download.csv")}
      </a>
    </p>
  );
}

/** "Prepare a detailed file": every person and course under the chosen filters, made in the background. */
export function DetailExportForm({ query }: { query: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="detail-export-heading" className="no-print">
      <h2 id="detail-export-heading">{t("reports.exports.title")}</h2>
      <Form method="post" action="/manage/reports/exports" className="filter-form">
        <input type="hidden" name="query" value={query} />
        <SelectField
          name="format"
          id="export-format"
          label={t("reports.exports.format")}
          hint={t("reports.exports.requestHint")}
          defaultValue="xlsx"
          options={[
            { value: "xlsx", label: t("reports.download.xlsx") },
            { value: "csv", label: t("reports.download.csv") },
          ]}
        />
        <button type="submit" className="button button--secondary">
          {t("reports.exports.request")}
        </button>
      </Form>
      <p>
        <Link to="/manage/reports/exports">{t("reports.exports.link")}</Link>
      </p>
    </section>
  );
}
