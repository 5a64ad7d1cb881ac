import type { NotificationKind, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { getLogger } from "~/utils/logger.server";

// In-app notifications, and the e-mail each one sends (once).

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  dedupeKey: string;
  params: Record<string, string | number>;
  link: string | null;
};

/** Adds those not made before (by dedupe key); how many were new. */
export async function createNotifications(rows: NewNotification[]) {
  if (!rows.length) return 0;
  const created = await prisma.notification.createMany({ data: rows, skipDuplicates: true });
  return created.count;
}

/** Which of these keys already have their notification (work a run need not do again). */
export async function findExistingDedupeKeys(keys: string[]) {
  if (!keys.length) return new Set<string>();
  const rows = await prisma.notification.findMany({ select: { dedupeKey: true }, where: { dedupeKey: { in: keys } } });
  return new Set(rows.map((row) => row.dedupeKey));
}

export async function listNotifications({ userId, take = 50 }: { userId: string; take?: number }) {
  return prisma.notification.findMany({
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export async function markAllRead({ userId }: { userId: string }) {
  const updated = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

export type PendingEmail = { id: string; kind: NotificationKind; params: Prisma.JsonValue; link: string | null; email: string; fullName: string; locale: string | null };

/**
 * Sends up to `limit` pending e-mails, each in its own transaction: the row
 * is locked (SKIP LOCKED: two workers never take the same one) and
 * `emailed_at` set in the transaction that sent it, so a failure later in
 * the batch never makes an earlier mail go again. A send that fails counts
 * against its row (at most 5 tries), and the others go on.
 */
export async function deliverPendingEmails({ limit, send }: { limit: number; send: (email: PendingEmail, db: Prisma.TransactionClient) => Promise<void> }) {
  const result = { sent: 0, failed: 0 };
  for (let handled = 0; handled < limit; handled++) {
    let claimed: string | null = null;
    try {
      const outcome = await prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM notification WHERE emailed_at IS NULL AND email_failures < 5
           ORDER BY email_failures, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return "none" as const;
        claimed = row.id;
        const pending = await tx.notification.findUniqueOrThrow({
          select: { id: true, kind: true, params: true, link: true, user: { select: { email: true, fullName: true, status: true, locale: true } } },
          where: { id: row.id },
        });
        // Disabled accounts get no mail; the notification still counts as handled.
        if (pending.user.status === "ACTIVE") {
          await send({ id: pending.id, kind: pending.kind, params: pending.params, link: pending.link, email: pending.user.email, fullName: pending.user.fullName, locale: pending.user.locale }, tx);
        }
        await tx.notification.update({ where: { id: pending.id }, data: { emailedAt: new Date() } });
        return "sent" as const;
      });
      if (outcome === "none") break;
      result.sent++;
    } catch (error) {
      if (!claimed) throw error;
      result.failed++;
      await prisma.notification.update({ where: { id: claimed }, data: { emailFailures: { increment: 1 } } });
      getLogger().warn({ err: error, notificationId: claimed }, "notification e-mail failed; will try again later");
    }
  }
  return result;
}
