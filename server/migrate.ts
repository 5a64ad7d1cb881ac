import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy`
// does, without Prisma's schema engine (which this project cannot download;
// see docs/decisions/004-migrations.md). Same bookkeeping table, same columns,
// same checksum and the same advisory lock key, so Prisma's own CLI agrees
// with it wherever Prisma's engine is available.

/** The key Prisma's schema engine locks on; sharing it excludes both tools. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export type LocalMigration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };
type Log = (message: string) => void;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readLocalMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Checks what the database holds against the files, before anything runs:
 * a failed migration or an applied file that has since changed stops
 * everything, because running on would build on a schema nobody wrote.
 */
function findPending(local: LocalMigration[], applied: AppliedRow[], log: Log) {
  const failed = applied.find((row) => !row.finished_at && !row.rolled_back_at);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and was never resolved. ` +
        "Fix the database by hand, then mark it rolled back (rolled_back_at) in _prisma_migrations.",
    );
  }
  const done = new Map(
    applied.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]),
  );
  for (const migration of local) {
    const row = done.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied ` +
          `(checksum in database ${row.checksum.slice(0, 12)}…, file ${migration.checksum.slice(0, 12)}…). ` +
          "Never edit an applied migration: restore the file and add a new migration instead.",
      );
    }
  }
  const localNames = new Set(local.map((migration) => migration.name));
  for (const name of done.keys()) {
    if (!localNames.has(name)) {
      log(`warning: migration ${name} is applied in the database but missing from this build`);
    }
  }
  return local.filter((migration) => !done.has(migration.name));
}

async function applyOne(client: pg.Client, migration: LocalMigration) {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // Simple-query protocol: one call runs every statement in the file.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

/** How long to wait for another process that is migrating. */
const LOCK_WAIT = "5min";

/**
 * Session-level advisory lock: it needs a direct connection to PostgreSQL
 * (not PgBouncer in transaction mode). When another process holds it, say so
 * and wait; it finishes its migrations and we then find nothing to do.
 */
async function acquireLock(client: pg.Client, log: Log) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_ADVISORY_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  log("another process is migrating this database; waiting for it");
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (error) {
    throw new MigrationError(
      `Gave up after ${LOCK_WAIT}: another process still holds the migration lock (${PRISMA_ADVISORY_LOCK_KEY}). ` +
        `Find it with: SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_ADVISORY_LOCK_KEY}. ` +
        String(error),
    );
  }
  await client.query("SET lock_timeout = 0");
}

/**
 * Applies every pending migration in name order, each in its own
 * transaction, while holding Prisma's advisory lock so that two processes
 * starting at once cannot both migrate. Safe to run any number of times.
 */
export async function migrate(options: {
  databaseUrl: string;
  migrationsDir: string;
  log?: Log;
}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const local = await readLocalMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await acquireLock(client, log);
    try {
      await client.query(CREATE_BOOKKEEPING_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const pending = findPending(local, rows, log);
      for (const migration of pending) {
        log(`applying migration ${migration.name}`);
        await applyOne(client, migration);
      }
      return {
        applied: pending.map((migration) => migration.name),
        alreadyApplied: local.length - pending.length,
      };
    } finally {
      // If the connection broke, the lock went with it; do not let the
      // unlock's error hide the real one.
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
