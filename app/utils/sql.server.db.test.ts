import { afterAll, beforeAll, expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { execute, queryRows } from "./sql.server";

// The hot statements leave Prisma for the pg pool (docs/decisions/033):
// the code that reads their rows was written against `$queryRaw`, so each
// type must come back exactly as Prisma gives it, whatever the process's
// time zone. The province's own zone is the likely one on a server there.

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Asia/Ho_Chi_Minh";
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const instant = new Date("2026-03-18T23:30:00.123Z");

test("rows have the same values and types as Prisma's raw queries give", async () => {
  const statement = () => Prisma.sql`
    SELECT 42::int AS int4, 9007199254740993::int8 AS int8, 1.5::float8 AS float8, true AS bool, NULL::int AS nothing,
           'Nguyễn Thị Hoà'::text AS text, '01a21aeb-a6de-761a-912c-821428de0718'::uuid AS uuid,
           ${instant}::timestamptz AS instant, ${instant}::timestamptz::date AS day, DATE '2026-01-01' AS new_year,
           '{"a": [1, "ý"], "b": null}'::jsonb AS jsonb, json_build_object('at', ${instant}::timestamptz) AS json,
           ARRAY['T1.1', 'T2.1']::varchar[] AS codes, ARRAY[1, 2]::int8[] AS big, ARRAY[DATE '2026-02-28', NULL]::date[] AS days,
           ARRAY[${instant}::timestamptz] AS instants`;
  const [ours] = await queryRows<Record<string, unknown>>(statement());
  const [theirs] = await prisma.$queryRaw<Record<string, unknown>[]>(statement());
  expect(ours).toEqual(theirs);
  expect(ours).toMatchObject({
    int8: 9007199254740993n,
    day: new Date("2026-03-18T00:00:00Z"),
    new_year: new Date("2026-01-01T00:00:00Z"),
    instant,
    json: { at: "2026-03-18T23:30:00.123+00:00" },
    days: [new Date("2026-02-28T00:00:00Z"), null],
  });
});

test("dates sent as parameters are the same instant, cast to any of PostgreSQL's time types", async () => {
  const statement = () => Prisma.sql`
    SELECT ${instant}::timestamptz AS tz, ${instant}::timestamp::text AS plain, ${instant}::date AS day, ${[instant, instant]}::timestamptz[] AS list`;
  const [ours] = await queryRows<Record<string, unknown>>(statement());
  const [theirs] = await prisma.$queryRaw<Record<string, unknown>[]>(statement());
  expect(ours).toEqual(theirs);
  expect(ours).toMatchObject({ tz: instant, plain: "2026-03-18 23:30:00.123", day: new Date("2026-03-18T00:00:00Z") });
});

test("fragments and lists compose as with $queryRaw, and each text is prepared once per connection", async () => {
  const codes = ["a", "b", "c"];
  const statement = Prisma.sql`SELECT code FROM unnest(${codes}::text[]) AS code WHERE code IN (${Prisma.join(["a", "c"])}) ${Prisma.sql`ORDER BY code DESC`}`;
  expect(await queryRows<{ code: string }>(statement)).toEqual([{ code: "c" }, { code: "a" }]);
  // A statement sees the ones prepared on its own connection: itself among them.
  const prepared = await queryRows<{ name: string; statement: string }>(Prisma.sql`SELECT name, statement FROM pg_prepared_statements`);
  const own = prepared.find((row) => row.statement.startsWith("SELECT name, statement FROM pg_prepared_statements"));
  expect(own?.name).toMatch(/^h[0-9a-f]{24}$/);
  const again = await queryRows<{ name: string }>(Prisma.sql`SELECT name, statement FROM pg_prepared_statements`);
  expect(again.filter((row) => row.name === own?.name)).toHaveLength(1);
});

test("execute gives the number of rows changed; a failing statement rejects and the next one runs", async () => {
  await prisma.$executeRaw`CREATE TABLE IF NOT EXISTS sql_test_rows (n int)`;
  expect(await execute(Prisma.sql`INSERT INTO sql_test_rows SELECT generate_series(1, ${3}::int)`)).toBe(3);
  expect(await execute(Prisma.sql`UPDATE sql_test_rows SET n = n + 1 WHERE n > ${1}::int`)).toBe(2);
  expect(await execute(Prisma.sql`DELETE FROM sql_test_rows WHERE n > ${100}::int`)).toBe(0);
  // A bad value for a prepared statement fails that call only.
  await expect(queryRows(Prisma.sql`SELECT ${"not a uuid"}::uuid AS id`)).rejects.toThrow(/invalid input syntax for type uuid/);
  expect(await queryRows(Prisma.sql`SELECT ${"01a21aeb-a6de-761a-912c-821428de0718"}::uuid AS id`)).toEqual([{ id: "01a21aeb-a6de-761a-912c-821428de0718" }]);
});
