import { beforeAll, expect, test } from "vitest";
import { createAssignment } from "~/models/assignment.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { dueNotifications, isoWeek } from "./reminders.server";

// Which reminders a day calls for (the run itself: server/reminders-crash.db.test.ts).
const content = oneLessonCourse("nhac", "Khoá nhắc");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  await makeUnits();
  const person = await makePerson({ email: "nhac@example.test", unitCode: "T-A-1" });
  const courseId = await publishTestCourse(content);
  await createAssignment({ courseId, target: "PERSON", userId: person.id, dueDate: day("2026-12-20"), createdById: null }, day("2026-11-01"));
});

const kinds = async (on: string) => (await dueNotifications(day(on))).map((note) => note.kind).sort();

test("assigned at once; due-soon 7 days before; overdue after the date", async () => {
  expect(await kinds("2026-12-01")).toEqual(["ASSIGNED"]);
  expect(await kinds("2026-12-13")).toEqual(["ASSIGNED", "DUE_SOON"]);
  expect(await kinds("2026-12-21")).toEqual(["ASSIGNED", "OVERDUE"]);
});

test("ISO weeks for the managers' digest", () => {
  expect(isoWeek(day("2026-11-26"))).toBe("2026-W48");
  expect(isoWeek(day("2027-01-01"))).toBe("2026-W53");
  expect(isoWeek(day("2027-01-04"))).toBe("2027-W01");
});
