import { recordAudit } from "~/models/audit.server";
import {
  accountKey,
  accountPolicy,
  addressKey,
  addressPolicy,
  clearFailures,
  countAttempt,
  lockedUntil,
  recordFailure,
} from "~/models/login-throttle.server";
import { isLocale, type Locale } from "~/i18n/i18n";
import { findUserForSignIn } from "~/models/user.server";
import { verifyAgainstNothing, verifyPassword } from "~/utils/password.server";
import { createSession } from "~/utils/session.server";

// Signing in spans people, throttling, sessions and the audit log.
// Unknown e-mail, wrong password and disabled account look the same from
// outside (same answer, same work), so nobody can learn who has an account.

export type SignInResult =
  | { outcome: "signed-in"; userId: string; token: string; cookieExpiresAt: Date; locale: Locale | null }
  | { outcome: "invalid" }
  | { outcome: "locked"; until: Date };

async function locked(input: { email: string; ipAddress: string }, until: Date): Promise<SignInResult> {
  await recordAudit({ action: "auth.sign_in_locked", detail: { email: input.email }, ipAddress: input.ipAddress });
  return { outcome: "locked", until };
}

export async function signIn(input: {
  email: string;
  password: string;
  ipAddress: string;
  userAgent: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const account = accountKey(input.email);
  const address = addressKey(input.ipAddress);

  // While the address is locked, nothing from it is even looked at.
  const addressLocked = await lockedUntil([address], now);
  if (addressLocked) return locked(input, addressLocked);
  // The attempt counts against the account before the password is checked,
  // so parallel guesses cannot slip in before the lock (cleared on success).
  const gate = await countAttempt(account, accountPolicy, now);
  if (gate.refusedUntil) return locked(input, gate.refusedUntil);

  const user = await findUserForSignIn(input.email);
  const usable = user && user.status === "ACTIVE" && user.passwordHash;
  const valid = usable
    ? await verifyPassword(user.passwordHash ?? "", input.password)
    : await verifyAgainstNothing(input.password);

  if (!user || !valid) {
    await recordFailure(address, addressPolicy, now);
    await recordAudit({
      action: "auth.sign_in_failed",
      targetType: user ? "user" : undefined,
      targetId: user?.id,
      detail: { email: input.email },
      ipAddress: input.ipAddress,
    });
    return gate.lockedUntil ? { outcome: "locked", until: gate.lockedUntil } : { outcome: "invalid" };
  }

  await clearFailures(account);
  const isAdmin = user.roleGrants.some((grant) => grant.role === "ADMIN");
  const session = await createSession({
    userId: user.id,
    isAdmin,
    userAgent: input.userAgent,
    ipAddress: input.ipAddress,
    now,
  });
  await recordAudit({ action: "auth.sign_in", actorId: user.id, targetType: "user", targetId: user.id, ipAddress: input.ipAddress });
  // The person's own language comes with them. One who never chose keeps
  // this browser's; it is not taken as theirs: on a shared PC it may be the
  // last person's.
  const locale = isLocale(user.locale) ? user.locale : null;
  return { outcome: "signed-in", userId: user.id, token: session.token, cookieExpiresAt: session.cookieExpiresAt, locale };
}
