import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { reloadEnv } from "~/utils/env.server";
import { assertFreshBuild } from "../tests/helpers/build";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";

// PostgreSQL restarted under a running app process (issue 10, "Faults"):
// while the database is away the process stays up, /healthz says alive,
// /readyz says not ready, pages fail politely and fast; once it is back, the
// same process (same pid, never restarted) serves signed-in pages and
// writes again. Twice in a row, once with the job worker in the process.
//
// The database is a PostgreSQL cluster of this file's own (own folder, own
// port): stopping the shared test server would break every other test file.

beforeAll(assertFreshBuild);

const pgPort = await findFreePort();
// Not under a mkdtemp folder: that one is mode 700, and PostgreSQL, run as
// the postgres user when we are root, could not walk into it.
const requestedDataDir = path.join(os.tmpdir(), `hoc-so-restart-pg-${process.pid}-${Date.now()}`);
let database: EmbeddedDatabase;
let admin: pg.Pool;
let userId = "";
let cookie = "";
let managerId = "";
let managerCookie = "";

function startDatabase() {
  return startEmbeddedPostgres({ dataDir: requestedDataDir, port: pgPort, database: "hocso_restart" });
}

beforeAll(async () => {
  database = await startDatabase();
  await migrate({ databaseUrl: database.url, migrationsDir: path.resolve("prisma/migrations") });
  // The app code used to make the person below reads DATABASE_URL when its
  // pool is first made: point it at this cluster before importing it.
  process.env.DATABASE_URL = database.url;
  reloadEnv();
  const { makeUnits, signedInAs } = await import("../tests/helpers/people");
  await makeUnits();
  ({ userId, cookie } = await signedInAs("LEARNER", "khoi-dong-lai@example.test"));
  ({ userId: managerId, cookie: managerCookie } = await signedInAs("MANAGER", "quan-ly-khoi-dong-lai@example.test"));
  // This file's own client closes now: from here on only the app process
  // under test (and the plain pool below, for checking rows) use the cluster.
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  admin = new pg.Pool({ connectionString: database.url, max: 1 });
  // The checker's own idle connection dies with each restart; that is expected.
  admin.on("error", () => {});
}, 60_000);

afterAll(async () => {
  const { stopQueue } = await import("~/utils/jobs.server");
  await stopQueue();
  await admin?.end().catch(() => {});
  await database?.stop();
  await rm(database?.dataDir ?? requestedDataDir, { recursive: true, force: true });
});

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

