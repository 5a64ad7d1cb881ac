import type { MessageKey } from "~/i18n/vi";
import { recordAudit } from "~/models/audit.server";
import { accountKey, accountPolicy, lockedUntil, recordFailure } from "~/models/login-throttle.server";
import { changePasswordAndEndOtherSessions, findUserNames } from "~/models/password-reset.server";
import { findUserForSignIn } from "~/models/user.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { passwordProblem } from "~/utils/password-strength.server";

// A signed-in person changes their password: the current one first (a
// borrowed, unlocked PC must not be enough), a new one that is not
// guessable, and every other session of theirs ends.

export type ChangeResult = { ok: true } | { ok: false; field: "current" | "password"; problem: MessageKey };

export async function changePassword(input: {
  userId: string;
  sessionId: string;
  current: string;
  password: string;
  ipAddress: string;
}): Promise<ChangeResult> {
  const names = await findUserNames(input.userId);
  if (!names) return { ok: false, field: "current", problem: "password.wrongCurrent" };
  // Guessing the current password here counts like guessing at sign-in.
  const key = accountKey(names.email);
  if (await lockedUntil([key])) return { ok: false, field: "current", problem: "password.wrongCurrent" };
  const account = await findUserForSignIn(names.email);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.current))) {
    await recordFailure(key, accountPolicy);
    return { ok: false, field: "current", problem: "password.wrongCurrent" };
  }
  const problem = passwordProblem(input.password, [names.fullName, names.email]);
  if (problem) return { ok: false, field: "password", problem };
  await changePasswordAndEndOtherSessions({
    userId: input.userId,
    passwordHash: await hashPassword(input.password),
    keepSessionId: input.sessionId,
  });
  await recordAudit({ action: "password.changed", actorId: input.userId, targetType: "user", targetId: input.userId, ipAddress: input.ipAddress });
  return { ok: true };
}
