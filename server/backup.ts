import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrate, readLocalMigrations } from "./migrate";
import { findPostgresTool, serverMajorOf, type ToolSearch } from "./pg-tools";

// Backups and restores (docs/decisions/027-backups.md). A backup is a folder:
//   database.dump       pg_dump --format=custom of the whole database
//   media/              the uploaded files (MEDIA_DIR), same layout
//   ob-issuer-key.pem   the Open Badges signing key, when it is kept in a file
//   manifest.json       versions, migrations, sizes and the dump's SHA-256
// It is written under a hidden .partial name and renamed when complete, so a
// folder named hocso-<time> is always a whole backup.
// A restore goes into an empty database only, then runs our migrations, so a
// backup from an older release comes up to date.

export class BackupError extends Error {
  override name = "BackupError";
}

type Log = (message: string) => void;

const MANIFEST_FORMAT = "hocso-backup/1";
const DUMP_FILE = "database.dump";
const MEDIA_FOLDER = "media";
const KEY_FILE = "ob-issuer-key.pem";
// Media files are named by their SHA-256 (app/utils/media-store.server.ts);
// anything else in MEDIA_DIR is a write in progress, not an upload.
const MEDIA_NAME = /^[a-f0-9]{64}$/;

type Manifest = {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; serverVersion: string; pgDump: string; pgDumpMajor: number; migrations: string[] };
  media: { files: number; bytes: number };
  issuerKey: boolean;
};

export type BackupResult = { folder: string; manifest: Manifest; milliseconds: number };
export type RestoreResult = { migrationsApplied: string[]; mediaCopied: number; issuerKeyRestored: boolean; milliseconds: number };

// Parameters libpq understands in a URI; others (Prisma's `schema`,
// `connection_limit` …) make pg_dump refuse the whole URI.
const LIBPQ_PARAMETERS = new Set([
  // Where to connect: `?host=/var/run/postgresql` is a socket, not localhost.
  "host",
  "hostaddr",
  "port",
  "user",
  "application_name",
  "channel_binding",
  "connect_timeout",
  "gssencmode",
  "options",
  "sslcert",
  "sslcrl",
  "sslkey",
  "sslmode",
  "sslnegotiation",
  "sslpassword",
  "sslrootcert",
  "target_session_attrs",
]);

/**
 * DATABASE_URL for a libpq tool: the password moves to PGPASSWORD, so it
 * never shows in the process list, and parameters libpq lacks are dropped.
 */
