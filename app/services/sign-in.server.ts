import { recordAudit } from "~/models/audit.server";
import {
  accountKey,
  accountPolicy,
  addressKey,
  addressPolicy,
  clearFailures,
  lockedUntil,
  recordFailure,
} from "~/models/login-throttle.server";
import { findUserForSignIn } from "~/models/user.server";
import { verifyAgainstNothing, verifyPassword } from "~/utils/password.server";
import { createSession } from "~/utils/session.server";

// Signing in spans people, throttling, sessions and the audit log.
// Unknown e-mail, wrong password and disabled account look the same from
// outside (same answer, same work), so nobody can learn who has an account.

export type SignInResult =
  | { outcome: "signed-in"; userId: string; token: string; cookieExpiresAt: Date }
  | { outcome: "invalid" }
  | { outcome: "locked"; until: Date };

export async function signIn(input: {
  email: string;
  password: string;
  ipAddress: string;
  userAgent: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = [accountKey(input.email), addressKey(input.ipAddress)];

  // While locked, not even the right password gets in.
  const locked = await lockedUntil(keys, now);
  if (locked) {
    await recordAudit({ action: "auth.sign_in_locked", detail: { email: input.email }, ipAddress: input.ipAddress });
    return { outcome: "locked", until: locked };
  }

  const user = await findUserForSignIn(input.email);
  const usable = user && user.status === "ACTIVE" && user.passwordHash;
  const valid = usable
    ? await verifyPassword(user.passwordHash ?? "", input.password)
    : await verifyAgainstNothing(input.password);

  if (!user || !valid) {
    await recordFailure(keys[0] ?? "", accountPolicy, now);
    await recordFailure(keys[1] ?? "", addressPolicy, now);
    await recordAudit({
      action: "auth.sign_in_failed",
      targetType: user ? "user" : undefined,
      targetId: user?.id,
      detail: { email: input.email },
      ipAddress: input.ipAddress,
    });
    const nowLocked = await lockedUntil(keys, now);
    return nowLocked ? { outcome: "locked", until: nowLocked } : { outcome: "invalid" };
  }

  await clearFailures(keys[0] ?? "");
  const isAdmin = user.roleGrants.some((grant) => grant.role === "ADMIN");
  const session = await createSession({
    userId: user.id,
    isAdmin,
    userAgent: input.userAgent,
    ipAddress: input.ipAddress,
    now,
  });
  await recordAudit({ action: "auth.sign_in", actorId: user.id, targetType: "user", targetId: user.id, ipAddress: input.ipAddress });
  return { outcome: "signed-in", userId: user.id, token: session.token, cookieExpiresAt: session.cookieExpiresAt };
}