/** PostgreSQL told to stop: "fast" (SIGINT, as a service manager would) or "immediate" (SIGQUIT, like a crash). */
async function stopDatabase(mode: "fast" | "immediate") {
  if (mode === "fast") return database.stop();
  const pid = Number(readFileSync(path.join(database.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGQUIT");
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch {
      return database.stop(); // already exited: only the bookkeeping is left
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("PostgreSQL did not stop on SIGQUIT");
}

type Served = { status: number; text: string; ms: number; location: string | null; retryAfter: string | null };

type Ask = { method?: string; headers?: Record<string, string>; body?: string };

async function request(port: number, pathname: string, init: Ask = {}): Promise<Served> {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    redirect: "manual",
    // Nothing here may hang: a request the app never answers fails the test.
    signal: AbortSignal.timeout(20_000),
    ...init,
    headers: { Cookie: cookie, ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after") };
}

/** Ends every other session of the person: a real write (a delete and an audit row). */
function endOtherSessions(port: number) {
  return request(port, "/account/sessions", {
    method: "POST",
    headers: { Origin: `http://127.0.0.1:${port}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "intent=end-others",
  });
}

/** A manager asks for a report file: a row, and a job for the queue (pg-boss, from the web process). */
function askForExport(port: number) {
  return request(port, "/manage/reports/exports", {
    method: "POST",
    headers: { Cookie: managerCookie, Origin: `http://127.0.0.1:${port}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "format=csv&query=",
  });
}

async function exportStatuses() {
  const { rows } = await admin.query<{ status: string; jobs: number }>(
    `SELECT status::text, (SELECT count(*)::int FROM pgboss.job WHERE data->>'exportId' = e.id::text) AS jobs
       FROM report_export e WHERE requested_by_id = $1 ORDER BY created_at`,
    [managerId],
  );
  return rows;
}

async function sessionCount() {
  const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM session WHERE user_id = $1', [userId]);
  return rows[0]?.n ?? 0;
}

async function addOtherSession() {
  await admin.query(
    "INSERT INTO session (id, user_id, expires_at) VALUES (md5(random()::text) || md5(random()::text), $1, now() + interval '1 day')",
    [userId],
  );
}

async function expectServing(port: number, worker: boolean) {
  const page = await request(port, "/account/sessions");
  expect(page.status).toBe(200);
  expect(page.text).toContain("Phiên đăng nhập của bạn");

  await addOtherSession();
  expect(await sessionCount()).toBe(2);
  const write = await endOtherSessions(port);
  expect(write.status).toBe(302);
  expect(write.location).toBe("/account/sessions?ended=others");
  expect(await sessionCount()).toBe(1);

  const before = (await exportStatuses().catch(() => [])).length;
  const asked = await askForExport(port);
  expect(asked.status).toBe(302);
  expect(asked.location).toBe("/manage/reports/exports");
  const exports = await exportStatuses();
  expect(exports).toHaveLength(before + 1);
  // Each file asked for has its job: the queue client sent it.
  expect(exports.at(-1)?.jobs).toBe(1);
  if (!worker) return;
  // … and a worker in the process makes it (before the next outage, so that
  // no run is cut half-way: that is the kill -9 tests' business).
  const deadline = Date.now() + 15_000;
  while ((await exportStatuses()).some((row) => row.status !== "DONE") && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await exportStatuses()).map((row) => row.status)).toEqual(exports.map(() => "DONE"));
}

function expectPoliteFailure(served: Served) {
  // "Away for a moment, try again", not "broken": 503 with Retry-After.
  expect(served.status).toBe(503);
  expect(served.retryAfter).toBe("30");
  expect(served.text).toContain("Hệ thống đang tạm gián đoạn");
  expect(served.text).toContain("Những gì bạn đã lưu vẫn còn nguyên.");
  expect(served.text).not.toMatch(/prisma|ECONNREFUSED|postgres|57P01|at .*\.js:\d+/i);
  // Fails within the pool's connect timeout, never hangs.
  expect(served.ms).toBeLessThan(10_000);
}

async function pollReady(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await request(port, "/readyz").catch(() => null);
    if (ready?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready again within ${timeoutMs} ms`);
}

/** The pids on the app's log lines: one process answered throughout. */
function pidsIn(logs: string) {
  const lines = logs.split("\n").filter((line) => line.startsWith("{"));
  return [...new Set(lines.map((line) => JSON.parse(line).pid))];
}

async function restartTwiceUnder({ worker }: { worker: boolean }) {
  const port = await findFreePort();
  child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, JOBS_IN_PROCESS: String(worker), DATABASE_URL: database.url, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production" },
  });
  const original = child;
  let logs = "";
  original.stdout?.on("data", (chunk) => (logs += chunk));
  original.stderr?.on("data", (chunk) => (logs += chunk));
  await pollReady(port, 15_000);
  await expectServing(port, worker);

  for (const mode of ["fast", "immediate"] as const) {
    await stopDatabase(mode);

    expect((await request(port, "/healthz")).status).toBe(200);
    const ready = await request(port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.text).toBe("database unreachable");
    expectPoliteFailure(await request(port, "/account/sessions"));
    expectPoliteFailure(await endOtherSessions(port));
    // Long enough for the pool's idle clients and the job workers' polls
    // to meet the dead server.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(original.exitCode, logs).toBeNull();
    expect((await request(port, "/healthz")).status).toBe(200);

    database = await startDatabase();
    await pollReady(port, 15_000);
    await expectServing(port, worker);
    expect(original.exitCode, logs).toBeNull();
    expect(pidsIn(logs)).toEqual([original.pid]);
  }

  // The outage is in the logs (the pool's cut connections were handled, not
  // left to crash the process), without the person's data and without the
  // whole pg client that pg-pool hangs on its errors.
  expect(logs).toMatch(/database connection lost/);
  expect(logs).not.toContain("khoi-dong-lai@example.test");
  expect(logs).not.toContain(cookie.split("=")[1]);
  expect(logs).not.toContain("connectionParameters");
  return logs;
}

test("the web process survives two database restarts and serves again without restarting", async () => {
  await restartTwiceUnder({ worker: false });
}, 60_000);

test("with the job worker in the process too, both survive and the queue works again", async () => {
  const logs = await restartTwiceUnder({ worker: true });
  // The worker met the outage (its polls failed, and said so), and made
  // every report file asked for after each restart (checked as it went).
  expect(logs).toMatch(/job queue error/);
}, 60_000);

test("a queue client whose first start met a stopped database starts once it is back", async () => {
  // This process's own client (as a web process that never asked for a job
  // before the outage), on this file's cluster.
  const { QUEUES, sendJob } = await import("~/utils/jobs.server");
  await stopDatabase("fast");
  await expect(sendJob(QUEUES.reportExport, { exportId: randomUUID() })).rejects.toThrow();
  database = await startDatabase();
  const exportId = randomUUID();
  await sendJob(QUEUES.reportExport, { exportId });
  const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'exportId' = $1", [exportId]);
  expect(rows[0]?.n).toBe(1);
}, 30_000);

test("a database that takes connections but never answers: requests fail within the connect timeout", async () => {
  // A host gone quiet (network cut, machine frozen) rather than refusing:
  // without a connect timeout a request would wait for TCP to give up.
  const sockets = new Set<net.Socket>();
  const blackHole = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  const holePort = await findFreePort();
  await new Promise<void>((resolve) => blackHole.listen(holePort, "127.0.0.1", resolve));
  try {
    const port = await findFreePort();
    child = spawn(process.execPath, ["build/main.js", "serve"], {
      env: {
        ...process.env,
        DATABASE_URL: `postgresql://hocso:nothing@127.0.0.1:${holePort}/hocso`,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        JOBS_IN_PROCESS: "false",
      },
    });
    let live: Served | null = null;
    for (let attempt = 0; attempt < 150 && !live; attempt++) {
      live = await request(port, "/healthz").catch(() => null);
      if (!live) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(live?.status).toBe(200);
    const ready = await request(port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(5_000);
    expectPoliteFailure(await request(port, "/account/sessions"));
    expect(child.exitCode).toBeNull();
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  }
}, 30_000);
