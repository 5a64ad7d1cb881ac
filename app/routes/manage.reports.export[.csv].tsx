import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { completionByUnit, completionRate, requirementsInUnit } from "~/models/completion-report.server";
import { inScope, requireReport } from "~/services/reports.server";
import { CSV_BOM, csvLine } from "~/utils/csv";
import { formatDate } from "~/utils/format";

// The report's tables as CSV (UTF-8 with a byte-order mark, so Excel shows
// Vietnamese correctly): every unit in the viewer's scope with its own and
// rolled-up figures, or (?table=people&unit=…) one unit's people. Same
// guard, scope and filters as the page: a unit outside the scope is a 404.
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const day = filters.asOf.toISOString().slice(0, 10);
  const reply = (name: string, lines: string[]) =>
    new Response(CSV_BOM + lines.join(""), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-${day}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });

  if (url.searchParams.get("table") === "people") {
    if (!filters.unit || !inScope(scope, filters.unit)) throw new Response(t("reports.unitNotFound"), { status: 404 });
    const people = await requirementsInUnit({ unitId: filters.unit, asOf: filters.asOf, courseId: filters.courseId, staffCategory: filters.staffCategory });
    return reply("bao-cao-nguoi", [
      csvLine([t("reports.column.person"), t("reports.column.course"), t("reports.column.dueOn"), t("reports.column.status"), t("reports.column.completedOn")]),
      ...people.map((person) =>
        csvLine([person.fullName, person.courseTitle, formatDate(locale, person.dueOn), t(`assignments.status.${person.status}`), person.doneOn ? formatDate(locale, person.doneOn) : null]),
      ),
    ]);
  }

  const units = await completionByUnit({ asOf: filters.asOf, scopeUnitIds: scope, courseId: filters.courseId, staffCategory: filters.staffCategory });
  return reply("bao-cao-don-vi", [
    csvLine([
      t("reports.column.code"),
      t("reports.column.unit"),
      t("reports.column.assigned"),
      t("reports.column.done"),
      t("reports.column.rate"),
      t("reports.column.overdue"),
      t("reports.column.due"),
      t("reports.column.ownAssigned"),
      t("reports.column.ownDone"),
    ]),
    ...units.map((unit) =>
      csvLine([unit.code, unit.name, unit.total.assigned, unit.total.done, completionRate(unit.total), unit.total.overdue, unit.total.due, unit.own.assigned, unit.own.done]),
    ),
  ]);
}