export function libpqTarget(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const key of [...url.searchParams.keys()]) {
    if (!LIBPQ_PARAMETERS.has(key)) url.searchParams.delete(key);
  }
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function runTool(file: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${path.basename(file)} failed (exit code ${code}):\n${stderr.trim()}`)),
    );
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every uploaded file under `root`, as paths relative to it. */
async function listMedia(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = async (relative: string) => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && MEDIA_NAME.test(entry.name)) found.push(child);
    }
  };
  await walk("");
  return found.sort();
}

async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; server_version_num: string }>(
    "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
  );
  const row = rows[0];
  if (!row) throw new BackupError("The database server did not say its version.");
  return { version: row.server_version, major: serverMajorOf(row.server_version_num) };
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows: exists } = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'");
  if (!exists.length) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

/** 2026-11-26T10:15:00.123Z → 2026-11-26T101500Z: sorts by time, safe in any file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "");
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/**
 * Dumps the database, then copies the uploaded files. In that order because
 * an upload writes its file before its row (app/models/media.server.ts):
 * every file a dumped row names was on disk before the dump began.
 */
export async function backup(options: {
  databaseUrl: string;
  mediaDir: string;
  /** The signing key's file; null when the key comes from OB_ISSUER_KEY. */
  issuerKeyFile: string | null;
  targetDir: string;
  tools?: ToolSearch;
  log?: Log;
  now?: Date;
}): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { server, migrations } = await withClient(options.databaseUrl, async (client) => ({
    server: await serverVersion(client),
    migrations: await appliedMigrations(client),
  }));
  const pgDump = findPostgresTool("pg_dump", server.major, options.tools);

  const name = `hocso-${stamp(options.now ?? new Date())}`;
  const folder = path.join(options.targetDir, name);
  if (existsSync(folder)) throw new BackupError(`${folder} already exists.`);
  const partial = path.join(options.targetDir, `.${name}.${process.pid}.partial`);
  await mkdir(options.targetDir, { recursive: true });
  await removeAbandonedPartials(options.targetDir);
  // The dump holds password hashes and the key folder a private key: only the owner reads.
  await mkdir(partial, { mode: 0o700 });
  try {
    log(`dumping the database with ${pgDump.file} (${pgDump.version}; server ${server.version})`);
    const target = libpqTarget(options.databaseUrl);
    const dumpFile = path.join(partial, DUMP_FILE);
    await runTool(pgDump.file, ["--format=custom", `--file=${dumpFile}`, `--dbname=${target.dbname}`], target.env);

    const media = await listMedia(options.mediaDir);
    let mediaBytes = 0;
    for (const relative of media) {
      const destination = path.join(partial, MEDIA_FOLDER, relative);
      await mkdir(path.dirname(destination), { recursive: true });
      await copyFile(path.join(options.mediaDir, relative), destination);
      mediaBytes += (await stat(destination)).size;
    }

    const issuerKey = options.issuerKeyFile !== null && existsSync(options.issuerKeyFile);
    if (issuerKey && options.issuerKeyFile) await copyFile(options.issuerKeyFile, path.join(partial, KEY_FILE));

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: {
        file: DUMP_FILE,
        bytes: (await stat(dumpFile)).size,
        sha256: await sha256Of(dumpFile),
        serverVersion: server.version,
        pgDump: pgDump.version,
        pgDumpMajor: pgDump.major,
        migrations,
      },
      media: { files: media.length, bytes: mediaBytes },
      issuerKey,
    };
    await writeFile(path.join(partial, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, folder);
    return { folder, manifest, milliseconds: performance.now() - started };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Half-written backups of processes that are gone (stopped by Ctrl-C or a
 * kill before they could clean up): they hold password hashes, so they do
 * not stay. One whose process still runs is another backup at work.
 */
export async function removeAbandonedPartials(targetDir: string) {
  for (const entry of await readdir(targetDir)) {
    const pid = Number(entry.match(/^\.hocso-.+\.(\d+)\.partial$/)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await rm(path.join(targetDir, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function readManifest(folder: string): Promise<Manifest> {
  const file = path.join(folder, "manifest.json");
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) throw new BackupError(`${folder} is not a Học Số backup: it has no manifest.json.`);
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`${file}: unknown format ${String(manifest.format)}.`);
  return manifest;
}

const SYSTEM_SCHEMA = "(n.nspname IN ('pg_catalog', 'information_schema') OR n.nspname LIKE 'pg\\_toast%' OR n.nspname LIKE 'pg\\_temp%')";

/** What the database already holds: tables, views, sequences and schemas of its own. */
async function existingObjects(client: pg.Client): Promise<{ relations: string[]; schemas: string[] }> {
  const { rows: relations } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT ${SYSTEM_SCHEMA}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1`,
  );
  const { rows: schemas } = await client.query<{ name: string }>(
    `SELECT n.nspname AS name FROM pg_namespace n WHERE NOT ${SYSTEM_SCHEMA} ORDER BY 1`,
  );
  return { relations: relations.map((row) => row.name), schemas: schemas.map((row) => row.name) };
}

