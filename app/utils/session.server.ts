import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "~/models/session.server";
import { getEnv } from "./env.server";
import { sha256Hex } from "./hash.server";
import type { Role } from "./permissions";

// Sessions as Lucia's guide designs them (docs/decisions/010-auth.md):
// a random token in the cookie; only its SHA-256 in the database; sliding
// expiry. Administrators also have a hard limit and an idle limit.

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
// lastSeenAt is written at most this often, not on every request.
const TOUCH_INTERVAL = MINUTE;

export type SessionUser = {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  /** Units (with their subtrees) a manager role covers. */
  managerScopeUnitIds: string[];
  /** The newest privacy notice version they accepted; null: none yet. */
  privacyNoticeVersion: number | null;
  /** Notices not yet read, when the session was looked up (the header's count). */
  unreadNotifications: number;
};
export type ValidSession = { sessionId: string; expiresAt: Date; refreshedCookie: boolean; user: SessionUser };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return sha256Hex(token);
}

function lifetime(isAdmin: boolean) {
  const env = getEnv();
  return isAdmin ? env.ADMIN_SESSION_IDLE_MINUTES * MINUTE : env.SESSION_DAYS * DAY;
}

export async function createSession(input: {
  userId: string;
  isAdmin: boolean;
  userAgent: string | null;
  ipAddress: string | null;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date; cookieExpiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + lifetime(input.isAdmin));
  const absoluteExpiresAt = input.isAdmin
    ? new Date(now.getTime() + getEnv().ADMIN_SESSION_ABSOLUTE_HOURS * 60 * MINUTE)
    : null;
  await insertSession({
    id: sessionIdFromToken(token),
    userId: input.userId,
    expiresAt,
    absoluteExpiresAt,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    ipAddress: input.ipAddress,
    createdAt: now,
  });
  return { token, expiresAt, cookieExpiresAt: absoluteExpiresAt ?? expiresAt };
}

/**
 * The session and its person for a cookie's token, or null when there is no
 * such session, it has run out, or the person may no longer sign in (an
 * ended session row is deleted). Extends a session that is being used.
 */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const sessionId = sessionIdFromToken(token);
  const row = await findSessionWithUser(sessionId);
  if (!row) return null;
  const roles: Role[] = ["LEARNER", ...new Set(row.roleGrants.map((grant) => grant.role))];
  const isAdmin = roles.includes("ADMIN");
  const ended =
    row.status !== "ACTIVE" ||
    // Made an administrator after signing in: start again under admin limits.
    (isAdmin && row.absoluteExpiresAt === null) ||
    now >= row.expiresAt ||
    (row.absoluteExpiresAt !== null && now >= row.absoluteExpiresAt);
  if (ended) {
    await deleteSession(sessionId);
    return null;
  }
  const fullLifetime = lifetime(isAdmin);
  // Lucia: extend when less than half the lifetime is left. Admin sessions
  // are short (the idle limit), so they slide with each touch instead — at
  // most once a minute, like lastSeenAt, not a write on every request.
  const touchDue = now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL;
  const extend = isAdmin ? touchDue : row.expiresAt.getTime() - now.getTime() < fullLifetime / 2;
  let expiresAt = row.expiresAt;
  if (extend || touchDue) {
    if (extend) {
      const slid = now.getTime() + fullLifetime;
      expiresAt = new Date(Math.min(slid, row.absoluteExpiresAt?.getTime() ?? slid));
    }
    await touchSession({ sessionId, lastSeenAt: now, expiresAt: extend ? expiresAt : undefined });
  }
  return {
    sessionId,
    expiresAt,
    // Admin cookies already live until the hard limit; others follow the slide.
    refreshedCookie: extend && !isAdmin,
    user: {
      id: row.userId,
      email: row.email,
      fullName: row.fullName,
      roles,
      managerScopeUnitIds: row.roleGrants
        .filter((grant) => grant.role === "MANAGER" && grant.scopeUnitId)
        .map((grant) => grant.scopeUnitId ?? ""),
      privacyNoticeVersion: row.privacyNoticeVersion,
      unreadNotifications: row.unreadNotifications,
    },
  };
}

export { deleteSession as invalidateSession };
