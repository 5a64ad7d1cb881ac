import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { migrate } from "../server/migrate";
import { createDatabase, dropDatabase } from "../tests/helpers/database";

// schema.prisma and prisma/migrations must describe the same database.
// Build it both ways and compare what PostgreSQL ends up holding:
//   A: every migration applied by our migrator;
//   B: the SQL Prisma's engine writes for schema.prisma from nothing.
// A difference means a migration is missing (or was hand-edited wrongly):
// see CONTRIBUTING.md, "Changing the database". Constraints and indexes that
// schema.prisma cannot express are written by hand in migrations and named
// *_hand; they are expected on the migrations' side only, as are the
// extensions they use.

const serverUrl = inject("testServerUrl");
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await dropDatabase(serverUrl, name);
});

async function schemaSnapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((row) => JSON.stringify(row));
    return {
      enums: await q(`
        SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         WHERE t.typnamespace = 'public'::regnamespace
         GROUP BY t.typname ORDER BY t.typname`),
      // By name, not position: a column added later sits at the end.
      columns: await q(`
        SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
               numeric_precision, numeric_scale, datetime_precision, is_nullable, column_default
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         ORDER BY table_name, column_name`),
      constraints: await q(`
        SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
          FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
           AND conrelid::regclass::text <> '_prisma_migrations'
         ORDER BY 1, 2`),
      indexes: await q(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
         ORDER BY 1, 2`),
      extensions: await q(`SELECT extname FROM pg_extension ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

test("prisma/schema.prisma and prisma/migrations describe the same database", async () => {
  const fromMigrations = await createDatabase(serverUrl, { prefix: "hocso_agree_migrations" });
  const fromSchema = await createDatabase(serverUrl, { prefix: "hocso_agree_schema" });
  made.push(fromMigrations.name, fromSchema.name);

  await migrate({ databaseUrl: fromMigrations.url, migrationsDir: path.resolve("prisma/migrations") });

  const { stdout: sql } = await promisify(execFile)(
    process.execPath,
    ["tools/prisma-diff/diff.mjs", "prisma/schema.prisma"],
    { env: { ...process.env, DATABASE_URL: serverUrl }, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(sql).toContain("CREATE TABLE");
  const client = new pg.Client({ connectionString: fromSchema.url });
  await client.connect();
  await client.query(sql).finally(() => client.end());

  const [built, described] = await Promise.all([schemaSnapshot(fromMigrations.url), schemaSnapshot(fromSchema.url)]);
  const handWritten = (item: string) => /_hand"/.test(item);
  built.constraints = built.constraints.filter((item) => !handWritten(item));
  built.indexes = built.indexes.filter((item) => !handWritten(item));
  // Extensions the hand-written search index needs (courses migration).
  const handExtensions = new Set(['{"extname":"unaccent"}', '{"extname":"pg_trgm"}']);
  built.extensions = built.extensions.filter((item) => !handExtensions.has(item));
  expect(described.columns.length).toBeGreaterThan(0);
  const differences = Object.entries(built).flatMap(([kind, items]) => {
    const other = new Set(described[kind as keyof typeof described]);
    const mine = new Set(items);
    return [
      ...items.filter((item) => !other.has(item)).map((item) => `${kind} only in the migrations: ${item}`),
      ...[...other].filter((item) => !mine.has(item)).map((item) => `${kind} only in schema.prisma: ${item}`),
    ];
  });
  expect(differences, "write a migration for schema.prisma: npm run db:diff -- <name>").toEqual([]);
}, 60_000);
