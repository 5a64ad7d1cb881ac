import { spawn, type ChildProcess } from "node:child_process";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { mediaUrl } from "~/utils/media-url";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";
import { assertFreshBuild } from "../tests/helpers/build";
import { createDatabase } from "../tests/helpers/database";
import { backup, BackupError, restore } from "./backup";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate, readLocalMigrations } from "./migrate";
import { findPostgresTool, PostgresToolError } from "./pg-tools";

// Backups end to end (docs/decisions/027-backups.md), with the production
// build's own commands: the demo data and an uploaded image are backed up,
// restored into an empty database and an empty media folder, and the app
// then serves the same people, courses, certificates and images.
//
// The app's PostgreSQL is 18, and pg_dump cannot dump a newer server than
// itself; these machines (and CI) have only Debian 12's pg_dump 15. So this
// test runs its own PostgreSQL 15 (the embedded-postgres-15 dev dependency);
// every migration runs on it. Production pairs PostgreSQL 18 with an 18 client.

const migrationsDir = path.resolve("prisma/migrations");
const tools = { pgBin: process.env.PG_BIN, pathVariable: process.env.PATH };
let server: EmbeddedDatabase;

beforeAll(async () => {
  assertFreshBuild();
  try {
    findPostgresTool("pg_dump", 15, tools);
    findPostgresTool("pg_restore", 15, tools);
  } catch (error) {
    // Never skipped quietly: CI installs the client (.ci/run); a developer is told how.
    if (error instanceof PostgresToolError) {
      throw new Error(`The backup test needs PostgreSQL 15's client tools (apt-get install postgresql-client-15).\n${error.message}`);
    }
    throw error;
  }
  server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `hoc-so-backup-pg15-${process.pid}-${Date.now()}`),
    port: await findFreePort(),
    database: "postgres",
    persistent: false,
    binariesPackage: "embedded-postgres-15",
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

const scratchDirs: string[] = [];
function scratch(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hoc-so-backup-${name}-`));
  scratchDirs.push(dir);
  return dir;
}

/** One installation: its database, its uploads folder and its signing key file. */
function site(databaseUrl: string) {
  return { DATABASE_URL: databaseUrl, MEDIA_DIR: scratch("media"), OB_ISSUER_KEY_FILE: path.join(scratch("key"), "issuer-key.pem") };
}

/** This process's environment for a child, without a signing key of its own (each site keeps its key in a file). */
function childEnv(overrides: Record<string, string>) {
  const { OB_ISSUER_KEY: _configuredKey, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: "warn", EXPORT_DIR: scratch("exports"), ...overrides };
}

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const command = spawn(process.execPath, ["build/main.js", ...args], { env: childEnv(env) });
    let stdout = "";
    let stderr = "";
    command.stdout.on("data", (chunk) => (stdout += chunk));
    command.stderr.on("data", (chunk) => (stderr += chunk));
    command.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function runOk(args: string[], env: Record<string, string>) {
  const result = await run(args, env);
  if (result.code !== 0) throw new Error(`build/main.js ${args.join(" ")} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Rows in every table of every schema of the database's own (public and pg-boss's). */
async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const tables = await query<{ schema: string; name: string }>(
    databaseUrl,
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await query<{ count: string }>(databaseUrl, `SELECT count(*) AS count FROM "${schema}"."${name}"`);
    counts[`${schema}.${name}`] = Number(row?.count);
  }
  return counts;
}

function filesUnder(root: string): string[] {
  return existsSync(root) ? readdirSync(root, { recursive: true, encoding: "utf8" }).filter((name) => /[a-f0-9]{64}$/.test(name)).sort() : [];
}

