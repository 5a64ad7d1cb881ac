import { prisma } from "~/utils/db.server";

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

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** The latest time any of these keys is locked until, if one is locked now. */
export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.loginThrottle.findMany({
    select: { lockedUntil: true },
    where: { key: { in: keys }, lockedUntil: { gt: now } },
  });
  const times = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts a failure against `key` and locks it when a step is reached. */
export async function recordFailure(key: string, policy: Policy, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    // Row lock: two failures at the same moment both count.
    await tx.$executeRaw`INSERT INTO login_throttle (key, failures, window_started_at, updated_at)
      VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; window_started_at: Date }[]>`
      SELECT failures, window_started_at FROM login_throttle WHERE key = ${key} FOR UPDATE`;
    const windowOver = !row || now.getTime() - row.window_started_at.getTime() > WINDOW_MS;
    const failures = windowOver ? 1 : row.failures + 1;
    const step = policy.steps.find((candidate) => failures >= candidate.failures);
    await tx.loginThrottle.update({
      where: { key },
      data: {
        failures,
        windowStartedAt: windowOver ? now : undefined,
        lockedUntil: step ? new Date(now.getTime() + step.lockMs) : undefined,
      },
      select: { key: true },
    });
  });
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(key: string) {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
