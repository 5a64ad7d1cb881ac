import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { loader as reportLoader } from "../routes/manage.reports._index";
import ExcelJS from "exceljs";
import { loader as exportLoader } from "../routes/manage.reports.export[.csv]";
import { loader as xlsxLoader } from "../routes/manage.reports.export[.xlsx]";
import { loader as overdueLoader } from "../routes/manage.reports.overdue";
import { action as requestExport, loader as exportsLoader } from "../routes/manage.reports.exports";
import { loader as downloadLoader } from "../routes/manage.reports.exports.$exportId";
import { removeExpiredExports, runReportExport } from "../services/report-export.server";
import { loader as personLoader } from "../routes/manage.reports.people.$userId";
import { parseOverdueCursor, parseReportFilters, reportChoices, trendMonths } from "../services/reports.server";
import { completionByCourse, completionByUnit, completionRate, completionTrend, monthEnds, peopleInUnit, requirementsInUnit, type UnitCompletion } from "./completion-report.server";
import { listSubtreeUnitIds } from "./org-unit.server";

// A small province whose every number is worked out by hand:
//
//   T (province)
//   ├─ T-A (department): p3, assigned, due in December
//   │   └─ T-A-1 (office): p1 done in February; p2 overdue since 1 March;
//   │                      p4 until 1 April, then moved to T-B (done in May)
//   └─ T-B (department): p5 whose requirement ended on 1 February;
//                        p6 under a yearly rule whose last completion (2024) had lapsed
//
// The figures as of 15 March and as of 1 June differ exactly by p4's move,
// p4's completion, and p5's requirement ending.

const day = (text: string) => new Date(`${text}T00:00:00Z`);
let units: Map<string, string>;

beforeAll(async () => {
  await makeUnits();
  units = new Map((await prisma.orgUnit.findMany({ select: { id: true, code: true } })).map((unit) => [unit.code, unit.id]));
  const courseId = await publishTestCourse(oneLessonCourse("bao-cao-hoan-thanh", "Khoá phải học"));
  const versionId = (await prisma.courseVersion.findFirstOrThrow({ where: { courseId } })).id;
  const person = async (name: string, unitCode: string) => (await makePerson({ email: `${name}@bao-cao.test`, fullName: name, unitCode })).id;
  const require = (userId: string, assignmentId: string, dueOn: string, endedOn: string | null = null) =>
    prisma.personAssignment.create({ data: { userId, assignmentId, assignedOn: day("2026-01-01"), dueOn: day(dueOn), endedOn: endedOn ? day(endedOn) : null } });
  const complete = (userId: string, completedAt: string) =>
    prisma.enrolment.create({ data: { userId, courseId, versionId, status: "COMPLETED", completedAt: new Date(completedAt), startedAt: new Date(completedAt) } });

  // People first: the rules below are written directly, so nothing assigns them on its own.
  const [p1, p2, p3, p4, p5, p6] = [await person("p1", "T-A-1"), await person("p2", "T-A-1"), await person("p3", "T-A"), await person("p4", "T-A-1"), await person("p5", "T-B"), await person("p6", "T-B")];
  const once = await prisma.assignment.create({ data: { courseId, target: "UNIT", unitId: units.get("T")!, dueDate: day("2026-03-01") } });
  const yearly = await prisma.assignment.create({ data: { courseId, target: "UNIT", unitId: units.get("T-B")!, dueDays: 31, recurrenceMonths: 12 } });

  await require(p1, once.id, "2026-03-01");
  await complete(p1, "2026-02-10T03:00:00Z");
  await require(p2, once.id, "2026-03-01");
  await require(p3, once.id, "2026-12-01");
  await require(p4, once.id, "2026-06-30");
  await complete(p4, "2026-05-10T03:00:00Z");
  // p4 moves on 1 April: the office's membership ends, the department's begins.
  await prisma.unitMembership.updateMany({ where: { userId: p4 }, data: { validTo: day("2026-04-01") } });
  await prisma.unitMembership.create({ data: { userId: p4, unitId: units.get("T-B")!, validFrom: day("2026-04-01") } });
  await require(p5, once.id, "2026-03-01", "2026-02-01");
  await require(p6, yearly.id, "2026-02-01");
  await complete(p6, "2024-06-01T03:00:00Z");
});

