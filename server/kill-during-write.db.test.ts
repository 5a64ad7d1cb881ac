import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { saveAnswers, startAttempt } from "~/models/quiz-attempt.server";
import { storeCheckedImport } from "~/services/people-import.server";
import { prisma } from "~/utils/db.server";
import { freezeQuiz } from "~/utils/quiz";
import { assertFreshBuild } from "../tests/helpers/build";
import { publishTestCourse, quizCourse } from "../tests/helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "../tests/helpers/people";
import { findFreePort } from "./embedded-postgres";

// kill -9 of the app in the middle of a write leaves nothing half done: the
// write is one transaction, and a transaction whose client died is rolled
// back by PostgreSQL. To be sure the kill lands inside the transaction, the
// test holds a lock on a table the write reaches late, waits until the
// app's transaction is stuck on it (its first rows already written), kills
// the process, and only then lets go. After a restart the same click
// completes the work, once.

beforeAll(assertFreshBuild);

const GIFT = "::Thủ đô::Thủ đô của Việt Nam? {~Huế =Hà Nội ~Đà Nẵng}\n";

let server: ChildProcess | undefined;
let port = 0;
let database: pg.Client;

beforeAll(async () => {
  await makeUnits();
  database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  port = await findFreePort();
});

afterEach(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});

afterAll(async () => {
  await database.end();
});

async function startServer() {
  server = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (ready?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server never became ready");
}

async function killServer() {
  const child = server;
  if (!child) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

function post(path: string, cookie: string, body: Record<string, string>) {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: `http://127.0.0.1:${port}`, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
}

/**
 * Runs `write` while `table` is locked against writes, kills the app once a
 * backend of its is waiting for that lock, then lets go.
 */
async function killWhileWaitingOn(table: string, write: () => Promise<unknown>) {
  await database.query("BEGIN");
  await database.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  const request = write().catch(() => "the connection died with the process");
  let waiting = 0;
  for (let attempt = 0; attempt < 200 && !waiting; attempt++) {
    const { rows } = await database.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    waiting = Number(rows[0]?.count ?? 0);
    if (!waiting) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(waiting, `the app's write never reached ${table}`).toBeGreaterThan(0);
  await killServer();
  expect(await request).toBe("the connection died with the process");
  await database.query("ROLLBACK");
  // The orphaned backend finds its client gone and rolls back; wait for it to leave.
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await database.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL",
    );
    if (Number(rows[0]?.count ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("a transaction of the killed process is still open");
}

test("kill -9 during a quiz submit: the attempt stays open with its answers; after a restart the submit passes it, once", async () => {
  const courseId = await publishTestCourse(quizCourse("kill-quiz", "Khoá thử tắt máy", GIFT));
  const learner = await makePerson({ email: "hocvien.kill@example.test" });
  const enrolmentId = (await enrol({ userId: learner.id, courseId, source: "SELF" })) ?? "";
  await markItemDone({ userId: learner.id, enrolmentId, itemKey: "bai" });
  const questions = freezeQuiz(GIFT);
  const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 });
  if (started.status === "exhausted") throw new Error("the attempt should start");
  const right = questions[0]?.answers.findIndex((answer) => answer.text === "Hà Nội") ?? -1;
  await saveAnswers({ attemptId: started.attemptId, userId: learner.id, seq: 0, answers: { "Thủ đô": [right] } });
  const cookie = await sessionCookieFor(learner.id, "LEARNER");
  const review = `/courses/kill-quiz/quiz/kiem-tra/${started.attemptId}/review`;

  const state = async () => ({
    attempt: await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { state: true, seq: true, passed: true, answers: true } }),
    done: await prisma.itemProgress.count({ where: { enrolmentId, itemKey: "kiem-tra" } }),
    enrolment: (await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { status: true } })).status,
    certificates: await prisma.certificate.count({ where: { enrolmentId } }),
  });
  const before = await state();
  expect(before).toMatchObject({ attempt: { state: "IN_PROGRESS", seq: 1, passed: null }, done: 0, enrolment: "IN_PROGRESS", certificates: 0 });

  // The submit grades the attempt first, then marks the quiz done: it waits on item_progress.
  await startServer();
  await killWhileWaitingOn("item_progress", () => post(review, cookie, { seq: "1" }));
  expect(await state(), "nothing of the submit was kept").toEqual(before);

  await startServer();
  const again = await post(review, cookie, { seq: "1" });
  expect(again.status).toBe(302);
  const after = await state();
  expect(after).toMatchObject({ attempt: { state: "SUBMITTED", passed: true }, done: 1, enrolment: "COMPLETED", certificates: 1 });
  expect(after.attempt.answers).toEqual(before.attempt.answers);
}, 60_000);

test("kill -9 during a people import: nobody of the file is written and the import can still be applied, once", async () => {
  const admin = await makePerson({ email: "quantri.kill@example.test", role: "ADMIN" });
  const rows = Array.from({ length: 50 }, (_, index) => ({
    line: index + 2,
    fullName: `Người Nhập ${index}`,
    email: `nhap.${index}@example.test`,
    employeeCode: `NV${index}`,
    jobTitle: "Chuyên viên",
    staffCategory: "CONG_CHUC" as const,
    unitCode: "T-A-1",
  }));
  const importId = await storeCheckedImport({ actorId: admin.id, fileName: "nhan-su.xlsx", rows });
  const cookie = await sessionCookieFor(admin.id, "ADMIN");
  const state = async () => ({
    status: (await prisma.peopleImport.findUniqueOrThrow({ where: { id: importId }, select: { status: true } })).status,
    people: await prisma.user.count({ where: { email: { startsWith: "nhap." } } }),
    memberships: await prisma.unitMembership.count({ where: { user: { email: { startsWith: "nhap." } } } }),
  });
  expect(await state()).toEqual({ status: "CHECKED", people: 0, memberships: 0 });

  // The import flips its status and creates the people, then their unit memberships.
  await startServer();
  await killWhileWaitingOn("unit_membership", () => post("/admin/people/import", cookie, { importId }));
  expect(await state(), "no half import").toEqual({ status: "CHECKED", people: 0, memberships: 0 });

  await startServer();
  const again = await post("/admin/people/import", cookie, { importId });
  expect(again.status).toBe(302);
  expect(await state()).toEqual({ status: "APPLIED", people: 50, memberships: 50 });
  // A second click (a tab left open) applies nothing twice.
  expect((await post("/admin/people/import", cookie, { importId })).status).toBe(302);
  expect(await state()).toEqual({ status: "APPLIED", people: 50, memberships: 50 });
}, 60_000);
