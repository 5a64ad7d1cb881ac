import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { EnvError, getEnv, reloadEnv, type Env } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";

// One entry for every way the app process runs (docs/decisions/007-server.md):
//   serve            the web server (production build, or --dev with Vite)
//   migrate          apply pending migrations, then exit
//   seed             load the demo data, then exit
//   content-import   load content/ (competencies, courses) into the database;
//                    --force overwrites unpublished studio drafts
//   content-export <slug> [--version N]   write a course to content/courses/<slug>
//   worker           run the background jobs (reminders, e-mails) until stopped
//   reminders        one reminder run and its e-mails, then exit
//   reports-rebuild  recount the completion summaries (today's and the frozen months)
//   backup [folder]  pg_dump of the database + the uploaded files, into a new
//                    folder under [folder] (default .data/backups)
//   restore <backup> [--force]  into an empty database (--force: empty it
//                    first), then migrate (docs/decisions/027-backups.md)
// serve --demo also runs the job worker inside the web process.
// --demo: no DATABASE_URL needed (an embedded PostgreSQL is started), and
//         serve migrates and loads demo data first. This is `npm start`;
//         the npm db:* scripts pass it too. The production server never does.

// Modules that open the database pool (the app, the seed, db.server) are
// imported only after DATABASE_URL is known, hence the dynamic imports below.

// This file sits in server/ (run by tsx) or is bundled into build/ (run by
// node): the project root is one folder up either way.
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, "..");
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

const [command = "serve", ...args] = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith("--"));
const positional = args.filter((arg, index) => !arg.startsWith("--") && !args[index - 1]?.startsWith("--version"));
const contentDir = path.join(projectRoot, "content");
const isDev = flags.includes("--dev");
const isDemo = flags.includes("--demo") || isDev;

// .env first (it never overrides variables already set), then the default.
const dotEnv = path.join(projectRoot, ".env");
if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
process.env.NODE_ENV ??= isDev ? "development" : "production";

// The embedded PostgreSQL, when we started one: every way out stops it.
let embedded: EmbeddedDatabase | null = null;


function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** DATABASE_URL if given; else an embedded PostgreSQL where that is allowed. */
async function resolveDatabase(env: Env): Promise<EmbeddedDatabase | null> {
  if (env.DATABASE_URL) return null;
  if (!isDemo) {
    console.error(
      "Invalid environment:\n  - DATABASE_URL: required " +
        "(only `npm start`, `npm run dev` and the npm db:* scripts start an embedded PostgreSQL)",
    );
    process.exit(1);
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(projectRoot, env.EMBEDDED_POSTGRES_DIR),
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "hocso",
    log: (message) => getLogger().info(message),
  });
  process.env.DATABASE_URL = embedded.url;
  reloadEnv();
  return embedded;
}

async function loadProductionBuild(): Promise<ServerBuild> {
  const buildFile = path.join(here, "server", "index.js");
  if (!existsSync(buildFile)) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  return (await import(pathToFileURL(buildFile).href)) as ServerBuild;
}

async function createHttpApp() {
  const { createApp } = await import("./app");
  if (!isDev) {
    const app = createApp({ mode: "production", buildDir: here, build: await loadProductionBuild() });
    return { ...app, close: async () => {} };
  }
  const { createServer } = await import("vite");
  const before = new Set(process.listeners("SIGTERM"));
  const vite = await createServer({ server: { middlewareMode: true }, appType: "custom" });
  // Vite exits the process on SIGTERM by itself, which would cut the drain
  // short; take its handler off and close Vite ourselves, in order.
  for (const listener of process.listeners("SIGTERM")) {
    if (!before.has(listener)) process.off("SIGTERM", listener);
  }
  return { ...createApp({ mode: "development", vite }), close: () => vite.close() };
}

async function printBanner(env: Env) {
  const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const { DEMO_PASSWORD, demoAccounts } = await import("../prisma/demo-data/people");
  console.log(
    [
      "",
      `  Học Số đang chạy tại / is running at: ${url}`,
      "",
      `  Tài khoản demo / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`,
      ...demoAccounts.map((account) => `    ${account.email.padEnd(26)} ${account.roleLabel}`),
      "",
      "  Dừng / stop: Ctrl+C",
      "",
    ].join("\n"),
  );
}