const counts = (rows: UnitCompletion[], code: string) => {
  const row = rows.find((candidate) => candidate.code === code)!;
  return { own: row.own, total: row.total };
};

describe("completion by unit", () => {
  test("as of 1 June: p4 counts in T-B and is done; p5's requirement has ended; p6's old completion has lapsed", async () => {
    const rows = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: null });
    expect(rows.map((row) => row.code)).toEqual(["T", "T-A", "T-A-1", "T-B"]);
    expect(counts(rows, "T-A-1")).toEqual({ own: { assigned: 2, done: 1, overdue: 1, due: 0 }, total: { assigned: 2, done: 1, overdue: 1, due: 0 } });
    expect(counts(rows, "T-A")).toEqual({ own: { assigned: 1, done: 0, overdue: 0, due: 1 }, total: { assigned: 3, done: 1, overdue: 1, due: 1 } });
    expect(counts(rows, "T-B")).toEqual({ own: { assigned: 2, done: 1, overdue: 1, due: 0 }, total: { assigned: 2, done: 1, overdue: 1, due: 0 } });
    expect(counts(rows, "T").total).toEqual({ assigned: 5, done: 2, overdue: 2, due: 1 });
    expect(completionRate(counts(rows, "T").total)).toBe(40);
  });

  test("as of 15 March: p4 still counts in the office, not yet done; p5 had already left the rule", async () => {
    const rows = await completionByUnit({ asOf: day("2026-03-15"), scopeUnitIds: null });
    expect(counts(rows, "T-A-1").own).toEqual({ assigned: 3, done: 1, overdue: 1, due: 1 });
    expect(counts(rows, "T-B").own).toEqual({ assigned: 1, done: 0, overdue: 1, due: 0 });
    expect(counts(rows, "T").total).toEqual({ assigned: 5, done: 1, overdue: 2, due: 2 });
  });

  test("on 15 January p5 is still counted, and nothing is overdue yet", async () => {
    const rows = await completionByUnit({ asOf: day("2026-01-15"), scopeUnitIds: null });
    expect(counts(rows, "T-B").own).toEqual({ assigned: 2, done: 0, overdue: 0, due: 2 });
    expect(counts(rows, "T").total).toEqual({ assigned: 6, done: 0, overdue: 0, due: 6 });
  });

  test("a manager of T-A sees T-A and its office only: no row, and no number, of T-B", async () => {
    const scope = await listSubtreeUnitIds([units.get("T-A")!]);
    const rows = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: scope });
    expect(rows.map((row) => row.code)).toEqual(["T-A", "T-A-1"]);
    expect(counts(rows, "T-A").total).toEqual({ assigned: 3, done: 1, overdue: 1, due: 1 });
  });

  test("filters: one rule, one staff category", async () => {
    const yearly = await prisma.assignment.findFirstOrThrow({ where: { recurrenceMonths: 12 } });
    const rows = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: null, assignmentId: yearly.id });
    expect(counts(rows, "T").total).toEqual({ assigned: 1, done: 0, overdue: 1, due: 0 });
    const none = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: null, staffCategory: "VIEN_CHUC" });
    expect(counts(none, "T").total).toEqual({ assigned: 0, done: 0, overdue: 0, due: 0 });
    expect(completionRate(counts(none, "T").total)).toBeNull();
  });

  test("filters: a competency area, people by status, and the trend's period", async () => {
    const area = await prisma.competencyArea.create({ data: { code: "9", name: "An toàn", nameEn: "Safety", position: 9 } });
    const other = await prisma.competencyArea.create({ data: { code: "8", name: "Khác", nameEn: "Other", position: 8 } });
    const competence = await prisma.competence.create({ data: { areaId: area.id, code: "9.1", name: "Bảo vệ", nameEn: "Protect", position: 1 } });
    const course = await prisma.course.findFirstOrThrow({ where: { slug: "bao-cao-hoan-thanh" } });
    await prisma.courseCompetence.create({ data: { courseId: course.id, competenceId: competence.id } });
    const inArea = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: null, areaId: area.id });
    expect(counts(inArea, "T").total).toEqual({ assigned: 5, done: 2, overdue: 2, due: 1 });
    const outside = await completionByUnit({ asOf: day("2026-06-01"), scopeUnitIds: null, areaId: other.id });
    expect(counts(outside, "T").total.assigned).toBe(0);
    const trend = await completionTrend({ asOf: day("2026-06-01"), scopeUnitIds: null, areaId: area.id, months: 2 });
    expect(trend.map((point) => point.counts.done)).toEqual([2, 2]);

    const overdue = await peopleInUnit({ unitId: units.get("T-A-1")!, asOf: day("2026-06-01"), status: "overdue" });
    expect(overdue.map((person) => person.fullName)).toEqual(["p2"]);
    const done = await requirementsInUnit({ unitId: units.get("T-A-1")!, asOf: day("2026-06-01"), status: "done" });
    expect(done.map((row) => row.fullName)).toEqual(["p1"]);

    // The rule filter offers a chosen course's rules only.
    const t = ((key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ""}`) as never;
    expect((await reportChoices(null, undefined, t)).ruleChoices).toEqual([]);
    expect((await reportChoices(null, course.id, t)).ruleChoices).toHaveLength(2);

    const filters = (query: string) => ({ asOf: day("2026-06-01"), ...Object.fromEntries(new URLSearchParams(query)) });
    expect(trendMonths(filters("from=2026-01") as never)).toBe(6);
    expect(trendMonths(filters("") as never)).toBe(12);
    expect(trendMonths(filters("from=2020-01") as never)).toBe(24);
    expect(trendMonths(filters("from=2027-01") as never)).toBe(1);

    // Unreadable filters fall back to their defaults, never an error.
    const today = new Date(`${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}T00:00:00Z`);
    for (const asOf of ["2026-02-30", "1901-01-31", "9999-12-31", "0000-01-01", "hôm qua"]) {
      expect(parseReportFilters(new URLSearchParams({ asOf })).asOf).toEqual(today);
    }
    expect(parseReportFilters(new URLSearchParams({ from: "2026-13" })).from).toBeUndefined();
    expect(parseOverdueCursor("2026-03-01_------------------------------------")).toBeUndefined();
    expect(parseOverdueCursor(`2026-03-01_${units.get("T")}`)).toEqual({ dueOn: day("2026-03-01"), requirementId: units.get("T") });
  });

  test("drill-down: the people of one unit on the day, each requirement with its status", async () => {
    const office = await requirementsInUnit({ unitId: units.get("T-A-1")!, asOf: day("2026-06-01") });
    expect(office.map((row) => [row.fullName, row.courseTitle, row.status])).toEqual([
      ["p1", "Khoá phải học", "done"],
      ["p2", "Khoá phải học", "overdue"],
    ]);
    expect(office[0]!.doneOn).toEqual(day("2026-02-10"));
    // In March the mover is still here, not yet done.
    const march = await requirementsInUnit({ unitId: units.get("T-A-1")!, asOf: day("2026-03-15") });
    expect(march.map((row) => [row.fullName, row.status])).toEqual([
      ["p1", "done"],
      ["p2", "overdue"],
      ["p4", "due"],
    ]);
  });

  test("the report page: a manager of T-A gets T-A's figures, and a 404 for T-B in the address", async () => {
    const manager = await makePerson({ email: "quanly@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const page = (query: string) => reportLoader({ request: new Request(`http://localhost/manage/reports?${query}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
    const top = await page("asOf=2026-06-01");
    expect(top.focus).toMatchObject({ code: "T-A", assigned: 3, done: 1, overdue: 1, due: 1, rate: 33 });
    expect(top.rows.map((row) => row.code)).toEqual(["T-A-1"]);
    expect(JSON.stringify(top)).not.toContain("T-B");
    const office = await page(`asOf=2026-06-01&unit=${units.get("T-A-1")}`);
    expect(office.people.map((person) => [person.fullName, person.assigned, person.done, person.overdue])).toEqual([
      ["p1", 1, 1, 0],
      ["p2", 1, 0, 1],
    ]);
    const outside = await page(`asOf=2026-06-01&unit=${units.get("T-B")}`).catch((error: unknown) => error);
    expect((outside as Response).status).toBe(404);
  });

  test("a person's page: their courses and dates, for a manager only while they were in the manager's units", async () => {
    const manager = await makePerson({ email: "quanly3@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const ids = new Map((await prisma.user.findMany({ select: { id: true, fullName: true } })).map((user) => [user.fullName, user.id]));
    const open = (name: string, asOf: string) =>
      personLoader({ request: new Request(`http://localhost/manage/reports/people/${ids.get(name)}?asOf=${asOf}`, { headers: { Cookie: cookie } }), params: { userId: ids.get(name)! }, context: {} });
    const p4March = await open("p4", "2026-03-15");
    expect(p4March.unit).toBe("Phòng A1");
    expect(p4March.requirements.map((row) => [row.courseTitle, row.status, row.doneOn])).toEqual([["Khoá phải học", "due", null]]);
    // As the day stood: p4 started (and finished) the course in May, so March shows no enrolment yet.
    expect(p4March.enrolments).toEqual([]);
    // By June p4 had moved to T-B, outside this manager's units: as if they did not exist.
    for (const [name, asOf] of [["p4", "2026-06-01"], ["p5", "2026-03-15"], ["p6", "2026-06-01"]] as const) {
      const refused = await open(name, asOf).catch((error: unknown) => error);
      expect((refused as Response).status).toBe(404);
    }
    const p1 = await open("p1", "2026-06-01");
    expect(p1.enrolments.map((row) => [row.courseTitle, row.status, row.completedAt])).toEqual([["Khoá phải học", "COMPLETED", "10 tháng 2, 2026"]]);
    expect(p1.requirements).toEqual([expect.objectContaining({ status: "done", doneOn: "10 tháng 2, 2026", dueOn: "1 tháng 3, 2026" })]);
    // Its table downloads the same, under the same rule.
    const csv = (name: string) => exportLoader({ request: new Request(`http://localhost/manage/reports/export.csv?asOf=2026-06-01&table=person&person=${ids.get(name)}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
    expect((await (await csv("p1")).text()).trim().split("\r\n")[1]).toBe('Khoá phải học,"1 tháng 1, 2026",,"1 tháng 3, 2026",Đã hoàn thành,"10 tháng 2, 2026"');
    expect(((await csv("p6").catch((error: unknown) => error)) as Response).status).toBe(404);
  });

  test("the overdue list: the longest overdue first, in scope, and its export", async () => {
    const manager = await makePerson({ email: "quanly5@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const admin = await makePerson({ email: "quantri5@bao-cao.test", role: "ADMIN" });
    const adminCookie = await sessionCookieFor(admin.id, "ADMIN");
    const list = (query: string, as = cookie) => overdueLoader({ request: new Request(`http://localhost/manage/reports/overdue?${query}`, { headers: { Cookie: as } }), params: {}, context: {} });
    // 1 June: p2 (due 1 March) in T-A-1 and p6 (due 1 February) in T-B; the manager of T-A sees p2 only.
    const theirs = await list("asOf=2026-06-01");
    expect(theirs.rows.map((row) => [row.fullName, row.unitName, row.daysLate])).toEqual([["p2", "Phòng A1", 92]]);
    const all = await list("asOf=2026-06-01", adminCookie);
    expect(all.rows.map((row) => row.fullName)).toEqual(["p6", "p2"]);
    expect(all.next).toBeNull();
    const outside = await list(`asOf=2026-06-01&unit=${units.get("T-B")}`).catch((error: unknown) => error);
    expect((outside as Response).status).toBe(404);
    const csv = await (await exportLoader({ request: new Request("http://localhost/manage/reports/export.csv?asOf=2026-06-01&table=overdue", { headers: { Cookie: adminCookie } }), params: {}, context: {} })).text();
    expect(csv.trim().split("\r\n").slice(1)).toEqual(["p6,Sở B,Khoá phải học,\"1 tháng 2, 2026\",120", "p2,Phòng A1,Khoá phải học,\"1 tháng 3, 2026\",92"]);
  });

  test("a detailed file made in the background: its requester's only, the same scope, gone once expired", async () => {
    const manager = await makePerson({ email: "quanly6@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const other = await makePerson({ email: "quanly7@bao-cao.test", role: "MANAGER" });
    const otherCookie = await sessionCookieFor(other.id, "MANAGER");
    const post = (body: Record<string, string>) =>
      requestExport({ request: new Request("http://localhost/manage/reports/exports", { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) }), params: {}, context: {} });
    const bad = (await post({ format: "pdf", query: "" })) as { init: { status: number } };
    expect(bad.init.status).toBe(400);
    expect(await prisma.reportExport.count()).toBe(0);
    const asked = (await post({ format: "csv", query: "asOf=2026-06-01&unit=ignored" })) as Response;
    expect(asked.status).toBe(302);
    const row = await prisma.reportExport.findFirstOrThrow({ where: { requestedById: manager.id } });
    expect(row).toMatchObject({ status: "PENDING", query: "asOf=2026-06-01", wholeProvince: false });

    // The job (run here as the worker would): every requirement in the manager's units on the day.
    expect(await runReportExport({ exportId: row.id })).toEqual({ exportId: row.id, rowCount: 3 });
    expect(await runReportExport({ exportId: row.id })).toEqual({ exportId: row.id, skipped: true });
    const list = await exportsLoader({ request: new Request("http://localhost/manage/reports/exports", { headers: { Cookie: cookie } }), params: {}, context: {} });
    expect(list.exports.map((item) => [item.status, item.rows])).toEqual([["DONE", 3]]);
    const download = (as: string) => downloadLoader({ request: new Request(`http://localhost/manage/reports/exports/${row.id}`, { headers: { Cookie: as } }), params: { exportId: row.id }, context: {} });
    const csv = await (await download(cookie)).text();
    expect(csv.trim().split("\r\n").map((line) => line.split(",").slice(0, 3).join(","))).toEqual([
      "Mã đơn vị,Đơn vị,Người",
      "T-A-1,Phòng A1,p1",
      "T-A-1,Phòng A1,p2",
      "T-A,Sở A,p3",
    ]);
    const refused = await download(otherCookie).catch((error: unknown) => error);
    expect((refused as Response).status).toBe(404);
    // The same as a workbook.
    await post({ format: "xlsx", query: "asOf=2026-06-01" });
    const workbookRow = await prisma.reportExport.findFirstOrThrow({ where: { requestedById: manager.id, format: "xlsx" } });
    expect(await runReportExport({ exportId: workbookRow.id })).toEqual({ exportId: workbookRow.id, rowCount: 3 });
    const workbook = new ExcelJS.Workbook();
    const file = downloadLoader({ request: new Request(`http://localhost/manage/reports/exports/${workbookRow.id}`, { headers: { Cookie: cookie } }), params: { exportId: workbookRow.id }, context: {} });
    await workbook.xlsx.load(await (await file).arrayBuffer());
    expect((workbook.worksheets[0]!.getRow(4).values as unknown[]).slice(1, 4)).toEqual(["T-A", "Sở A", "p3"]);

    // Expired: no longer listed or downloadable, and the nightly clean-up removes it.
    await prisma.reportExport.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(((await download(cookie).catch((error: unknown) => error)) as Response).status).toBe(404);
    await prisma.reportExport.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await removeExpiredExports()).toBe(2);
    expect(await prisma.reportExport.count()).toBe(0);
  });

  test("the CSV export: UTF-8 with a byte-order mark, the same numbers, and the same scope", async () => {
    const manager = await makePerson({ email: "quanly2@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const get = (query: string) => exportLoader({ request: new Request(`http://localhost/manage/reports/export.csv?${query}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
    const response = await get("asOf=2026-06-01");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("Mã đơn vị,Đơn vị,Được giao,Đã hoàn thành,Tỉ lệ,Quá hạn,Chưa đến hạn,Được giao (riêng đơn vị),Đã hoàn thành (riêng đơn vị)");
    expect(lines.slice(1)).toEqual(["T-A,Sở A,3,1,33,1,1,1,0", "T-A-1,Phòng A1,2,1,50,1,0,2,1"]);
    // The by-course and month-by-month tables of the same view.
    const courses = await (await get("asOf=2026-06-01&table=courses")).text();
    expect(courses.trim().split("\r\n")).toEqual(["Khoá học,Được giao,Đã hoàn thành,Tỉ lệ,Quá hạn,Chưa đến hạn", "Khoá phải học,3,1,33,1,1"]);
    const trend = await (await get("asOf=2026-06-01&from=2026-04&table=trend")).text();
    expect(trend.trim().split("\r\n").slice(1)).toEqual(["2026-04-30,3,1,33,1,1", "2026-05-31,3,1,33,1,1", "2026-06-01,3,1,33,1,1"]);
    const people = await (await get(`asOf=2026-06-01&table=people&unit=${units.get("T-A-1")}`)).text();
    expect(people).toContain("p2,Khoá phải học,");
    const outside = await get(`asOf=2026-06-01&table=people&unit=${units.get("T-B")}`).catch((error: unknown) => error);
    expect((outside as Response).status).toBe(404);
  });

  test("the Excel export: the same rows as numbers, bold frozen headers, and the same scope", async () => {
    const manager = await makePerson({ email: "quanly4@bao-cao.test", role: "MANAGER" });
    const cookie = await sessionCookieFor(manager.id, "MANAGER");
    const get = (query: string) => xlsxLoader({ request: new Request(`http://localhost/manage/reports/export.xlsx?${query}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
    const response = await get("asOf=2026-06-01");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="bao-cao-don-vi-2026-06-01.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Mã đơn vị", "Đơn vị", "Được giao", "Đã hoàn thành", "Tỉ lệ", "Quá hạn", "Chưa đến hạn", "Được giao (riêng đơn vị)", "Đã hoàn thành (riêng đơn vị)"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect([values(2), values(3)]).toEqual([
      ["T-A", "Sở A", 3, 1, 33, 1, 1, 1, 0],
      ["T-A-1", "Phòng A1", 2, 1, 50, 1, 0, 2, 1],
    ]);
    expect(sheet.rowCount).toBe(3);
    const people = new ExcelJS.Workbook();
    await people.xlsx.load(await (await get(`asOf=2026-06-01&table=people&unit=${units.get("T-A-1")}`)).arrayBuffer());
    expect((people.worksheets[0]!.getRow(3).values as unknown[]).slice(1, 4)).toEqual(["p2", "Khoá phải học", "1 tháng 3, 2026"]);
    const outside = await get(`asOf=2026-06-01&table=people&unit=${units.get("T-B")}`).catch((error: unknown) => error);
    expect((outside as Response).status).toBe(404);
  });

  test("by course, and the monthly trend with each month's units", async () => {
    const byCourse = await completionByCourse({ asOf: day("2026-06-01"), scopeUnitIds: null });
    expect(byCourse).toEqual([{ courseId: expect.any(String), title: "Khoá phải học", counts: { assigned: 5, done: 2, overdue: 2, due: 1 } }]);
    expect(monthEnds(day("2026-06-01"), 3)).toEqual([day("2026-04-30"), day("2026-05-31"), day("2026-06-01")]);
    const trend = await completionTrend({ asOf: day("2026-06-01"), scopeUnitIds: null, months: 6 });
    expect(trend.map((point) => [point.asOf.toISOString().slice(0, 10), point.counts])).toEqual([
      ["2026-01-31", { assigned: 6, done: 0, overdue: 0, due: 6 }],
      ["2026-02-28", { assigned: 5, done: 1, overdue: 1, due: 3 }],
      ["2026-03-31", { assigned: 5, done: 1, overdue: 2, due: 2 }],
      ["2026-04-30", { assigned: 5, done: 1, overdue: 2, due: 2 }],
      ["2026-05-31", { assigned: 5, done: 2, overdue: 2, due: 1 }],
      ["2026-06-01", { assigned: 5, done: 2, overdue: 2, due: 1 }],
    ]);
    // A manager's trend is their units' alone: p4 counts in T-A until April, then not at all.
    const scope = await listSubtreeUnitIds([units.get("T-A")!]);
    const theirs = await completionTrend({ asOf: day("2026-06-01"), scopeUnitIds: scope, months: 6 });
    expect(theirs.map((point) => point.counts.assigned)).toEqual([4, 4, 4, 3, 3, 3]);
  });
});
