import { prisma } from "~/utils/db.server";

// Session rows (Lucia's design): the id is the SHA-256 of the cookie's token.

const sessionUserSelect = {
  id: true,
  expiresAt: true,
  absoluteExpiresAt: true,
  lastSeenAt: true,
  user: {
    select: {
      id: true,
      email: true,
      fullName: true,
      status: true,
      privacyNoticeVersion: true,
      roleGrants: { select: { role: true, scopeUnitId: true } },
    },
  },
} as const;

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

export function findSessionWithUser(sessionId: string) {
  return prisma.session.findUnique({ select: sessionUserSelect, where: { id: sessionId } });
}

export async function touchSession(input: { sessionId: string; lastSeenAt: Date; expiresAt?: Date }) {
  await prisma.session.updateMany({
    where: { id: input.sessionId },
    data: { lastSeenAt: input.lastSeenAt, ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) },
  });
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
