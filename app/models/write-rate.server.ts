import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { queryRows } from "~/utils/sql.server";

// Counts of writes (form posts and other changes) per session and per
// address, by the minute, in PostgreSQL so that every app process counts
// together (server/rate-limit.ts decides what is too many).

const MINUTE = 60_000;

/** The start of the minute `now` falls in. */
export const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);

/**
 * Counts one write against each key, in one statement, and returns each
 * key's count in the current minute (a key's count starts again at 1 when
 * its last write was in an earlier minute). The minute is the database's
 * (`now` only in tests): app servers whose clocks disagree count alike.
 */
export async function countWrite(keys: string[], now?: Date): Promise<Map<string, number>> {
  const window = now ? windowOf(now) : null;
  const rows = await queryRows<{ key: string; count: number }>(Prisma.sql`
    INSERT INTO write_rate (key, window_start, count)
    SELECT key, COALESCE(${window}::timestamptz, date_trunc('minute', now())), 1 FROM unnest(${keys}::varchar[]) AS key
    ON CONFLICT (key) DO UPDATE
      SET count = CASE WHEN write_rate.window_start = EXCLUDED.window_start THEN write_rate.count + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
    RETURNING key, count`);
  return new Map(rows.map((row) => [row.key, Number(row.count)]));
}

/** Forgets counters idle for a day (the nightly housekeeping job). */
export async function pruneWriteRates(now = new Date()): Promise<number> {
  const { count } = await prisma.writeRate.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) } } });
  return count;
}
