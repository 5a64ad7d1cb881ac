import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { dayOf } from "~/utils/format";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { createAssignment, removeAssignment, renewLapsedAssignments } from "./assignment.server";
import { buildMonth, completionByCourse, freezeClosedMonths, overdueOn, completionByUnit, completionTrend, rebuildCompletionSummary, type CompletionFilters } from "./completion-report.server";
import { enrol, markItemDone } from "./enrolment.server";
import { moveToUnit } from "./membership.server";
import { updatePerson } from "./user.server";

// Today's figures are read from completion_summary, which triggers keep in
// the same transaction as every change (ADR 022). Whatever happens through
// the app's own functions, they must equal the figures counted from the
// requirements themselves; and a rebuild from scratch must change nothing.

let units: Map<string, string>;
let courseId: string;
let otherCourseId: string;
const people: Record<string, string> = {};
const today = () => dayOf(new Date());

/** The two ways of counting today, side by side (by unit and by course, with and without filters). */
async function expectSummaryMatchesRequirements(extra: Partial<CompletionFilters> = {}) {
  const filters: CompletionFilters = { asOf: today(), scopeUnitIds: null, ...extra };
  expect(await completionByUnit(filters, "summary")).toEqual(await completionByUnit(filters, "live"));
  expect(await completionByCourse(filters, "summary")).toEqual(await completionByCourse(filters, "live"));
  expect(await overdueOn(filters, { limit: 100, source: "summary" })).toEqual(await overdueOn(filters, { limit: 100, source: "live" }));
}

async function summaryRows() {
  return prisma.$queryRaw<{ unit_id: string; assignment_id: string; staff_category: string; due_on: Date; assigned: number; done: number }[]>`
    SELECT unit_id::text, assignment_id::text, staff_category::text, due_on, assigned, done
      FROM completion_summary WHERE assigned <> 0 OR done <> 0 ORDER BY 1, 2, 3, 4`;
}

/** Enrols and reads the test course's one lesson ("b"), as a learner would. */
async function finishCourse(userId: string, course: string) {
  const enrolmentId = (await enrol({ userId, courseId: course, source: "ASSIGNED" }))!;
  expect(await markItemDone({ userId, enrolmentId, itemKey: "b" })).toEqual({ status: "completed" });
  return prisma.enrolment.findUniqueOrThrow({ select: { id: true, status: true }, where: { id: enrolmentId } });
}

beforeAll(async () => {
  await makeUnits();
  units = new Map((await prisma.orgUnit.findMany({ select: { id: true, code: true } })).map((unit) => [unit.code, unit.id]));
  courseId = await publishTestCourse(oneLessonCourse("tong-hop-hom-nay", "Khoá bắt buộc"));
  otherCourseId = await publishTestCourse(oneLessonCourse("tong-hop-nam", "Khoá hằng năm"));
  for (const [name, unit] of [["a", "T-A-1"], ["b", "T-A-1"], ["c", "T-A"], ["d", "T-B"]] as const) {
    people[name] = (await makePerson({ email: `${name}@tong-hop.test`, fullName: `Người ${name}`, unitCode: unit })).id;
  }
  await createAssignment({ courseId, target: "UNIT", unitId: units.get("T")!, dueDays: 30, createdById: null }, new Date(Date.now() - 60 * 86_400_000));
  await createAssignment({ courseId: otherCourseId, target: "UNIT", unitId: units.get("T-A")!, dueDays: 90, recurrenceMonths: 12, createdById: null });
});

test("a new rule, completions, a move, a new staff category and a rule's end keep today's figures equal to a recount", async () => {
  await expectSummaryMatchesRequirements();
  const start = await completionByUnit({ asOf: today(), scopeUnitIds: null });
  // Everyone under the 30-day rule is overdue (assigned 60 days ago); three under the yearly one.
  expect(start[0]!.total).toEqual({ assigned: 7, done: 0, overdue: 4, due: 3 });

  // A learner finishes the course through the app: done at once.
  expect((await finishCourse(people.a!, courseId)).status).toBe("COMPLETED");
  await expectSummaryMatchesRequirements();
  expect((await completionByUnit({ asOf: today(), scopeUnitIds: null }))[0]!.total).toMatchObject({ done: 1, overdue: 3 });

  // HR moves b to T-B and makes them a viên chức: figures follow them, rules too.
  const b = await prisma.user.findUniqueOrThrow({ select: { email: true, fullName: true, employeeCode: true, jobTitle: true }, where: { id: people.b! } });
  await updatePerson({ userId: people.b!, ...b, staffCategory: "VIEN_CHUC", unitId: units.get("T-B")!, day: today() });
  await expectSummaryMatchesRequirements();
  await expectSummaryMatchesRequirements({ staffCategory: "VIEN_CHUC" });
  await expectSummaryMatchesRequirements({ scopeUnitIds: [units.get("T-B")!], courseId });

  // c finishes the yearly course; then the rule is removed: its people stop counting.
  await finishCourse(people.c!, otherCourseId);
  await expectSummaryMatchesRequirements({ courseId: otherCourseId });
  const yearly = await prisma.assignment.findFirstOrThrow({ select: { id: true }, where: { courseId: otherCourseId } });
  await removeAssignment({ assignmentId: yearly.id });
  await expectSummaryMatchesRequirements();
  expect(await completionByCourse({ asOf: today(), scopeUnitIds: null, courseId: otherCourseId })).toEqual([]);
});

