import { prisma } from "~/utils/db.server";
import { sha256Hex } from "~/utils/hash.server";

// Sign-in throttling, kept in PostgreSQL so it holds across app processes.
// Two counters per attempt: the account (stops guessing one person's
// password) and the address (stops trying many accounts from one place).
// Whole offices share one public address, so its limits are far higher.

const WINDOW_MS = 15 * 60 * 1000;

type Policy = { steps: { failures: number; lockMs: number }[] };

const MINUTE = 60 * 1000;
export const accountPolicy: Policy = {
  // 5 failures: a minute's pause; 10: 15 minutes; 20: an hour.
  steps: [
    { failures: 20, lockMs: 60 * MINUTE },
    { failures: 10, lockMs: 15 * MINUTE },
    { failures: 5, lockMs: MINUTE },
  ],
};
export const addressPolicy: Policy = {
  steps: [
    { failures: 300, lockMs: 60 * MINUTE },
    { failures: 100, lockMs: 15 * MINUTE },
  ],
};

/** Certificate codes tried that do not exist, per address: guessing stops here. */
export const verifyPolicy: Policy = {
  steps: [
    { failures: 100, lockMs: 60 * MINUTE },
    { failures: 30, lockMs: 15 * MINUTE },
  ],
};

// Keys hold hashes, not the e-mail or network address itself (personal
// data): a counter only has to match them again. Migration
// 20261127010000_hashed_throttle_keys hashed the rows kept before.
export const accountKey = (email: string) => `account:${sha256Hex(email.toLowerCase())}`;
export const verifyKey = (ip: string) => `verify:${sha256Hex(ip)}`;
export const addressKey = (ip: string) => `ip:${sha256Hex(ip)}`;

/** The latest time any of these keys is locked until, if one is locked now. */
export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.loginThrottle.findMany({
    select: { lockedUntil: true },
    where: { key: { in: keys }, lockedUntil: { gt: now } },
  });
  const times = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Counts one attempt against `key`, atomically (a row lock serialises
 * parallel attempts), and locks the key when a step is reached. An attempt
 * that arrives while the key is locked is refused and not counted: the
 * caller must not even check its password. The count starts again only
 * after a quiet quarter of an hour (after the last failure or the end of the
 * last lock), so waiting out short locks does not reset it.
 */
export async function countAttempt(
  key: string,
  policy: Policy,
  now = new Date(),
): Promise<{ refusedUntil: Date | null; lockedUntil: Date | null }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO login_throttle (key, failures, window_started_at, updated_at)
      VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; updated_at: Date; locked_until: Date | null }[]>`
      SELECT failures, updated_at, locked_until FROM login_throttle WHERE key = ${key} FOR UPDATE`;
    if (row?.locked_until && row.locked_until > now) return { refusedUntil: row.locked_until, lockedUntil: row.locked_until };
    const lastActivity = Math.max(row?.updated_at.getTime() ?? 0, row?.locked_until?.getTime() ?? 0);
    const fresh = !row || row.failures === 0 || now.getTime() - lastActivity > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const step = policy.steps.find((candidate) => failures >= candidate.failures);
    const lockedUntil = step ? new Date(now.getTime() + step.lockMs) : null;
    await tx.$executeRaw`UPDATE login_throttle
      SET failures = ${failures},
          window_started_at = CASE WHEN ${fresh}::boolean THEN ${now}::timestamptz ELSE window_started_at END,
          locked_until = COALESCE(${lockedUntil}::timestamptz, locked_until),
          updated_at = ${now}
      WHERE key = ${key}`;
    return { refusedUntil: null, lockedUntil };
  });
}

/** Counts a failure against `key` (for keys checked after the password). */
export async function recordFailure(key: string, policy: Policy, now = new Date()) {
  await countAttempt(key, policy, now);
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(key: string) {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}

/** Forgets keys with no failure for a day and no lock in force (the nightly housekeeping job). */
export async function pruneLoginThrottles(now = new Date()): Promise<number> {
  const { count } = await prisma.loginThrottle.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return count;
}