/** --force: every schema of the database's own goes, with all it holds; an empty public comes back. */
async function dropEverything(client: pg.Client, schemas: string[], log: Log) {
  await client.query("BEGIN");
  try {
    for (const schema of schemas) {
      log(`--force: dropping schema ${schema} and everything in it`);
      await client.query(`DROP SCHEMA ${client.escapeIdentifier(schema)} CASCADE`);
    }
    await client.query("CREATE SCHEMA IF NOT EXISTS public");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  return (await readFile(a)).equals(await readFile(b));
}

/**
 * Restores a backup folder into an empty database (refused otherwise unless
 * `force`, which first drops everything in it), copies the uploaded files
 * into MEDIA_DIR and the signing key into its file, then runs our
 * migrations. Everything that could refuse is checked before anything is
 * written.
 */
export async function restore(options: {
  backupFolder: string;
  databaseUrl: string;
  mediaDir: string;
  /** The signing key's file; null when the key comes from OB_ISSUER_KEY. */
  issuerKeyFile: string | null;
  migrationsDir: string;
  force?: boolean;
  tools?: ToolSearch;
  log?: Log;
}): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const folder = path.resolve(options.backupFolder);
  const manifest = await readManifest(folder);
  const dumpFile = path.join(folder, manifest.database.file);
  if (!existsSync(dumpFile) || (await sha256Of(dumpFile)) !== manifest.database.sha256) {
    throw new BackupError(`${dumpFile} is missing or damaged: its SHA-256 differs from the one in manifest.json.`);
  }
  const local = new Set((await readLocalMigrations(options.migrationsDir)).map((migration) => migration.name));
  const unknown = manifest.database.migrations.filter((name) => !local.has(name));
  if (unknown.length) {
    throw new BackupError(
      `This backup comes from a newer release of Học Số (migration ${unknown.join(", ")} is not in this one). ` +
        "Restore it with that release or a later one.",
    );
  }

  const backupKey = path.join(folder, KEY_FILE);
  const keyConflict =
    manifest.issuerKey &&
    options.issuerKeyFile !== null &&
    existsSync(options.issuerKeyFile) &&
    !(await sameFile(backupKey, options.issuerKeyFile));
  if (keyConflict && !options.force) {
    throw new BackupError(
      `${options.issuerKeyFile} holds a different Open Badges signing key from the backup's. ` +
        "Move it away (certificates signed with it will no longer verify here), or pass --force to replace it.",
    );
  }

  await withClient(options.databaseUrl, async (client) => {
    const server = await serverVersion(client);
    const existing = await existingObjects(client);
    const nonEmpty = existing.relations.length > 0 || existing.schemas.some((schema) => schema !== "public");
    if (nonEmpty && !options.force) {
      const sample = existing.relations.slice(0, 5).join(", ") || existing.schemas.join(", ");
      throw new BackupError(
        `The database is not empty (${existing.relations.length} tables, views or sequences, e.g. ${sample}). ` +
          "Restore only into an empty database: create a new one (createdb, or CREATE DATABASE) and point DATABASE_URL at it, " +
          "or pass --force to drop everything in this one first.",
      );
    }
    const pgRestore = findPostgresTool(
      "pg_restore",
      Math.max(server.major, manifest.database.pgDumpMajor),
      options.tools,
      `the database server is PostgreSQL ${server.major} and the dump was made by pg_dump ${manifest.database.pgDump}`,
    );
    if (nonEmpty) await dropEverything(client, existing.schemas, log);

    log(`restoring ${dumpFile} with ${pgRestore.file} (${pgRestore.version}; server ${server.version})`);
    const target = libpqTarget(options.databaseUrl);
    // One transaction: a restore that fails leaves the database as empty as it found it.
    // Owners and grants stay behind: roles belong to the old server, not to the dump.
    await runTool(
      pgRestore.file,
      ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${target.dbname}`, dumpFile],
      target.env,
    );
    // pg_restore leaves the planner without statistics until autovacuum gets round to it.
    await client.query("ANALYZE");
  });

  const migrated = await migrate({ databaseUrl: options.databaseUrl, migrationsDir: options.migrationsDir, log });

  // Files are named by their content, so one already there is the same file: keep it.
  let mediaCopied = 0;
  const mediaSource = path.join(folder, MEDIA_FOLDER);
  for (const relative of await listMedia(mediaSource)) {
    const destination = path.join(options.mediaDir, relative);
    if (existsSync(destination)) continue;
    await mkdir(path.dirname(destination), { recursive: true });
    const partial = `${destination}.${process.pid}.restore.partial`;
    await copyFile(path.join(mediaSource, relative), partial);
    await rename(partial, destination);
    mediaCopied++;
  }

  let issuerKeyRestored = false;
  if (manifest.issuerKey && options.issuerKeyFile === null) {
    log(`the backup holds a signing key file (${KEY_FILE}), but OB_ISSUER_KEY is set: the configured key is used`);
  } else if (manifest.issuerKey && options.issuerKeyFile && (!existsSync(options.issuerKeyFile) || keyConflict)) {
    await mkdir(path.dirname(options.issuerKeyFile), { recursive: true });
    await copyFile(backupKey, options.issuerKeyFile);
    await chmod(options.issuerKeyFile, 0o600);
    issuerKeyRestored = true;
  }
  return { migrationsApplied: migrated.applied, mediaCopied, issuerKeyRestored, milliseconds: performance.now() - started };
}
