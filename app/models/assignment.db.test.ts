import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { createAssignment, getAssignment, listAssignedToUser, listAssignments, removeAssignment, renewLapsedAssignments, statusOf } from "./assignment.server";
import { mergeUnit } from "./org-unit.server";
import { updatePerson } from "./user.server";

// Mandatory training follows people: who joins a unit is assigned with their
// own due date, who leaves stops counting from that day, history stays.

const content = oneLessonCourse("bat-buoc", "Khoá bắt buộc");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const unitId = async (code: string) => (await prisma.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

let courseId = "";
const people: Record<string, string> = {};
beforeAll(async () => {
  await makeUnits();
  courseId = await publishTestCourse(content);
  people.lan = (await makePerson({ email: "lan@example.test", fullName: "Nguyễn Thị Lan", unitCode: "T-A-1" })).id;
  people.binh = (await makePerson({ email: "binh@example.test", fullName: "Trần Văn Bình", unitCode: "T-B" })).id;
});

async function move(userId: string, unitCode: string, on: string, extra: { jobTitle?: string } = {}) {
  const person = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await updatePerson({
    userId,
    email: person.email,
    fullName: person.fullName,
    employeeCode: person.employeeCode,
    jobTitle: extra.jobTitle ?? person.jobTitle,
    staffCategory: person.staffCategory,
    unitId: await unitId(unitCode),
    day: day(on),
  });
}

describe("a rule for a unit and its subunits", () => {
  let ruleId = "";
  test("covers the people there on the day it is made, due N days later", async () => {
    const made = await createAssignment({ courseId, target: "UNIT", unitId: await unitId("T-A"), includeSubunits: true, dueDays: 30, createdById: null }, day("2026-01-10"));
    ruleId = made.id;
    expect(made.assigned).toBe(1);
    const rows = await prisma.personAssignment.findMany({ where: { assignmentId: ruleId }, select: { userId: true, assignedOn: true, dueOn: true, endedOn: true } });
    expect(rows).toEqual([{ userId: people.lan, assignedOn: day("2026-01-10"), dueOn: day("2026-02-09"), endedOn: null }]);
  });

  test("someone moved in later is assigned from their move, with their own due date", async () => {
    await move(people.binh!, "T-A", "2026-03-01");
    const binh = await prisma.personAssignment.findFirstOrThrow({ where: { assignmentId: ruleId, userId: people.binh } });
    expect(binh).toMatchObject({ assignedOn: day("2026-03-01"), dueOn: day("2026-03-31"), endedOn: null });
  });

  test("someone who leaves stops counting from that day; their row stays as history", async () => {
    await move(people.lan!, "T-B", "2026-04-15");
    const detail = await getAssignment({ assignmentId: ruleId, scopeUnitIds: null, today: day("2026-04-20") });
    expect(detail!.current.map((row) => row.fullName)).toEqual(["Trần Văn Bình"]);
    expect(detail!.past.map((row) => [row.fullName, row.endedOn])).toEqual([["Nguyễn Thị Lan", day("2026-04-15")]]);
    expect((await listAssignments({ scopeUnitIds: null })).find((rule) => rule.id === ruleId)!.people).toBe(1);
    // Lan no longer has it on "Việc học của tôi"; Bình has it, overdue after 31 March.
    expect(await listAssignedToUser({ userId: people.lan!, today: day("2026-04-20") })).toEqual([]);
    expect((await listAssignedToUser({ userId: people.binh!, today: day("2026-04-20") })).map((row) => row.status)).toEqual(["overdue"]);
  });

  test("coming back opens a new period; the old one is kept", async () => {
    await move(people.lan!, "T-A-1", "2026-05-01");
    const rows = await prisma.personAssignment.findMany({ where: { assignmentId: ruleId, userId: people.lan }, orderBy: { assignedOn: "asc" }, select: { assignedOn: true, endedOn: true } });
    expect(rows).toEqual([
      { assignedOn: day("2026-01-10"), endedOn: day("2026-04-15") },
      { assignedOn: day("2026-05-01"), endedOn: null },
    ]);
  });

  test("a manager of another unit does not see the rule; the unit's manager does", async () => {
    expect((await listAssignments({ scopeUnitIds: [await unitId("T-B")] })).map((rule) => rule.id)).not.toContain(ruleId);
    expect((await listAssignments({ scopeUnitIds: [await unitId("T-A"), await unitId("T-A-1")] })).map((rule) => rule.id)).toContain(ruleId);
  });

  test("removing the rule ends every period and keeps them all", async () => {
    expect(await removeAssignment({ assignmentId: ruleId, day: day("2026-06-01") })).toBe(true);
    expect(await removeAssignment({ assignmentId: ruleId, day: day("2026-06-02") })).toBe(false);
    const rows = await prisma.personAssignment.findMany({ where: { assignmentId: ruleId } });
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.endedOn !== null)).toBe(true);
  });
});

