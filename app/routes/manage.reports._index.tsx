import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { CompletionTable, type CompletionRow } from "~/components/completion-table";
import { ReportFilterForm } from "~/components/report-filters";
import { CourseSection, DetailExportForm, DownloadLinks, PeopleSection, TrendSection } from "~/components/report-sections";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { completionByCourse, completionByUnit, completionRate, completionTrend, peopleInUnit, type UnitCompletion } from "~/models/completion-report.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { completionFilters, reportChoices, requireReport, trendMonths } from "~/services/reports.server";
import { formatDate } from "~/utils/format";

// Completion of mandatory training for HR: by unit (each unit's figure
// includes its sub-units), as of a day, for one course or all, one staff
// category or all; down the tree unit by unit to the people of a unit and
// their courses. A manager sees their units only; an admin the province.

const sumTotals = (units: UnitCompletion[]) =>
  units.reduce((sum, unit) => ({ assigned: sum.assigned + unit.total.assigned, done: sum.done + unit.total.done, overdue: sum.overdue + unit.total.overdue }), { assigned: 0, done: 0, overdue: 0 });

const PAGE_COURSES = 20;

const row = (unit: UnitCompletion): CompletionRow => ({ unitId: unit.unitId, name: unit.name, code: unit.code, ...unit.total, rate: completionRate(unit.total) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  // The form's choices do not depend on the figures: asked for at once.
  const choices = reportChoices(scope, filters.courseId, t);
  const units = await completionByUnit(completionFilters(filters, scope));
  const inView = new Set(units.map((unit) => unit.unitId));
  // The unit looked at (chosen, or the single top of the viewer's scope) and the units under it.
  const tops = units.filter((unit) => !unit.parentId || !inView.has(unit.parentId));
  const focus = filters.unit ? units.find((unit) => unit.unitId === filters.unit) : tops.length === 1 ? tops[0] : undefined;
  const below = focus ? units.filter((unit) => unit.parentId === focus.unitId) : tops;
  // The rest reads the unit looked at and below (or the whole scope), at once.
  // (The whole province's single top needs no list of its units.)
  const wholeProvince = scope === null && tops.length === 1 && focus === tops[0];
  const area = completionFilters(filters, focus && !wholeProvince ? await listSubtreeUnitIds([focus.unitId]) : scope);
  const current = focus ? focus.total : sumTotals(tops);
  const [people, byCourse, trend, choiceLists] = await Promise.all([
    focus ? peopleInUnit({ ...area, unitId: focus.unitId, status: filters.status }) : [],
    completionByCourse(area),
    completionTrend({ ...area, months: trendMonths(filters), current }),
    choices,
  ]);
  const query = new URLSearchParams([...url.searchParams].filter(([name]) => name !== "unit"));
  return {
    title: `${t("reports.title")} – ${t("app.titleSuffix")}`,
    asOfText: formatDate(locale, filters.asOf),
    filters: {
      asOf: filters.asOf.toISOString().slice(0, 10),
      from: filters.from ?? "",
      courseId: filters.courseId ?? "",
      areaId: filters.areaId ?? "",
      assignmentId: filters.assignmentId ?? "",
      staffCategory: filters.staffCategory ?? "",
      status: filters.status ?? "",
    },
    query: query.toString(),
    ...choiceLists,
    focus: focus ? { ...row(focus), parentId: focus.parentId && inView.has(focus.parentId) ? focus.parentId : null, chosen: Boolean(filters.unit) } : null,
    rows: below.map(row),
    // The most assigned courses; all of them are in the download.
    courses: byCourse.slice(0, PAGE_COURSES).map((course) => ({ courseId: course.courseId, title: course.title, ...course.counts, rate: completionRate(course.counts) })),
    courseCount: byCourse.length,
    areaQuery: new URLSearchParams([...query, ...(focus && filters.unit ? [["unit", focus.unitId]] : [])]).toString(),
    trend: trend.map((point) => ({ label: `${point.asOf.getUTCMonth() + 1}/${point.asOf.getUTCFullYear()}`, ...point.counts, rate: completionRate(point.counts) })),
    people: people.map((person) => ({ userId: person.userId, fullName: person.fullName, jobTitle: person.jobTitle, ...person.counts, rate: completionRate(person.counts) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const link = (unitId: string | null) => `/manage/reports?${new URLSearchParams([...new URLSearchParams(data.query), ...(unitId ? [["unit", unitId]] : [])])}`;
  const focus = data.focus;
  return (
    <>
      <h1>{t("reports.title")}</h1>
      <p className="lead">{t("reports.lead")}</p>
      <ReportFilterForm values={{ ...data.filters, unit: focus?.unitId ?? null }} courses={data.courseChoices} areas={data.areaChoices} rules={data.ruleChoices} />

      {focus ? (
        <section aria-labelledby="focus">
          <p>
            {focus.parentId ? <Link to={link(focus.parentId)}>{t("reports.up")}</Link> : focus.chosen ? <Link to={link(null)}>{t("reports.top")}</Link> : null}
          </p>
          <h2 id="focus">{focus.name}</h2>
          <p className="panel__title">
            {t("reports.summary", { done: focus.done, assigned: focus.assigned, rate: focus.rate ?? 0, overdue: focus.overdue, date: data.asOfText })}
          </p>
          {focus.overdue ? (
            <p>
              <Link to={`/manage/reports/overdue?${new URLSearchParams([...new URLSearchParams(data.query), ...(focus.chosen ? [["unit", focus.unitId]] : [])])}`}>{t("reports.overdue.link")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {data.rows.length ? (
        <>
          <BarChart
            id="by-unit"
            title={t("reports.chart.title", { date: data.asOfText })}
            description={t("reports.chart.description")}
            bars={data.rows.map((unit) => ({ label: unit.name, value: unit.rate }))}
          />
          <CompletionTable rows={data.rows} caption={t("reports.table.caption", { date: data.asOfText })} linkFor={(unitId) => link(unitId)} />
          <DownloadLinks label={t("reports.exportUnits")} query={data.query} />
        </>
      ) : null}

      <CourseSection courses={data.courses} total={data.courseCount} date={data.asOfText} exportQuery={data.areaQuery} />
      <TrendSection points={data.trend} exportQuery={data.areaQuery} />

      {focus ? (
        <PeopleSection
          unitName={focus.name}
          people={data.people}
          personLink={(userId) => `/manage/reports/people/${userId}?${data.query}`}
          exportQuery={`${new URLSearchParams([...new URLSearchParams(data.query), ["table", "people"], ["unit", focus.unitId]])}`}
        />
      ) : null}
      <DetailExportForm query={data.query} />
    </>
  );
}
