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

export const boss = singleton("pg-boss", () => {
  const instance = new PgBoss({ connectionString: getEnv().DATABASE_URL, schema: "pgboss", max: 4 });
  instance.on("error", (error) => getLogger().error({ err: error }, "job queue error"));
  return instance;
});

// Shared like `boss` itself: the server entry and the Remix build each hold
// a copy of this module.
const state = singleton("pg-boss-state", () => ({ started: null as Promise<void> | null }));

/** Starts the queue client (and creates its tables on first use). */
export function startQueue() {
  state.started ??= (async () => {
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...RETRY });
  })();
  return state.started;
}

/** Asks for a job soon; several asks in the same minute are one job. */
export async function enqueue(name: (typeof QUEUES)[keyof typeof QUEUES]) {
  await startQueue();
  await boss.send(name, {}, { singletonKey: name, singletonSeconds: 60, ...RETRY });
}

/** Asks for one job with its data (not merged with others: each export is its own). */
export async function sendJob(name: (typeof QUEUES)[keyof typeof QUEUES], data: Record<string, string>) {
  await startQueue();
  await boss.send(name, data, RETRY);
}

/** Runs the handlers in this process, and the schedules that feed them. */
export async function startWorker(handlers: Record<(typeof QUEUES)[keyof typeof QUEUES], (data: unknown) => Promise<unknown>>) {
  await startQueue();
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
  if (!state.started) return;
  await boss.stop({ graceful: true, timeout: 10_000, wait: true });
  state.started = null;
}
