import type { NotificationKind, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

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

export async function listNotifications({ userId, take = 50 }: { userId: string; take?: number }) {
  return prisma.notification.findMany({
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export async function countUnread({ userId }: { userId: string }) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead({ userId }: { userId: string }) {
  const updated = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

export type PendingEmail = { id: string; kind: NotificationKind; params: Prisma.JsonValue; link: string | null; email: string; fullName: string };

/**
 * Works through notifications whose e-mail has not left, a few at a time.
 * Rows are locked (SKIP LOCKED) for the length of `send`, so two workers
 * never send the same one, and `emailed_at` is set in the same transaction.
 */
export async function deliverPendingEmails({ limit, send }: { limit: number; send: (email: PendingEmail, db: Prisma.TransactionClient) => Promise<void> }) {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM notification WHERE emailed_at IS NULL ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return 0;
      const pending = await tx.notification.findMany({
        select: { id: true, kind: true, params: true, link: true, user: { select: { email: true, fullName: true, status: true } } },
        where: { id: { in: rows.map((row) => row.id) } },
      });
      for (const row of pending) {
        // Disabled accounts get no mail; the notification still counts as handled.
        if (row.user.status === "ACTIVE") await send({ id: row.id, kind: row.kind, params: row.params, link: row.link, email: row.user.email, fullName: row.user.fullName }, tx);
        await tx.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
      }
      return pending.length;
    },
    { timeout: 60_000 },
  );
}
