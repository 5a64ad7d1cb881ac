import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { en } from "~/i18n/en";
import { createTranslate, isLocale, type Translate } from "~/i18n/i18n";
import { vi } from "~/i18n/vi";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import type { Locale } from "~/i18n/i18n";
import {
  completionByCourse,
  completionByUnit,
  completionRate,
  completionTrend,
  overdueOn,
  requirementBatch,
  requirementsInUnit,
  requirementsOfPerson,
  unitOfPersonOn,
  type CompletionCounts,
  type CompletionFilters,
} from "~/models/completion-report.server";
import { claimReportExport, failReportExport, finishReportExport, getMyFinishedExport, removeExpiredReportExports, type ExportFormat } from "~/models/report-export.server";
import { getEnv } from "~/utils/env.server";
import { isUuid } from "~/utils/ids";
import { requirementStatusLabel } from "~/utils/report-labels";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { getLogger } from "~/utils/logger.server";
import { CSV_BOM, csvLine } from "~/utils/csv";
import { formatDate } from "~/utils/format";
import { completionFilters, inScope, parseReportFilters, requireReport, trendMonths } from "./reports.server";

// The report's tables for download, as CSV (UTF-8 with a byte-order mark, so
// Excel shows Vietnamese correctly) or .xlsx (exceljs's streaming writer):
// every unit in the viewer's scope with its own and rolled-up figures, or
// (?table=people&unit=…) one unit's people and their courses, or
// (?table=overdue) everyone overdue in scope, or the by-course and
// month-by-month tables (?table=courses, ?table=trend). The page's
// guard, scope and filters (requireReport: a unit outside the scope is a
// 404, so `unit` below is always one of the viewer's). Rows are
// written as they are produced, never gathered into one string or workbook.

type Cell = string | number | null;
type ReportTable = { fileName: string; sheetName: string; header: string[]; rows: AsyncIterable<Cell[]> | Iterable<Cell[]> };