/**
 * SIGTERM: stop taking new connections, let requests in flight finish (up to
 * SHUTDOWN_TIMEOUT_MS), close the pool, then stop the embedded database.
 */
function stopGracefully(options: {
  server: Server;
  env: Env;
  startDraining: () => void;
  closeApp: () => Promise<void>;
  embedded: EmbeddedDatabase | null;
}) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      getLogger().warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    getLogger().info({ signal }, "shutting down: finishing requests in flight");
    options.startDraining();
    const idleSweeper = setInterval(() => options.server.closeIdleConnections(), 100);
    const forceTimer = setTimeout(() => {
      getLogger().warn("shutdown timeout: closing the remaining connections");
      options.server.closeAllConnections();
    }, options.env.SHUTDOWN_TIMEOUT_MS);
    await new Promise<void>((resolve) => options.server.close(() => resolve()));
    clearInterval(idleSweeper);
    clearTimeout(forceTimer);
    await options.closeApp();
    const { stopQueue } = await import("~/utils/jobs.server");
    await stopQueue();
    const { prisma } = await import("~/utils/db.server");
    await prisma.$disconnect();
    await options.embedded?.stop();
    getLogger().info("stopped");
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    process.on(signal, () => void stop(signal));
  }
}

async function backupOrRestore(env: Env, databaseUrl: string) {
  const { backup, BackupError, formatBytes, restore } = await import("./backup");
  const { PostgresToolError } = await import("./pg-tools");
  const files = {
    databaseUrl,
    mediaDir: path.resolve(env.MEDIA_DIR),
    issuerKeyFile: env.OB_ISSUER_KEY ? null : path.resolve(env.OB_ISSUER_KEY_FILE),
    tools: { pgBin: process.env.PG_BIN, pathVariable: process.env.PATH },
    log: (message: string) => console.log(message),
  };
  try {
    if (command === "backup") {
      const { folder, manifest, milliseconds } = await backup({ ...files, targetDir: path.resolve(positional[0] ?? ".data/backups") });
      console.log(
        `backup written: ${folder}
` +
          `  database ${formatBytes(manifest.database.bytes)}, ${manifest.media.files} uploaded files (${formatBytes(manifest.media.bytes)})` +
          `${manifest.issuerKey ? ", the Open Badges signing key" : ""}; ${(milliseconds / 1000).toFixed(1)} s`,
      );
      return;
    }
    const backupFolder = positional[0];
    if (!backupFolder) {
      console.error("usage: npm run db:restore -- <backup folder> [--force]");
      process.exitCode = 2;
      return;
    }
    const result = await restore({ ...files, backupFolder, migrationsDir, force: flags.includes("--force") });
    console.log(
      `restored ${path.resolve(backupFolder)}
` +
        `  ${result.migrationsApplied.length} newer migrations applied, ${result.mediaCopied} uploaded files copied` +
        `${result.issuerKeyRestored ? ", the Open Badges signing key restored" : ""}; ${(result.milliseconds / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    // Refusals and missing tools are the operator's to act on: their message, no stack.
    if (!(error instanceof BackupError || error instanceof PostgresToolError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

/** A signal before the server is up: stop the database, then leave. */
function abortStartup(signal: NodeJS.Signals) {
  getLogger().warn({ signal }, "stopped during start-up");
  void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
}

async function main() {
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(signal, abortStartup);
  let env = loadEnvOrExit();
  embedded = await resolveDatabase(env);
  env = getEnv();
  const databaseUrl = env.DATABASE_URL ?? "";

  if (command === "backup" || command === "restore") {
    // Before anything below: a restore needs the database as empty as it is now.
    await backupOrRestore(env, databaseUrl);
  } else if (command === "migrate" || isDemo) {
    const result = await migrate({ databaseUrl, migrationsDir, log: (message) => getLogger().info(message) });
    getLogger().info({ applied: result.applied.length, alreadyApplied: result.alreadyApplied }, "migrations up to date");
  }
  if (command === "seed" || (command === "serve" && isDemo)) {
    const { seedDemoData } = await import("../prisma/seed");
    await seedDemoData((message) => getLogger().info(message));
  }
  if (command === "reminders") {
    const { deliverNotificationEmails, runReminders } = await import("~/services/reminders.server");
    // For the crash test: die (SIGKILL, no clean-up) right after batch N.
    const killAfter = process.env.HOCSO_TEST_KILL_AFTER_BATCH;
    const result = await runReminders({
      batchSize: Number(process.env.REMINDER_BATCH_SIZE ?? 100),
      afterBatch: (index) => {
        if (killAfter !== undefined && index === Number(killAfter)) process.kill(process.pid, "SIGKILL");
      },
    });
    console.log(JSON.stringify({ ...result, emails: await deliverNotificationEmails() }));
  }
  if (command === "worker") {
    const { startJobWorker } = await import("~/services/jobs.server");
    await startJobWorker();
    getLogger().info("job worker running");
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.off(signal, abortStartup);
    const stopWorker = async (signal: string) => {
      getLogger().info({ signal }, "job worker stopping");
      const { stopQueue } = await import("~/utils/jobs.server");
      await stopQueue();
      const { prisma } = await import("~/utils/db.server");
      await prisma.$disconnect();
      await embedded?.stop();
      process.exit(0);
    };
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(signal, (name) => void stopWorker(name));
    return;
  }
  if (command === "reports-rebuild") {
    // After a bulk repair of the data: today's figures and the frozen months, recounted.
    const { freezeClosedMonths, rebuildCompletionSummary } = await import("~/models/completion-report.server");
    await rebuildCompletionSummary();
    console.log(JSON.stringify({ summary: "rebuilt", months: await freezeClosedMonths({ rebuild: true }) }));
  }
  if (command === "content-import") {
    const { importContent } = await import("../prisma/content");
    const outcomes = await importContent({ contentDir, force: flags.includes("--force"), log: (message) => console.log(message) });
    if (outcomes.some((outcome) => outcome.result === "skipped")) process.exitCode = 1;
  }
  if (command === "content-export") {
    const slug = positional[0];
    const versionIndex = args.indexOf("--version");
    const version = versionIndex >= 0 ? Number(args[versionIndex + 1]) : undefined;
    if (!slug || (version !== undefined && !Number.isInteger(version))) {
      console.error("usage: npm run content:export -- <slug> [--version N]");
      process.exitCode = 2;
    } else {
      const { exportCourse } = await import("~/services/content-import.server");
      console.log(`wrote ${await exportCourse({ slug, root: path.join(contentDir, "courses"), version })}`);
    }
  }
  if (command !== "serve") {
    const { prisma } = await import("~/utils/db.server");
    await prisma.$disconnect();
    await embedded?.stop();
    return;
  }

  const { app, startDraining, close: closeApp } = await createHttpApp();
  const server = app.listen(env.PORT, env.HOST, () => {
    getLogger().info({ port: env.PORT, host: env.HOST, mode: env.NODE_ENV }, "listening");
    if (isDemo) void printBanner(env);
  });
  // The demo runs its job worker in the same process; production runs
  // `worker` as a process of its own (or sets JOBS_IN_PROCESS=true).
  if (env.JOBS_IN_PROCESS ?? isDemo) {
    const { startJobWorker } = await import("~/services/jobs.server");
    await startJobWorker();
  }
  server.on("error", async (error: NodeJS.ErrnoException) => {
    const message =
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} is already in use: is Học Số already running? Stop it, or set PORT.`
        : `Could not listen on ${env.HOST}:${env.PORT}: ${error.message}`;
    console.error(message);
    await embedded?.stop();
    process.exit(1);
  });
  // Keep-alive longer than a typical load balancer's idle timeout (60 s), so
  // the balancer, not us, closes idle connections and never reuses a dead one.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.off(signal, abortStartup);
  stopGracefully({ server, env, startDraining, closeApp, embedded });
}

if (!["serve", "migrate", "seed", "content-import", "content-export", "worker", "reminders", "reports-rebuild", "backup", "restore"].includes(command)) {
  console.error(`Unknown command "${command}". Use: serve | migrate | seed | content-import | content-export | worker | reminders | reports-rebuild | backup | restore [--demo] [--dev]`);
  process.exit(2);
}

main().catch(async (error: unknown) => {
  getLogger().fatal({ err: error }, "start-up failed");
  console.error(error instanceof Error ? error.message : error);
  await embedded?.stop().catch(() => {});
  process.exit(1);
});
