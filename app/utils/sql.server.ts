import pg from "pg";
import type { Prisma } from "~/generated/prisma/client";
import { pool } from "./db.server";
import { getLogger } from "./logger.server";
import { sha256Hex } from "./hash.server";

// The statements every request sends (the session, the write counter, a
// lesson's enrolment, a quiz attempt) go to the `pg` pool directly, as named
// prepared statements, instead of through Prisma's `$queryRaw`
// (docs/decisions/033-hot-statements.md). Measured on the session's
// statement: 222 µs of the app's CPU through Prisma, 52 µs this way, and
// PostgreSQL plans it once per connection instead of on every request
// (wall time 970 → 92 µs). Everything else stays with Prisma.
//
// Statements are written with `Prisma.sql`, as for `$queryRaw` (fragments
// and `Prisma.join` work), and give the same JavaScript values Prisma's raw
// queries give: see `types` and `parameter` below. Only use these outside
// a transaction: a transaction's statements must go through its `tx`.

/** Prepared statements are kept per connection; text beyond this many distinct ones is sent unprepared. */
const MAX_PREPARED = 200;
const names = new Map<string, string>();

let warned = false;

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_PREPARED) {
    if (!warned) getLogger().warn({ prepared: MAX_PREPARED }, "prepared statement limit reached: further statements are sent unprepared");
    warned = true;
    return undefined;
  }
  const name = `h${sha256Hex(text).slice(0, 24)}`;
  names.set(text, name);
  return name;
}

const INT8 = 20;
const DATE = 1082;
const INT8_ARRAY = 1016;
const DATE_ARRAY = 1182;

// As Prisma's raw queries give them: bigint for int8, a date as midnight UTC
// (pg's own parser gives local midnight). timestamptz, json and the rest
// are parsed by pg as Prisma does.
// pg asks for a parser per column of every result: they are made once.
const TEXT_ARRAY = 1009 as Parameters<typeof pg.types.getTypeParser>[0];
const parseItems = pg.types.getTypeParser(TEXT_ARRAY) as (value: string) => (string | null)[];
const parseInt8 = (value: string) => BigInt(value);
const parseDate = (value: string) => new Date(`${value}T00:00:00Z`);
const parseInt8Array = (value: string) => parseItems(value).map((item) => (item === null ? null : parseInt8(item)));
const parseDateArray = (value: string) => parseItems(value).map((item) => (item === null ? null : parseDate(item)));
const ours = new Map<number, (value: string) => unknown>([
  [INT8, parseInt8],
  [DATE, parseDate],
  [INT8_ARRAY, parseInt8Array],
  [DATE_ARRAY, parseDateArray],
]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => ours.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A parameter as Prisma sends it: an instant in UTC (pg would write the
 * process's local offset, which a `timestamp` or `date` cast would drop).
 */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

function config(statement: Prisma.Sql): pg.QueryConfig {
  const text = statement.text;
  return { name: nameOf(text), text, values: statement.values.map(parameter), types };
}

/** The rows a statement returns (what `prisma.$queryRaw` gives). */
export async function queryRows<Row>(statement: Prisma.Sql): Promise<Row[]> {
  const result = await pool.query(config(statement));
  return result.rows as Row[];
}

/** The number of rows a statement changed (what `prisma.$executeRaw` gives). */
export async function execute(statement: Prisma.Sql): Promise<number> {
  const result = await pool.query(config(statement));
  return result.rowCount ?? 0;
}
