import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import type { Locale } from "~/i18n/i18n";
import { completionByUnit, completionRate, overdueOn, requirementsInUnit, type CompletionFilters } from "~/models/completion-report.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { getLogger } from "~/utils/logger.server";
import { CSV_BOM, csvLine } from "~/utils/csv";
import { formatDate } from "~/utils/format";
import { completionFilters, inScope, requireReport } from "./reports.server";

// The report's tables for download, as CSV (UTF-8 with a byte-order mark, so
// Excel shows Vietnamese correctly) or .xlsx (exceljs's streaming writer):
// every unit in the viewer's scope with its own and rolled-up figures, or
// (?table=people&unit=…) one unit's people and their courses, or
// (?table=overdue) everyone overdue in scope. The page's
// guard, scope and filters: a unit outside the scope is a 404. Rows are
// written as they are produced, never gathered into one string or workbook.

type Cell = string | number | null;
type ReportTable = { fileName: string; sheetName: string; header: string[]; rows: AsyncIterable<Cell[]> | Iterable<Cell[]> };

/** The table asked for, after the report's guard. */
export async function reportTable(request: Request): Promise<ReportTable> {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const day = filters.asOf.toISOString().slice(0, 10);
  if (url.searchParams.get("table") === "overdue") {
    if (filters.unit && !inScope(scope, filters.unit)) throw new Response(t("reports.unitNotFound"), { status: 404 });
    const units = filters.unit ? await listSubtreeUnitIds([filters.unit]) : scope;
    return {
      fileName: `bao-cao-qua-han-${day}`,
      sheetName: t("reports.overdue.title"),
      header: [t("reports.column.person"), t("reports.column.unit"), t("reports.column.course"), t("reports.column.dueOn"), t("reports.column.daysLate")],
      rows: overdueRows(completionFilters(filters, units), locale),
    };
  }
  if (url.searchParams.get("table") === "people") {
    if (!filters.unit || !inScope(scope, filters.unit)) throw new Response(t("reports.unitNotFound"), { status: 404 });
    const people = await requirementsInUnit({ ...completionFilters(filters, null), unitId: filters.unit, status: filters.status });
    return {
      fileName: `bao-cao-nguoi-${day}`,
      sheetName: t("reports.column.person"),
      header: [t("reports.column.person"), t("reports.column.course"), t("reports.column.dueOn"), t("reports.column.status"), t("reports.column.completedOn")],
      rows: people.map((person) => [person.fullName, person.courseTitle, formatDate(locale, person.dueOn), t(`assignments.status.${person.status}`), person.doneOn ? formatDate(locale, person.doneOn) : null]),
    };
  }
  const units = await completionByUnit(completionFilters(filters, scope));
  return {
    fileName: `bao-cao-don-vi-${day}`,
    sheetName: t("reports.column.unit"),
    header: [
      t("reports.column.code"),
      t("reports.column.unit"),
      t("reports.column.assigned"),
      t("reports.column.done"),
      t("reports.column.rate"),
      t("reports.column.overdue"),
      t("reports.column.due"),
      t("reports.column.ownAssigned"),
      t("reports.column.ownDone"),
    ],
    rows: units.map((unit) => [unit.code, unit.name, unit.total.assigned, unit.total.done, completionRate(unit.total), unit.total.overdue, unit.total.due, unit.own.assigned, unit.own.done]),
  };
}

/** Every overdue requirement in scope, read a batch at a time (keyset order): a province's list never sits in memory whole. */
async function* overdueRows(filters: CompletionFilters, locale: Locale): AsyncGenerator<Cell[]> {
  const DAY = 24 * 60 * 60 * 1000;
  let after: { dueOn: Date; requirementId: string } | undefined;
  for (;;) {
    const batch = await overdueOn(filters, { limit: EXPORT_BATCH, after });
    for (const row of batch) yield [row.fullName, row.unitName, row.courseTitle, formatDate(locale, row.dueOn), Math.round((filters.asOf.getTime() - row.dueOn.getTime()) / DAY)];
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH) return;
    after = { dueOn: last.dueOn, requirementId: last.requirementId };
  }
}

const EXPORT_BATCH = 2000;

const downloadHeaders = (contentType: string, fileName: string) => ({
  "Content-Type": contentType,
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "private, no-store",
});

/** Streams a Node stream filled by `write` as the response body; a failure half-way ends the download with an error, logged. */
function streamed(write: (out: PassThrough) => Promise<void>, headers: Record<string, string>) {
  const out = new PassThrough();
  write(out).then(
    () => out.end(),
    (error: unknown) => {
      getLogger().error({ err: error }, "report export failed half-way");
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return new Response(createReadableStreamFromReadable(out), { headers });
}

export function csvResponse(table: ReportTable) {
  return streamed(async (out) => {
    out.write(CSV_BOM + csvLine(table.header));
    for await (const row of table.rows) {
      // Respect back-pressure: a slow download must not pile rows up in memory.
      if (!out.write(csvLine(row))) await new Promise((resolve) => out.once("drain", resolve));
    }
  }, downloadHeaders("text/csv; charset=utf-8", `${table.fileName}.csv`));
}

export function xlsxResponse(table: ReportTable) {
  return streamed(async (out) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    // Sheet names: at most 31 characters, none of []:*?/\ .
    const sheet = workbook.addWorksheet(table.sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.header.map((header, index) => ({ header, key: String(index), width: Math.max(12, Math.min(50, header.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  }, downloadHeaders("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${table.fileName}.xlsx`));
}
