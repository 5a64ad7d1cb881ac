import { spawn } from "node:child_process";
import { beforeAll, expect, test } from "vitest";
import { createAssignment } from "~/models/assignment.server";
import { prisma } from "~/utils/db.server";
import { assertFreshBuild } from "../tests/helpers/build";
import { makePerson, makeUnits } from "../tests/helpers/people";
import { oneLessonCourse, publishTestCourse } from "../tests/helpers/courses";

// The reminder worker killed (SIGKILL) half-way through a run, then started
// again: every reminder exists once, and every e-mail left once. The real
// built command runs as a process of its own on this file's database.

beforeAll(assertFreshBuild);

const content = oneLessonCourse("nhac-han", "Khoá nhắc hạn");

function runReminders(env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["build/main.js", "reminders"], {
      env: { ...process.env, LOG_LEVEL: "warn", REMINDER_BATCH_SIZE: "3", NODE_ENV: "production", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
}

beforeAll(async () => {
  await makeUnits();
  for (let i = 1; i <= 6; i++) await makePerson({ email: `nguoi${i}@example.test`, fullName: `Người Thứ ${i}`, unitCode: "T-A-1" });
  await makePerson({ email: "truongphong@example.test", role: "MANAGER", unitCode: "T-B" });
  const courseId = await publishTestCourse(content);
  const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "T-A" }, select: { id: true } });
  // Due long ago: everyone is assigned and overdue; the manager gets a digest.
  await createAssignment({ courseId, target: "UNIT", unitId: unit.id, dueDate: new Date("2026-01-31T00:00:00Z"), createdById: null }, new Date("2026-01-05T00:00:00Z"));
}, 60_000);

test("killed half-way, run again: no reminder lost, none sent twice", async () => {
  // 6 people × (assigned + overdue) + 1 digest + 1 monthly summary = 14 reminders, in batches of 3.
  const killed = await runReminders({ HOCSO_TEST_KILL_AFTER_BATCH: "1" });
  expect(killed.signal, killed.output).toBe("SIGKILL");
  expect(await prisma.notification.count()).toBe(6);
  expect(await prisma.outboxMessage.count()).toBe(0);

  const again = await runReminders();
  expect(again.code, again.output).toBe(0);
  expect(JSON.parse(again.output.trim().split("\n").at(-1)!)).toEqual({ considered: 14, created: 8, emails: 14 });
  const notes = await prisma.notification.findMany({ select: { dedupeKey: true, kind: true, emailedAt: true } });
  expect(notes).toHaveLength(14);
  expect(new Set(notes.map((note) => note.dedupeKey)).size).toBe(14);
  expect(notes.filter((note) => note.kind === "ASSIGNED")).toHaveLength(6);
  expect(notes.filter((note) => note.kind === "OVERDUE")).toHaveLength(6);
  expect(notes.filter((note) => note.kind === "MANAGER_DIGEST")).toHaveLength(1);
  expect(notes.filter((note) => note.kind === "MANAGER_MONTHLY")).toHaveLength(1);
  expect(notes.every((note) => note.emailedAt !== null)).toBe(true);
  const mails = await prisma.outboxMessage.findMany({ select: { to: true, subject: true } });
  expect(mails).toHaveLength(14);
  expect(mails.filter((mail) => mail.to === "nguoi1@example.test").map((mail) => mail.subject).sort()).toEqual([
    "Quá hạn: Khoá nhắc hạn",
    "Được giao khoá học: Khoá nhắc hạn",
  ]);

  // A third run finds nothing to do (the month's summary is not even worked out again).
  const third = await runReminders();
  expect(JSON.parse(third.output.trim().split("\n").at(-1)!)).toEqual({ considered: 13, created: 0, emails: 0 });
  expect(await prisma.outboxMessage.count()).toBe(14);
}, 120_000);
