import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { applyImport, checkImport, readSpreadsheet, storeCheckedImport } from "./people-import.server";

const header = ["Họ và tên", "Email", "Mã cán bộ", "Chức vụ", "Đối tượng", "Mã đơn vị"];
const categories = ["Công chức", "Viên chức", "Cán bộ", "Khác"];
const units = ["T-A", "T-A-1", "T-B"];

function peopleRows(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `Nguyễn Văn Thử ${index + 1}`,
    `nguoi${index + 1}@import.test`,
    `NV${String(index + 1).padStart(5, "0")}`,
    "Chuyên viên",
    categories[index % categories.length] ?? "Khác",
    units[index % units.length] ?? "T-A",
  ]);
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let adminId = "";
beforeAll(async () => {
  await makeUnits();
  adminId = (await makePerson({ email: "admin@example.test", role: "ADMIN" })).id;
});

describe("people import", () => {
  test("a 1,000-row .xlsx with 3 bad rows shows exactly those 3 errors and writes nothing", async () => {
    const rows = peopleRows(1000);
    rows[99] = [...(rows[99] ?? [])];
    rows[99][1] = "khong-phai-email"; // spreadsheet line 101
    rows[500] = [...(rows[500] ?? [])];
    rows[500][5] = "KHONG-CO"; // line 502
    rows[801] = [...(rows[801] ?? [])];
    rows[801][1] = "nguoi5@import.test"; // line 803 repeats line 6's e-mail
    const before = await prisma.user.count();

    const result = await checkImport(await readSpreadsheet("danh-sach.xlsx", await xlsx(rows)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.column, error.message])).toEqual([
      [101, "Email", "import.error.email.invalid"],
      [502, "Mã đơn vị", "import.error.unit.unknown"],
      [803, "Email", "import.error.email.duplicate"],
    ]);
    expect(result.errors[2]?.params).toEqual({ value: "nguoi5@import.test", other: "6" });
    expect(await prisma.user.count()).toBe(before);
  });

  test("corrected, it imports all 1,000 at once; the same file again changes nothing", async () => {
    const file = await xlsx(peopleRows(1000));
    const checked = await checkImport(await readSpreadsheet("danh-sach.xlsx", file));
    expect(checked).toMatchObject({ ok: true, created: 1000, updated: 0, unchanged: 0 });
    if (!checked.ok) return;
    const importId = await storeCheckedImport({ actorId: adminId, fileName: "danh-sach.xlsx", rows: checked.rows });

    const started = performance.now();
    const summary = await applyImport({ importId, actorId: adminId, ipAddress: "127.0.0.1" });
    console.info(`imported 1,000 people in ${Math.round(performance.now() - started)} ms`);
    expect(summary).toEqual({ created: 1000, updated: 0, unchanged: 0 });
    expect(await prisma.user.count({ where: { email: { endsWith: "@import.test" } } })).toBe(1000);
    const nguoi7 = await prisma.user.findUniqueOrThrow({
      where: { email: "nguoi7@import.test" },
      select: { searchName: true, staffCategory: true, memberships: { select: { unit: { select: { code: true } }, validTo: true } } },
    });
    expect(nguoi7).toEqual({ searchName: "nguyen van thu 7", staffCategory: "CAN_BO", memberships: [{ unit: { code: "T-A" }, validTo: null }] });

    // A double click: the same import is applied once.
    expect(await applyImport({ importId, actorId: adminId, ipAddress: "127.0.0.1" })).toBeNull();

    // The same file again: everything unchanged, and nothing is rewritten.
    const stamp = await prisma.user.findUniqueOrThrow({ where: { email: "nguoi7@import.test" }, select: { updatedAt: true } });
    const again = await checkImport(await readSpreadsheet("danh-sach.xlsx", file));
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1000 });
    if (!again.ok) return;
    const secondId = await storeCheckedImport({ actorId: adminId, fileName: "danh-sach.xlsx", rows: again.rows });
    expect(await applyImport({ importId: secondId, actorId: adminId, ipAddress: "127.0.0.1" })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1000,
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "nguoi7@import.test" }, select: { updatedAt: true } })).toEqual(stamp);
    expect(await prisma.unitMembership.count({ where: { user: { email: { endsWith: "@import.test" } } } })).toBe(1000);
  }, 60_000);

  test("a move to another unit keeps the old membership as history", async () => {
    const rows = peopleRows(3);
    rows[0] = ["Nguyễn Văn Thử 1", "nguoi1@import.test", "NV00001", "Trưởng phòng", "Công chức", "T-B"];
    const csv = [header, ...rows].map((cells) => cells.join(";")).join("\r\n");
    const checked = await checkImport(await readSpreadsheet("danh-sach.csv", Buffer.from(`\uFEFF${csv}`)));
    expect(checked).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
    if (!checked.ok) return;
    const importId = await storeCheckedImport({ actorId: adminId, fileName: "danh-sach.csv", rows: checked.rows });
    await applyImport({ importId, actorId: adminId, ipAddress: "127.0.0.1", today: new Date("2030-01-15") });
    const memberships = await prisma.unitMembership.findMany({
      where: { user: { email: "nguoi1@import.test" } },
      select: { unit: { select: { code: true } }, validTo: true },
      orderBy: { validFrom: "asc" },
    });
    expect(memberships).toEqual([
      { unit: { code: "T-A" }, validTo: new Date("2030-01-15") },
      { unit: { code: "T-B" }, validTo: null },
    ]);
  });

  test("missing columns and files that are not spreadsheets are refused plainly", async () => {
    const result = await checkImport([["Tên", "Email"], ["A", "a@x.vn"]]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.params.column)).toEqual(["Họ và tên", "Đối tượng", "Mã đơn vị"]);
    await expect(readSpreadsheet("anh.png", Buffer.from("x"))).rejects.toMatchObject({ key: "import.error.file.type" });
    await expect(readSpreadsheet("hong.xlsx", Buffer.from("not a zip"))).rejects.toMatchObject({ key: "import.error.file.unreadable" });
  });

  test("an employee code that belongs to someone else is an error", async () => {
    await makePerson({ email: "owner@example.test" });
    await prisma.user.update({ where: { email: "owner@example.test" }, data: { employeeCode: "NV-OWNED" } });
    const result = await checkImport([header, ["Lê Văn Khác", "khac@import.test", "NV-OWNED", "", "Công chức", "T-A"]]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 2, message: "import.error.employeeCode.taken" });
  });
});