describe("other targets", () => {
  test("a job title matches whatever the case and diacritics, within the rule's scope", async () => {
    await move(people.binh!, "T-A-1", "2026-06-10", { jobTitle: "Chuyên viên chính" });
    const rule = await createAssignment(
      { courseId, target: "JOB_TITLE", jobTitle: "chuyen vien CHINH", scopeUnitId: await unitId("T-A"), dueDate: day("2026-12-31"), createdById: null },
      day("2026-06-11"),
    );
    expect(rule.assigned).toBe(1);
    // Out of the scope: no longer covered.
    await move(people.binh!, "T-B", "2026-07-01");
    expect(await prisma.personAssignment.count({ where: { assignmentId: rule.id, endedOn: null } })).toBe(0);
  });

  test("a newcomer after a fixed due date gets 30 days", async () => {
    const rule = await createAssignment({ courseId, target: "UNIT", unitId: await unitId("T-A"), dueDate: day("2026-07-15"), createdById: null }, day("2026-07-02"));
    await move(people.binh!, "T-A", "2026-08-01");
    const row = await prisma.personAssignment.findFirstOrThrow({ where: { assignmentId: rule.id, userId: people.binh } });
    expect(row.dueOn).toEqual(day("2026-08-31"));
  });

  test("merging units carries the rules to the unit it became", async () => {
    const rule = await createAssignment({ courseId, target: "UNIT", unitId: await unitId("T-B"), includeSubunits: false, dueDays: 10, createdById: null }, day("2026-08-02"));
    await mergeUnit({ unitId: await unitId("T-B"), survivorId: await unitId("T-A"), day: day("2026-09-01") });
    const moved = await prisma.assignment.findUniqueOrThrow({ where: { id: rule.id } });
    expect(moved.unitId).toBe(await unitId("T-A"));
  });
});

test("status: done with a valid completion, overdue after the due date", () => {
  const row = { assignedOn: day("2026-01-01"), dueOn: day("2026-02-01") };
  expect(statusOf(row, null, null, day("2026-01-15"))).toBe("due");
  expect(statusOf(row, null, null, day("2026-02-02"))).toBe("overdue");
  expect(statusOf(row, day("2025-06-01"), null, day("2026-02-02"))).toBe("done");
  // Recertification every 12 months: a completion of March 2024 has lapsed.
  expect(statusOf(row, day("2024-03-01"), 12, day("2026-01-15"))).toBe("due");
  expect(statusOf(row, day("2025-03-01"), 12, day("2026-01-15"))).toBe("done");
});

test("recertification: a lapsed completion opens a new period with a new due date; the old one stays", async () => {
  const person = (await makePerson({ email: "tam@example.test", fullName: "Lê Văn Tâm", unitCode: "T-A-1" })).id;
  const rule = await createAssignment({ courseId, target: "PERSON", userId: person, dueDays: 30, recurrenceMonths: 12, createdById: null }, day("2026-01-01"));
  await prisma.enrolment.create({
    data: { userId: person, courseId, versionId: (await prisma.course.findUniqueOrThrow({ where: { id: courseId } })).publishedVersionId!, status: "COMPLETED", completedAt: new Date("2026-01-20T03:00:00Z") },
  });
  expect(await renewLapsedAssignments({ today: day("2026-12-31") })).toBe(0);
  expect(await renewLapsedAssignments({ today: day("2027-01-21") })).toBe(1);
  expect(await renewLapsedAssignments({ today: day("2027-01-22") })).toBe(0);
  const periods = await prisma.personAssignment.findMany({ where: { assignmentId: rule.id }, orderBy: { assignedOn: "asc" }, select: { assignedOn: true, dueOn: true, endedOn: true } });
  expect(periods).toEqual([
    { assignedOn: day("2026-01-01"), dueOn: day("2026-01-31"), endedOn: day("2027-01-20") },
    { assignedOn: day("2027-01-20"), dueOn: day("2027-02-19"), endedOn: null },
  ]);
  const renewed = (await listAssignedToUser({ userId: person, today: day("2027-03-01") })).find((row) => row.dueOn.getTime() === day("2027-02-19").getTime());
  expect(renewed!.status).toBe("overdue");
  expect(await prisma.enrolment.count({ where: { userId: person, status: "COMPLETED" } })).toBe(1);
});

test("days are Vietnam's calendar days", async () => {
  const { dayOf } = await import("./assignment.server");
  // 18:30 UTC on 31 December is 01:30 on 1 January in Hà Nội.
  expect(dayOf(new Date("2026-12-31T18:30:00Z"))).toEqual(day("2027-01-01"));
  expect(dayOf(new Date("2026-12-31T16:30:00Z"))).toEqual(day("2026-12-31"));
});
