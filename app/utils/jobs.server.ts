import PgBoss from "pg-boss";
import { getEnv } from "./env.server";
import { getLogger } from "./logger.server";
import { singleton } from "./singleton.server";

// Background jobs on PostgreSQL with pg-boss 10 (docs/decisions/017): jobs
// are rows, so they survive restarts, and any number of workers can share
// them. In production the worker is its own process (`node build/main.js
// worker`); `npm start` runs it inside the web process. Handlers live in
// app/services and must be safe to run twice (a job can be retried after a
// crash): the reminder run is, by its unique keys; closing an attempt is, by
// its row lock and state.

export const QUEUES = {
  /** Works out and adds due reminders, then sends their e-mails. */
  reminders: "reminders",
  /** Sends pending notification e-mails. */
  notificationEmails: "notification-emails",
  /** Submits quiz attempts whose deadline has passed (a closed tab never leaves one open). */
  expiredAttempts: "expired-attempts",
  /** Freezes the completion figures of months just closed (ADR 022). */
  reportMonths: "report-months",
  /** Writes one large report export to a file (its id in the job's data). */
  reportExport: "report-export",
  /** Nightly: forgets rate counters and sign-in throttles nobody has used for a day, and audit events past their retention. */
  housekeeping: "housekeeping",
} as const;

const RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

function createBoss() {
  // A variable, not an inline literal: pg-boss hands these options to its
  // pg.Pool, but its types do not list the pool's timeout. Without one, a
  // database host that stops answering (rather than refusing) would stall a
  // request asking for a job, or a worker's poll, until TCP gives up —
  // minutes. Same limit as the app's own pool (db.server.ts).
  const options = { connectionString: getEnv().DATABASE_URL, schema: "pgboss", max: 4, connectionTimeoutMillis: 5_000 };
  const instance = new PgBoss(options);
  // pg-boss re-emits its pool's errors (an idle connection cut when the
  // database restarts) and its workers' failed polls. Unhandled, an 'error'
  // event would end the process; these pass once the database is back.
  instance.on("error", (error) => getLogger().error({ err: error }, "job queue error"));
  return instance;
}

// Shared like the pool: the server entry and the Remix build each hold a
// copy of this module.
const state = singleton("pg-boss-state", () => ({ started: null as Promise<PgBoss> | null }));

/** Starts the queue client (and creates its tables on first use). */
export function startQueue(): Promise<PgBoss> {
  if (state.started) return state.started;
  const starting = (async () => {
    const boss = createBoss();
    try {
      await boss.start();
      for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...RETRY });
      return boss;
    } catch (error) {
      // Close what did start (a no-op when pg-boss never finished starting).
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw error;
    }
  })();
  state.started = starting;
  // A start that failed (the database away at that moment) must not stay the
  // answer for the life of the process, and pg-boss will not start the same
  // instance twice after a failure: forget it, so the next ask starts a new one.
  starting.catch(() => {
    if (state.started === starting) state.started = null;
  });
  return starting;
}

/** Asks for a job soon; several asks in the same minute are one job. */
export async function enqueue(name: (typeof QUEUES)[keyof typeof QUEUES]) {
  const boss = await startQueue();
  await boss.send(name, {}, { singletonKey: name, singletonSeconds: 60, ...RETRY });
}

/** Asks for one job with its data (not merged with others: each export is its own). */
export async function sendJob(name: (typeof QUEUES)[keyof typeof QUEUES], data: Record<string, string>) {
  const boss = await startQueue();
  await boss.send(name, data, RETRY);
}

/** Runs the handlers in this process, and the schedules that feed them. */
export async function startWorker(handlers: Record<(typeof QUEUES)[keyof typeof QUEUES], (data: unknown) => Promise<unknown>>) {
  const boss = await startQueue();
  await boss.schedule(QUEUES.reminders, "*/15 * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.schedule(QUEUES.notificationEmails, "*/5 * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.schedule(QUEUES.expiredAttempts, "* * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.schedule(QUEUES.reportMonths, "20 0 * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.schedule(QUEUES.housekeeping, "40 0 * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  for (const [name, handler] of Object.entries(handlers)) {
    // Someone is waiting for an export: look for those more often.
    await boss.work(name, { pollingIntervalSeconds: name === QUEUES.reportExport ? 2 : 5 }, async (jobs) => {
      for (const job of jobs) {
        const result = await handler(job.data);
        getLogger().info({ job: name, result }, "job done");
      }
    });
  }
  // A first run now: a fresh start need not wait a quarter of an hour.
  await enqueue(QUEUES.reminders);
}

export async function stopQueue() {
  const boss = await state.started?.catch(() => null);
  state.started = null;
  await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
}