test("a completion withdrawn, a rule made recurring, a lapsed completion renewed: still equal", async () => {
  // A completion recorded by mistake and put back in progress: a's requirement is no longer done.
  await prisma.enrolment.updateMany({ where: { userId: people.a!, courseId }, data: { status: "IN_PROGRESS", completedAt: null } });
  await expectSummaryMatchesRequirements();
  expect((await completionByUnit({ asOf: today(), scopeUnitIds: [units.get("T-A-1")!] }))[0]!.own.done).toBe(0);

  // d completed 400 days ago: done under the one-off rule. Made yearly, that
  // completion still covered the period when it began, then lapsed: renewal
  // ends the period and opens a new one, not done.
  const version = await prisma.courseVersion.findFirstOrThrow({ select: { id: true }, where: { courseId } });
  await prisma.enrolment.create({ data: { userId: people.d!, courseId, versionId: version.id, status: "COMPLETED", completedAt: new Date(Date.now() - 400 * 86_400_000) } });
  await expectSummaryMatchesRequirements();
  const rule = await prisma.assignment.findFirstOrThrow({ select: { id: true }, where: { courseId, removedAt: null } });
  await prisma.assignment.update({ where: { id: rule.id }, data: { recurrenceMonths: 12 } });
  await expectSummaryMatchesRequirements();
  expect(await renewLapsedAssignments()).toBe(1);
  await expectSummaryMatchesRequirements();
  const d = await completionByUnit({ asOf: today(), scopeUnitIds: [units.get("T-B")!] });
  expect(d[0]!.own).toMatchObject({ assigned: 2, done: 0 });
});

test("a completion and a move of the same person at the same moment: both counted, in the new unit", async () => {
  const c = people.c!;
  const version = await prisma.courseVersion.findFirstOrThrow({ select: { id: true }, where: { courseId } });
  const enrolment = await prisma.enrolment.create({ data: { userId: c, courseId, versionId: version.id } });
  let moved: Promise<unknown> | undefined;
  await prisma.$transaction(async (tx) => {
    // The completion is written (its trigger holds c's lock) but not yet committed…
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    // …when HR moves c in another transaction; it waits for the lock, then sees the completion.
    moved = prisma.$transaction((other) => moveToUnit(other, { userId: c, unitId: units.get("T-B")!, day: today() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await moved;
  await expectSummaryMatchesRequirements();
});

test("rebuilding today's figures from scratch changes nothing", async () => {
  const before = await summaryRows();
  expect(before.length).toBeGreaterThan(0);
  await rebuildCompletionSummary();
  expect(await summaryRows()).toEqual(before);
});

test("a closed month is frozen once, and a rebuild recounts it from the requirements", async () => {
  const lastMonthEnd = new Date(Date.UTC(today().getUTCFullYear(), today().getUTCMonth(), 0));
  const trend = await completionTrend({ asOf: today(), scopeUnitIds: null, months: 2 });
  expect(trend.map((point) => point.asOf)).toEqual([lastMonthEnd, today()]);
  const live = await completionByUnit({ asOf: lastMonthEnd, scopeUnitIds: null }, "live");
  expect(trend[0]!.counts).toEqual(live[0]!.total);
  // The month's last day, asked for itself, is read from the frozen figures: the same numbers.
  expect(await completionByUnit({ asOf: lastMonthEnd, scopeUnitIds: null })).toEqual(live);
  expect(await completionByCourse({ asOf: lastMonthEnd, scopeUnitIds: [units.get("T-A-1")!] }, "month")).toEqual(
    await completionByCourse({ asOf: lastMonthEnd, scopeUnitIds: [units.get("T-A-1")!] }, "live"),
  );
  expect(trend[1]!.counts).toEqual((await completionByUnit({ asOf: today(), scopeUnitIds: null }))[0]!.total);
  const built = await prisma.completionMonthBuild.findUniqueOrThrow({ where: { monthEnd: lastMonthEnd } });
  await buildMonth(lastMonthEnd);
  expect((await prisma.completionMonthBuild.findUniqueOrThrow({ where: { monthEnd: lastMonthEnd } })).builtAt).toEqual(built.builtAt);
  await buildMonth(lastMonthEnd, { rebuild: true });
  expect((await completionTrend({ asOf: today(), scopeUnitIds: null, months: 2 }))[0]!.counts).toEqual(trend[0]!.counts);
  // The nightly job freezes the months still missing, and only those.
  expect(await freezeClosedMonths({ months: 3 })).toBe(2);
  expect(await freezeClosedMonths({ months: 3 })).toBe(0);
  const frozen = await prisma.completionMonthBuild.findMany({ select: { monthEnd: true }, orderBy: { monthEnd: "asc" } });
  expect(frozen.map((row) => row.monthEnd.getUTCDate() === new Date(Date.UTC(row.monthEnd.getUTCFullYear(), row.monthEnd.getUTCMonth() + 1, 0)).getUTCDate())).toEqual([true, true, true]);
});
