import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, test } from "vitest";
import { createDatabase, dropDatabase } from "../tests/helpers/database";
import { checksumOf, migrate, PRISMA_ADVISORY_LOCK_KEY, readLocalMigrations } from "./migrate";

const serverUrl = inject("testServerUrl");
const realMigrations = path.resolve("prisma/migrations");
const made: string[] = [];

async function emptyDatabase() {
  const database = await createDatabase(serverUrl, { prefix: "hocso_migrate" });
  made.push(database.name);
  return database.url;
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `npm run db:migrate`'s entry in its own process. */
function migrateInChildProcess(databaseUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "migrate"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "hoc-so-migrations-"));
  return () => rm(scratch, { recursive: true, force: true });
});

afterAll(async () => {
  for (const name of made) await dropDatabase(serverUrl, name);
});

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(scratch, name), { recursive: true });
  await writeFile(path.join(scratch, name, "migration.sql"), sql);
}

describe("migrate", () => {
  test("applies every migration once and records it the way Prisma does", async () => {
    const url = await emptyDatabase();
    const local = await readLocalMigrations(realMigrations);
    expect(local.length).toBeGreaterThan(0);

    const first = await migrate({ databaseUrl: url, migrationsDir: realMigrations });
    expect(first).toEqual({ applied: local.map((m) => m.name), alreadyApplied: 0 });

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(local[index]?.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The schema really exists.
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toContain("org_unit");
  });

  test("is safe to run twice: the second run changes nothing", async () => {
    const url = await emptyDatabase();
    await migrate({ databaseUrl: url, migrationsDir: realMigrations });
    const before = await query(url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`);
    const second = await migrate({ databaseUrl: url, migrationsDir: realMigrations });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(before.length);
    expect(await query(url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  test("two processes starting at once: one migrates, the other waits for it and finds nothing to do", async () => {
    const url = await emptyDatabase();
    // Hold the migration lock ourselves so that both processes are surely
    // started and waiting on it at the same moment, then let go.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    const both = Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    let waiting = 0;
    for (let attempt = 0; attempt < 100 && waiting < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await holder.query<{ count: string }>(
        `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
        [PRISMA_ADVISORY_LOCK_KEY],
      );
      waiting = Number(rows[0]?.count);
    }
    expect(waiting, "both processes should be waiting for the migration lock").toBe(2);
    await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await holder.end();

    const [a, b] = await both;
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const local = await readLocalMigrations(realMigrations);
    const rows = await query<{ migration_name: string; count: string }>(
      url,
      `SELECT migration_name, count(*) FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(rows).toEqual(local.map((m) => ({ migration_name: m.name, count: "1" })));
    const appliedBy = [a.output, b.output].map((output) => (output.match(/applying migration/g) ?? []).length);
    expect(appliedBy.sort()).toEqual([0, local.length]);
    expect(a.output + b.output).toMatch(/another process is migrating this database; waiting for it/);
  }, 60_000);

  test("refuses to run when an applied migration file has changed, and applies nothing", async () => {
    const url = await emptyDatabase();
    await writeMigration("20260101000000_first", `CREATE TABLE first_table (id int);`);
    await migrate({ databaseUrl: url, migrationsDir: scratch });

    await writeMigration("20260101000000_first", `CREATE TABLE first_table (id bigint);`);
    await writeMigration("20260102000000_second", `CREATE TABLE second_table (id int);`);
    await expect(migrate({ databaseUrl: url, migrationsDir: scratch })).rejects.toThrow(
      /20260101000000_first was changed after it was applied/,
    );
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).not.toContain("second_table");
  });

  test("a failing migration is rolled back whole and not recorded; fixed, it applies", async () => {
    const url = await emptyDatabase();
    await writeMigration("20260101000000_ok", `CREATE TABLE ok_table (id int);`);
    await writeMigration(
      "20260102000000_broken",
      `CREATE TABLE half_done (id int);\nINSERT INTO no_such_table VALUES (1);`,
    );
    await expect(migrate({ databaseUrl: url, migrationsDir: scratch })).rejects.toThrow(
      /20260102000000_broken failed and was rolled back/,
    );
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename).sort()).toEqual(["_prisma_migrations", "ok_table"]);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_ok"]);

    await writeMigration("20260102000000_broken", `CREATE TABLE half_done (id int);`);
    const retry = await migrate({ databaseUrl: url, migrationsDir: scratch });
    expect(retry.applied).toEqual(["20260102000000_broken"]);
  });

  test("stops on a migration Prisma recorded as failed and never resolved", async () => {
    const url = await emptyDatabase();
    await cp(realMigrations, scratch, { recursive: true });
    await migrate({ databaseUrl: url, migrationsDir: scratch });
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at)
       VALUES ('00000000-0000-0000-0000-000000000001', '${checksumOf("x")}', '20990101000000_failed', now())`,
    );
    await expect(migrate({ databaseUrl: url, migrationsDir: scratch })).rejects.toThrow(
      /20990101000000_failed failed earlier/,
    );
  });
});
