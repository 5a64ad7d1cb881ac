import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { StaffCategory } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n/vi";
import { recordAudit } from "~/models/audit.server";
import { findUnitIdsByCode } from "~/models/org-unit.server";
import {
  applyCheckedImport,
  changesOf,
  findPeopleByEmails,
  type ImportRow,
  findPeopleByEmployeeCodes,
  saveCheckedImport,
} from "~/models/people-import.server";
import { parseCsv } from "~/utils/csv";
import { foldForSearch } from "~/utils/text";

// Bulk import of people from the spreadsheets HR offices keep (.xlsx or
// .csv). Two steps: check (every row validated, errors listed per row in
// Vietnamese, nothing written) then apply (all rows in one transaction, or
// none). Importing the same file again changes nothing.

export const MAX_IMPORT_ROWS = 20_000;

export type { ImportRow };
export type RowError = { line: number; column: string; message: MessageKey; params: Record<string, string> };
export type CheckResult =
  | { ok: true; rows: ImportRow[]; created: number; updated: number; unchanged: number }
  | { ok: false; errors: RowError[]; rowCount: number };

const columns = {
  fullName: ["họ và tên", "họ tên", "full name", "name"],
  email: ["email", "e-mail", "thư điện tử"],
  employeeCode: ["mã cán bộ", "mã cbccvc", "mã nhân viên", "employee code"],
  jobTitle: ["chức vụ", "chức danh", "job title"],
  staffCategory: ["đối tượng", "loại", "staff category", "category"],
  unitCode: ["mã đơn vị", "unit code"],
} as const;
type Column = keyof typeof columns;
const required: Column[] = ["fullName", "email", "staffCategory", "unitCode"];
const columnLabels: Record<Column, string> = {
  fullName: "Họ và tên",
  email: "Email",
  employeeCode: "Mã cán bộ",
  jobTitle: "Chức vụ",
  staffCategory: "Đối tượng",
  unitCode: "Mã đơn vị",
};

const categories: Record<string, StaffCategory> = {
  "can bo": "CAN_BO",
  "cong chuc": "CONG_CHUC",
  "vien chuc": "VIEN_CHUC",
  khac: "OTHER",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text); // hyperlinks: e-mails often are
    if ("result" in value) return cellText(value.result ?? null);
    return "";
  }
  return String(value);
}

/** The sheet as rows of text; throws an ImportFileError for what cannot be read. */
export async function readSpreadsheet(fileName: string, content: Buffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) return parseCsv(content.toString("utf8"));
  if (!/\.xlsx$/i.test(fileName)) throw new ImportFileError("import.error.file.type");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(Readable.from([content]));
  } catch {
    throw new ImportFileError("import.error.file.unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("import.error.file.empty");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, index) => {
      cells[index - 1] = cellText(cell.value).trim();
    });
    rows.push(Array.from(cells, (cell) => cell ?? ""));
  });
  return rows;
}