async function startServer(env: Record<string, string>): Promise<string> {
  const port = await findFreePort();
  child = spawn(process.execPath, ["build/main.js", "serve"], { env: childEnv({ ...env, PORT: String(port), HOST: "127.0.0.1" }), stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    const ready = await fetch(`${base}/readyz`).catch(() => undefined);
    if (ready?.status === 200) return base;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server on the restored database never became ready");
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/learning" }),
  });
  expect(response.status).toBe(302);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

test("the demo data and its uploads, backed up and restored into an empty database, serve the app as before", async () => {
  const sourceDatabase = await createDatabase(server.url, { prefix: "hocso_source" });
  const source = site(sourceDatabase.url);
  await runOk(["migrate"], source);
  await runOk(["seed"], source);
  // The seed uploads the signer's signature image and issues certificates.
  const uploads = filesUnder(source.MEDIA_DIR);
  expect(uploads.length).toBeGreaterThan(0);
  // The site's Open Badges signing key, kept in its file (as the app makes it on first use).
  const { privateKey } = generateKeyPairSync("ed25519");
  writeFileSync(source.OB_ISSUER_KEY_FILE, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });

  const backups = scratch("backups");
  const backedUp = await runOk(["backup", backups], source);
  const folder = /backup written: (\S+)/.exec(backedUp)?.[1] ?? "";
  expect(backedUp).toMatch(
    new RegExp(`database \\d+(\\.\\d)? [KM]?B, ${uploads.length} uploaded files \\(\\d+(\\.\\d)? [KM]?B\\), the Open Badges signing key; \\d+\\.\\d s`),
  );
  expect(readdirSync(backups)).toEqual([path.basename(folder)]);
  expect(path.basename(folder)).toMatch(/^hocso-\d{4}-\d\d-\d\dT\d{6}Z$/);
  expect(readdirSync(folder).sort()).toEqual(["database.dump", "manifest.json", "media", "ob-issuer-key.pem"]);

  const restoredDatabase = await createDatabase(server.url, { prefix: "hocso_restored" });
  const restored = site(restoredDatabase.url);
  const restoredOutput = await runOk(["restore", folder], restored);
  expect(restoredOutput).toContain(`0 newer migrations applied, ${uploads.length} uploaded files copied, the Open Badges signing key restored`);

  const before = await rowCounts(source.DATABASE_URL);
  expect(before["public.app_user"]).toBeGreaterThan(10);
  expect(before["public.certificate"]).toBeGreaterThan(0);
  expect(before["public.media_asset"]).toBe(uploads.length);
  expect(await rowCounts(restored.DATABASE_URL)).toEqual(before);
  expect(filesUnder(restored.MEDIA_DIR)).toEqual(filesUnder(source.MEDIA_DIR));
  expect(readFileSync(restored.OB_ISSUER_KEY_FILE, "utf8")).toBe(readFileSync(source.OB_ISSUER_KEY_FILE, "utf8"));

  // The app on the restored database: the demo learner signs in with their
  // password, sees their learning, downloads their certificate and the image.
  const base = await startServer(restored);
  const cookie = await signIn(base, "hocvien@lamdong.test");
  const learning = await fetch(`${base}/learning`, { headers: { Cookie: cookie } });
  expect(learning.status).toBe(200);
  const [certificate] = await query<{ code: string; title: string }>(
    restored.DATABASE_URL,
    `SELECT c.code, c.course_title AS title FROM certificate c JOIN app_user u ON u.id = c.user_id
      WHERE u.email = 'hocvien@lamdong.test' LIMIT 1`,
  );
  expect(await learning.text()).toContain(certificate?.title);
  const pdf = await fetch(`${base}/certificates/${certificate?.code}.pdf`, { headers: { Cookie: cookie } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  const verified = await fetch(`${base}/verify/${certificate?.code}`);
  expect(verified.status).toBe(200);
  // Credentials signed before the backup still verify: the same public key is published.
  const jwks = (await (await fetch(`${base}/ob/jwks.json`)).json()) as { keys: { x: string }[] };
  expect(jwks.keys.map((key) => key.x)).toEqual([createPublicKey(privateKey).export({ format: "jwk" }).x]);

  for (const image of await query<{ id: string; sha256: string; content_type: string }>(restored.DATABASE_URL, "SELECT id, sha256, content_type FROM media_asset")) {
    const served = await fetch(`${base}${mediaUrl({ id: image.id, contentType: image.content_type })}`, { headers: { Cookie: cookie } });
    expect(served.status).toBe(200);
    const original = readFileSync(path.join(source.MEDIA_DIR, image.sha256.slice(0, 2), image.sha256));
    expect(Buffer.from(await served.arrayBuffer()).equals(original)).toBe(true);
  }
  child?.kill("SIGTERM");

  // A second restore into the now-full database is refused, and changes nothing.
  const inUse = await rowCounts(restored.DATABASE_URL);
  const refused = await run(["restore", folder], restored);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^The database is not empty \(\d+ tables, views or sequences, e\.g\. /);
  expect(refused.stderr).toMatch(/Restore only into an empty database: create a new one .* or pass --force/);
  expect(await rowCounts(restored.DATABASE_URL)).toEqual(inUse);

  // --force empties it first: the sign-in's session and a change since the backup go.
  await query(restored.DATABASE_URL, "UPDATE app_user SET full_name = 'Changed since the backup' WHERE email = 'hocvien@lamdong.test'");
  const forced = await runOk(["restore", folder, "--force"], restored);
  expect(forced).toMatch(/--force: dropping schema public and everything in it/);
  expect(await rowCounts(restored.DATABASE_URL)).toEqual(before);
  const [learner] = await query<{ full_name: string }>(restored.DATABASE_URL, "SELECT full_name FROM app_user WHERE email = 'hocvien@lamdong.test'");
  expect(learner?.full_name).not.toBe("Changed since the backup");
}, 240_000);

test("a backup from an older release is brought up to date by the restore", async () => {
  const all = await readLocalMigrations(migrationsDir);
  const olderRelease = scratch("older-migrations");
  for (const migration of all.slice(0, -2)) cpSync(path.join(migrationsDir, migration.name), path.join(olderRelease, migration.name), { recursive: true });
  const old = await createDatabase(server.url, { prefix: "hocso_old" });
  await migrate({ databaseUrl: old.url, migrationsDir: olderRelease });
  await query(old.url, `INSERT INTO org_unit (id, code, name, kind, updated_at) VALUES ('0190a000-0000-7000-8000-000000000001', 'OLD', 'Sở Nội vụ', 'DEPARTMENT', now())`);

  const { folder, manifest } = await backup({ databaseUrl: old.url, mediaDir: scratch("old-media"), issuerKeyFile: null, targetDir: scratch("old-backups"), tools });
  expect(manifest.database.migrations).toEqual(all.slice(0, -2).map((migration) => migration.name));
  expect(manifest.issuerKey).toBe(false);

  const fresh = await createDatabase(server.url, { prefix: "hocso_upgraded" });
  const result = await restore({ backupFolder: folder, databaseUrl: fresh.url, mediaDir: scratch("new-media"), issuerKeyFile: null, migrationsDir, tools });
  expect(result.migrationsApplied).toEqual(all.slice(-2).map((migration) => migration.name));
  const applied = await query<{ migration_name: string }>(fresh.url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
  expect(applied.map((row) => row.migration_name)).toEqual(all.map((migration) => migration.name));
  expect(await query(fresh.url, "SELECT name FROM org_unit WHERE code = 'OLD'")).toEqual([{ name: "Sở Nội vụ" }]);
}, 60_000);

test("a backup that fails half way leaves nothing behind, and a damaged one is not restored", async () => {
  const database = await createDatabase(server.url, { prefix: "hocso_failing" });
  await migrate({ databaseUrl: database.url, migrationsDir });

  // A pg_dump that writes part of a file, then fails (a full disk, a lost connection).
  const bin = scratch("failing-bin");
  writeFileSync(
    path.join(bin, "pg_dump"),
    '#!/bin/sh\nif [ "$1" = --version ]; then echo "pg_dump (PostgreSQL) 15.18"; exit 0; fi\n' +
      'for arg; do case "$arg" in --file=*) echo partial > "${arg#--file=}";; esac; done\necho "pg_dump: error: connection lost" >&2; exit 1\n',
  );
  chmodSync(path.join(bin, "pg_dump"), 0o755);
  const targetDir = scratch("failed-backups");
  const failing = backup({ databaseUrl: database.url, mediaDir: scratch("media"), issuerKeyFile: null, targetDir, tools: { pgBin: bin } });
  await expect(failing).rejects.toThrow(BackupError);
  await expect(failing).rejects.toThrow(/pg_dump failed \(exit code 1\):\npg_dump: error: connection lost/);
  expect(readdirSync(targetDir)).toEqual([]);

  const { folder } = await backup({ databaseUrl: database.url, mediaDir: scratch("media"), issuerKeyFile: null, targetDir, tools });
  writeFileSync(path.join(folder, "database.dump"), "damaged", { flag: "a" });
  const empty = await createDatabase(server.url, { prefix: "hocso_empty" });
  await expect(
    restore({ backupFolder: folder, databaseUrl: empty.url, mediaDir: scratch("media"), issuerKeyFile: null, migrationsDir, tools }),
  ).rejects.toThrow(/database\.dump is missing or damaged/);
  expect(await rowCounts(empty.url)).toEqual({});
}, 60_000);
