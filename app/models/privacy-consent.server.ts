import { prisma } from "~/utils/db.server";

// Acceptances of the privacy notice (ADR 026): one row per person and
// version, and the newest accepted version on the person, which the session
// check reads.

/**
 * Records that the person accepted `noticeVersion`. Twice (a double click,
 * two tabs) is once: the first acceptance's time stands. Returns whether
 * this call recorded it.
 */
export async function recordPrivacyConsent({ userId, noticeVersion, now = new Date() }: { userId: string; noticeVersion: number; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.privacyConsent.createMany({
      data: [{ userId, noticeVersion, acceptedAt: now }],
      skipDuplicates: true,
    });
    // Never lowered: accepting an older version (a stale page) changes nothing.
    await tx.user.updateMany({
      where: { id: userId, OR: [{ privacyNoticeVersion: null }, { privacyNoticeVersion: { lt: noticeVersion } }] },
      data: { privacyNoticeVersion: noticeVersion },
    });
    return count === 1;
  });
}

/** The same for many people at once (demo data, tests), in one transaction. */
export async function recordPrivacyConsents({ userIds, noticeVersion, now = new Date() }: { userIds: string[]; noticeVersion: number; now?: Date }) {
  await prisma.$transaction(async (tx) => {
    await tx.privacyConsent.createMany({ data: userIds.map((userId) => ({ userId, noticeVersion, acceptedAt: now })), skipDuplicates: true });
    await tx.user.updateMany({
      where: { id: { in: userIds }, OR: [{ privacyNoticeVersion: null }, { privacyNoticeVersion: { lt: noticeVersion } }] },
      data: { privacyNoticeVersion: noticeVersion },
    });
  });
}

/** The person's acceptances, newest first. */
export function listPrivacyConsents({ userId }: { userId: string }) {
  return prisma.privacyConsent.findMany({
    select: { noticeVersion: true, acceptedAt: true },
    where: { userId },
    orderBy: { noticeVersion: "desc" },
  });
}