export class ImportFileError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** Validates every row against the file itself and the database; writes nothing. */
export async function checkImport(table: string[][]): Promise<CheckResult> {
  const [header = [], ...body] = table;
  if (!body.length) return { ok: false, rowCount: 0, errors: [{ line: 1, column: "", message: "import.error.file.empty", params: {} }] };
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, rowCount: body.length, errors: [{ line: 1, column: "", message: "import.error.tooManyRows", params: { max: String(MAX_IMPORT_ROWS) } }] };
  }
  const position = new Map<Column, number>();
  header.forEach((title, index) => {
    const folded = foldForSearch(title);
    for (const [column, aliases] of Object.entries(columns) as [Column, readonly string[]][]) {
      if (aliases.some((alias) => foldForSearch(alias) === folded)) position.set(column, index);
    }
  });
  const missing = required.filter((column) => !position.has(column));
  if (missing.length) {
    return {
      ok: false,
      rowCount: body.length,
      errors: missing.map((column) => ({ line: 1, column: columnLabels[column], message: "import.error.missingColumn", params: { column: columnLabels[column] } })),
    };
  }
  const cell = (cells: string[], column: Column) => {
    const index = position.get(column);
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };

  const errors: RowError[] = [];
  const fail = (line: number, column: Column, message: MessageKey, params: Record<string, string> = {}) =>
    errors.push({ line, column: columnLabels[column], message, params });
  const rows: ImportRow[] = [];
  const seenEmails = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const unitIds = await findUnitIdsByCode([...new Set(body.map((cells) => cell(cells, "unitCode")))]);

  body.forEach((cells, index) => {
    const line = index + 2; // 1-based, after the header, as the spreadsheet shows it
    const before = errors.length;
    const fullName = cell(cells, "fullName").replace(/\s+/g, " ");
    const email = cell(cells, "email").toLowerCase();
    const employeeCode = cell(cells, "employeeCode") || null;
    const categoryText = cell(cells, "staffCategory");
    const staffCategory = categories[foldForSearch(categoryText)];
    const unitCode = cell(cells, "unitCode").toUpperCase();
    if (!fullName) fail(line, "fullName", "import.error.fullName.required");
    else if (fullName.length > 200) fail(line, "fullName", "import.error.fullName.tooLong");
    if (!EMAIL.test(email) || email.length > 254) fail(line, "email", "import.error.email.invalid", { value: email });
    else if (seenEmails.has(email)) fail(line, "email", "import.error.email.duplicate", { value: email, other: String(seenEmails.get(email)) });
    if (!staffCategory) fail(line, "staffCategory", "import.error.category.unknown", { value: categoryText });
    if (!unitIds.has(unitCode)) fail(line, "unitCode", "import.error.unit.unknown", { value: unitCode });
    if (employeeCode && seenCodes.has(employeeCode)) {
      fail(line, "employeeCode", "import.error.employeeCode.duplicate", { value: employeeCode, other: String(seenCodes.get(employeeCode)) });
    }
    seenEmails.set(email, seenEmails.get(email) ?? line);
    if (employeeCode) seenCodes.set(employeeCode, seenCodes.get(employeeCode) ?? line);
    if (errors.length === before && staffCategory) {
      rows.push({ line, fullName, email, employeeCode, jobTitle: cell(cells, "jobTitle") || null, staffCategory, unitCode });
    }
  });

  // An employee code already held by someone with another e-mail address.
  const holders = await findPeopleByEmployeeCodes(rows.flatMap((row) => (row.employeeCode ? [row.employeeCode] : [])));
  for (const row of rows) {
    const holder = row.employeeCode ? holders.get(row.employeeCode) : undefined;
    if (holder && holder !== row.email) {
      fail(row.line, "employeeCode", "import.error.employeeCode.taken", { value: row.employeeCode ?? "", email: holder });
    }
  }
  if (errors.length) return { ok: false, rowCount: body.length, errors: errors.sort((a, b) => a.line - b.line) };

  const existing = await findPeopleByEmails(rows.map((row) => row.email));
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    const person = existing.get(row.email);
    if (!person) created++;
    else {
      const changes = changesOf(person, row, unitIds.get(row.unitCode));
      if (changes.fieldsChanged || changes.unitChanged) updated++;
    }
  }
  return { ok: true, rows, created, updated, unchanged: rows.length - created - updated };
}

/** Keeps checked rows until the person confirms; returns the import's id. */
export async function storeCheckedImport(input: { actorId: string; fileName: string; rows: ImportRow[] }) {
  const saved = await saveCheckedImport({ createdById: input.actorId, fileName: input.fileName, rows: input.rows });
  return saved.id;
}

/** Writes a checked import, all or nothing, once. Null when it was already applied. */
export async function applyImport(input: { importId: string; actorId: string; ipAddress: string; today?: Date }) {
  const summary = await applyCheckedImport({ importId: input.importId, userId: input.actorId, today: input.today ?? new Date() });
  if (summary) {
    await recordAudit({
      action: "people.imported",
      actorId: input.actorId,
      targetType: "people_import",
      targetId: input.importId,
      detail: summary,
      ipAddress: input.ipAddress,
    });
  }
  return summary;
}
