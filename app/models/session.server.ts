import { Prisma, type RoleName, type UserStatus } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { execute, queryRows } from "~/utils/sql.server";

// Session rows (Lucia's design): the id is the SHA-256 of the cookie's token.


export async function insertSession(input: {
  id: string;
  userId: string;
  expiresAt: Date;
  absoluteExpiresAt: Date | null;
  userAgent: string | null;
  ipAddress: string | null;
  /** The moment of sign-in, which the expiry times were counted from. */
  createdAt: Date;
}) {
  await prisma.session.create({ data: { ...input, lastSeenAt: input.createdAt }, select: { id: true } });
}

type SessionRow = {
  id: string;
  expiresAt: Date;
  absoluteExpiresAt: Date | null;
  lastSeenAt: Date;
  userId: string;
  email: string;
  fullName: string;
  status: UserStatus;
  privacyNoticeVersion: number | null;
  roleGrants: { role: RoleName; scopeUnitId: string | null }[];
  unreadNotifications: number;
};

/**
 * The session, its person, their roles and how many notices they have not
 * read (the header shows it on every page), in one statement: every
 * signed-in request starts here, so each round trip saved is saved on all.
 */
export async function findSessionWithUser(sessionId: string) {
  const [row] = await queryRows<SessionRow>(Prisma.sql`
    SELECT s.id, s.expires_at AS "expiresAt", s.absolute_expires_at AS "absoluteExpiresAt", s.last_seen_at AS "lastSeenAt",
           u.id AS "userId", u.email, u.full_name AS "fullName", u.status::text AS status,
           u.privacy_notice_version AS "privacyNoticeVersion",
           COALESCE((SELECT json_agg(json_build_object('role', g.role::text, 'scopeUnitId', g.scope_unit_id))
                       FROM role_grant g WHERE g.user_id = u.id), '[]'::json) AS "roleGrants",
           (SELECT count(*)::int FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL) AS "unreadNotifications"
      FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = ${sessionId}`);
  return row ?? null;
}

/** Marks the session as seen, and extends it when `expiresAt` is given (about once a minute of use). */
export async function touchSession({ sessionId, lastSeenAt, expiresAt }: { sessionId: string; lastSeenAt: Date; expiresAt?: Date }) {
  await execute(Prisma.sql`
    UPDATE session SET last_seen_at = ${lastSeenAt}::timestamptz, expires_at = COALESCE(${expiresAt ?? null}::timestamptz, expires_at)
     WHERE id = ${sessionId}`);
}

export async function deleteSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Ends one of the person's own sessions; someone else's id does nothing. */
export async function deleteOwnSession({ sessionId, userId }: { sessionId: string; userId: string }) {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

export async function deleteSessionsOfUser({ userId, exceptSessionId }: { userId: string; exceptSessionId?: string }) {
  await prisma.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

export function listSessionsOfUser(userId: string) {
  return prisma.session.findMany({
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
  });
}