/** The table asked for, after the report's guard. */
export async function reportTable(request: Request): Promise<ReportTable> {
  const { url, filters, scope } = await requireReport(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const day = filters.asOf.toISOString().slice(0, 10);
  const table = url.searchParams.get("table");
  if (table === "courses" || table === "trend") {
    const area = completionFilters(filters, filters.unit ? await listSubtreeUnitIds([filters.unit]) : scope);
    const counts = [t("reports.column.assigned"), t("reports.column.done"), t("reports.column.rate"), t("reports.column.overdue"), t("reports.column.due")];
    const cells = (counts: CompletionCounts) => [counts.assigned, counts.done, completionRate(counts), counts.overdue, counts.due];
    if (table === "courses") {
      const courses = await completionByCourse(area);
      return { fileName: `bao-cao-khoa-hoc-${day}`, sheetName: t("reports.byCourse"), header: [t("reports.column.course"), ...counts], rows: courses.map((course) => [course.title, ...cells(course.counts)]) };
    }
    const trend = await completionTrend({ ...area, months: trendMonths(filters) });
    return { fileName: `bao-cao-theo-thang-${day}`, sheetName: t("reports.column.month"), header: [t("reports.column.month"), ...counts], rows: trend.map((point) => [point.asOf.toISOString().slice(0, 10), ...cells(point.counts)]) };
  }
  if (table === "person") {
    // One person's courses and dates: only while they were in the viewer's units on the day.
    const userId = url.searchParams.get("person") ?? "";
    const unit = isUuid(userId) ? await unitOfPersonOn({ userId, asOf: filters.asOf }) : null;
    if (!unit || !inScope(scope, unit.unitId)) throw new Response(t("reports.personNotFound"), { status: 404 });
    const rows = await requirementsOfPerson({ userId, asOf: filters.asOf });
    const date = (value: Date | null) => (value ? formatDate(locale, value) : null);
    return {
      fileName: `bao-cao-ca-nhan-${day}`,
      sheetName: t("reports.person.requirements"),
      header: [t("reports.column.course"), t("reports.column.assignedOn"), t("reports.column.endedOn"), t("reports.column.dueOn"), t("reports.column.status"), t("reports.column.completedOn")],
      rows: rows.map((row) => [row.courseTitle, date(row.assignedOn), date(row.endedOn), date(row.dueOn), t(requirementStatusLabel(row.status)), date(row.doneOn)]),
    };
  }
  if (table === "overdue") {
    const units = filters.unit ? await listSubtreeUnitIds([filters.unit]) : scope;
    return {
      fileName: `bao-cao-qua-han-${day}`,
      sheetName: t("reports.overdue.title"),
      header: [t("reports.column.person"), t("reports.column.unit"), t("reports.column.course"), t("reports.column.dueOn"), t("reports.column.daysLate")],
      rows: overdueRows(completionFilters(filters, units), locale),
    };
  }
  if (table === "people") {
    // Which unit's people: required (one outside the scope never gets here, see requireReport).
    if (!filters.unit) throw new Response(t("reports.unitNotFound"), { status: 404 });
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
  let after: { dueOn: Date; requirementId: string } | undefined;
  for (;;) {
    const batch = await overdueOn(filters, { limit: EXPORT_BATCH, after });
    for (const row of batch) yield [row.fullName, row.unitName, row.courseTitle, formatDate(locale, row.dueOn), row.daysLate];
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

/**
 * Streams a Node stream filled by `write` as the response body. A failure
 * half-way ends the download with an error, logged; a reader who goes away
 * (`signal`) stops the writing, so no more batches are read for nobody.
 * (Remix writes the body to the socket without waiting for it to drain: a
 * very slow reader of a large table can make the server buffer it. The
 * province-wide files go through the job queue and a file instead.)
 */
function streamed(write: (out: PassThrough) => Promise<unknown>, headers: Record<string, string>, signal?: AbortSignal) {
  const out = new PassThrough();
  signal?.addEventListener("abort", () => out.destroy(), { once: true });
  write(out).then(
    () => out.end(),
    (error: unknown) => {
      if (out.destroyed) return;
      getLogger().error({ err: error }, "report export failed half-way");
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return new Response(createReadableStreamFromReadable(out), { headers });
}

/** Writes one chunk, waiting while the reader is behind; stops when the stream has been closed. */
async function send(out: Writable, chunk: string) {
  if (out.destroyed) throw new Error("the download was closed");
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const closed = () => reject(new Error("the download was closed"));
    out.once("close", closed);
    out.once("drain", () => {
      out.off("close", closed);
      resolve();
    });
  });
}

/** The table as CSV into `out` (not ended); how many rows. */
async function writeCsv(out: Writable, table: ReportTable) {
  let rows = 0;
  await send(out, CSV_BOM + csvLine(table.header));
  for await (const row of table.rows) {
    await send(out, csvLine(row));
    rows++;
  }
  return rows;
}

/** The table as an .xlsx workbook into `out` (exceljs ends it); how many rows. */
async function writeXlsx(out: Writable, table: ReportTable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // Sheet names: at most 31 characters, none of []:*?/\ .
  const sheet = workbook.addWorksheet(table.sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.header.map((header, index) => ({ header, key: String(index), width: Math.max(12, Math.min(50, header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  for await (const row of table.rows) {
    if (out.destroyed) throw new Error("the download was closed");
    sheet.addRow(row).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

export function csvResponse(table: ReportTable, signal?: AbortSignal) {
  return streamed((out) => writeCsv(out, table), downloadHeaders("text/csv; charset=utf-8", `${table.fileName}.csv`), signal);
}

export function xlsxResponse(table: ReportTable, signal?: AbortSignal) {
  return streamed((out) => writeXlsx(out, table), downloadHeaders(XLSX_TYPE, `${table.fileName}.xlsx`), signal);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---- Background exports: every requirement in scope, written by the job queue.

const exportPath = (id: string, format: ExportFormat) => path.resolve(getEnv().EXPORT_DIR, `${id}.${format}`);

/** Every requirement in force on the day in scope, one row each, read in batches. */
function requirementsTable(filters: CompletionFilters, t: Translate, locale: Locale): ReportTable {
  async function* rows(): AsyncGenerator<Cell[]> {
    let after: string | undefined;
    for (;;) {
      const batch = await requirementBatch(filters, { after, limit: EXPORT_BATCH });
      for (const row of batch) {
        yield [row.unitCode, row.unitName, row.fullName, row.employeeCode, t(`staff.${row.staffCategory}`), row.courseTitle,
          formatDate(locale, row.assignedOn), formatDate(locale, row.dueOn), t(`assignments.status.${row.status}`), row.doneOn ? formatDate(locale, row.doneOn) : null];
      }
      if (batch.length < EXPORT_BATCH) return;
      after = batch.at(-1)!.id;
    }
  }
  return {
    fileName: `bao-cao-chi-tiet-${filters.asOf.toISOString().slice(0, 10)}`,
    sheetName: t("reports.exports.sheet"),
    header: [t("reports.column.code"), t("reports.column.unit"), t("reports.column.person"), t("reports.column.employeeCode"), t("reports.staffCategory"), t("reports.column.course"),
      t("reports.column.assignedOn"), t("reports.column.dueOn"), t("reports.column.status"), t("reports.column.completedOn")],
    rows: rows(),
  };
}

/**
 * The job: writes one export to EXPORT_DIR (to a temporary name first, so a
 * crash never leaves half a file to download), then marks it done. A retry
 * of a finished or removed export does nothing.
 */
export async function runReportExport({ exportId }: { exportId: string }) {
  const job = await claimReportExport({ id: exportId });
  if (!job) return { exportId, skipped: true };
  const locale: Locale = isLocale(job.locale) ? job.locale : "vi";
  const t = createTranslate(locale, locale === "en" ? en : vi);
  const filters = parseReportFilters(new URLSearchParams(job.query));
  const target = exportPath(job.id, job.format);
  const partial = `${target}.part`;
  let file: WriteStream | undefined;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    file = createWriteStream(partial);
    const table = requirementsTable(completionFilters(filters, job.scopeUnitIds), t, locale);
    const rowCount = job.format === "xlsx" ? await writeXlsx(file, table) : await writeCsv(file, table);
    if (job.format === "csv") file.end();
    await finished(file);
    await rename(partial, target);
    await finishReportExport({ id: job.id, rowCount, byteSize: (await stat(target)).size });
    return { exportId, rowCount };
  } catch (error) {
    getLogger().error({ err: error, exportId }, "report export failed");
    file?.destroy();
    await rm(partial, { force: true });
    await failReportExport({ id: job.id });
    return { exportId, failed: true };
  }
}

/** The finished file of one export, for its requester, as a download; null when there is none (any more). */
export async function exportDownload({ exportId, userId }: { exportId: string; userId: string }) {
  const row = await getMyFinishedExport({ id: exportId, userId });
  if (!row) return null;
  const file = exportPath(row.id, row.format as ExportFormat);
  const size = await stat(file).then((info) => info.size, () => null);
  if (size === null) return null;
  const name = `bao-cao-chi-tiet-${row.createdAt.toISOString().slice(0, 10)}.${row.format}`;
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: { ...downloadHeaders(row.format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8", name), "Content-Length": String(size) },
  });
}

/** The nightly clean-up: expired exports and their files, and half-written files a crash left (a day old). */
export async function removeExpiredExports() {
  const expired = await removeExpiredReportExports();
  for (const row of expired) await rm(exportPath(row.id, row.format as ExportFormat), { force: true });
  const dir = path.resolve(getEnv().EXPORT_DIR);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith(".part")) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 24 * 60 * 60 * 1000) await rm(file, { force: true });
  }
  return expired.length;
}
