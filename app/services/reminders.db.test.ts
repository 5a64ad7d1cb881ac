import { beforeAll, expect, test } from "vitest";
import { createAssignment } from "~/models/assignment.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { dueNotifications, isoWeek, notificationMail } from "./reminders.server";

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

test("each manager gets the month just closed, once a month, unit by unit", async () => {
  const manager = await makePerson({ email: "quanly-thang@example.test", role: "MANAGER" });
  const notes = (await dueNotifications(day("2027-01-02"))).filter((note) => note.kind === "MANAGER_MONTHLY");
  expect(notes).toEqual([
    {
      userId: manager.id,
      kind: "MANAGER_MONTHLY",
      dedupeKey: `monthly:${manager.id}:2026-12`,
      params: {
        month: "12/2026",
        date: "31 tháng 12, 2026",
        "date@en": "31 December 2026",
        assigned: 1,
        done: 0,
        overdue: 1,
        rate: 0,
        units: "– Sở A: 0/1 (0%), 1 quá hạn\n– Phòng A1: 0/1 (0%), 1 quá hạn",
        "units@en": "– Sở A: 0/1 (0%), 1 overdue\n– Phòng A1: 0/1 (0%), 1 overdue",
      },
      link: "/manage/reports?asOf=2026-12-31",
    },
  ]);
  // Any day of January asks for the same one: the key keeps it single.
  expect((await dueNotifications(day("2027-01-20"))).find((note) => note.kind === "MANAGER_MONTHLY")?.dedupeKey).toBe(`monthly:${manager.id}:2026-12`);
  // The e-mail reads as the report does.
  const mail = notificationMail({ email: "quanly-thang@example.test", fullName: "Quản Lý", kind: "MANAGER_MONTHLY", params: notes[0]!.params, link: notes[0]!.link } as never);
  expect(mail.subject).toBe("Báo cáo đào tạo bắt buộc tháng 12/2026: 0% hoàn thành");
  expect(mail.text).toContain("– Phòng A1: 0/1 (0%), 1 quá hạn");
  // The English part below is English throughout.
  expect(mail.text.split("—")[1]).toContain("by the end of 31 December 2026");
  expect(mail.text.split("—")[1]).toContain("– Phòng A1: 0/1 (0%), 1 overdue");
  // A manager who chose English reads it in English first, Vietnamese below.
  const english = notificationMail({ email: "quanly-thang@example.test", fullName: "Quản Lý", kind: "MANAGER_MONTHLY", params: notes[0]!.params, link: notes[0]!.link, locale: "en" } as never);
  expect(english.subject).toMatch(/^Mandatory training report for 12\/2026/);
  const [englishPart, vietnamesePart] = english.text.split("—");
  expect(englishPart).toContain("– Phòng A1: 0/1 (0%), 1 overdue");
  expect(englishPart).not.toContain("quá hạn");
  expect(vietnamesePart).toContain("– Phòng A1: 0/1 (0%), 1 quá hạn");
});
