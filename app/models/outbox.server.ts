import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/** `db`: inside the caller's transaction (a notification and its mail together). */
export async function insertOutboxMessage(message: { to: string; subject: string; text: string }, db: Prisma.TransactionClient = prisma) {
  await db.outboxMessage.create({ select: { id: true }, data: message });
}

/** The newest messages; `to`: only those whose recipient contains it (any case). */
export function listOutboxMessages({ to, take = 50 }: { to?: string; take?: number }) {
  return prisma.outboxMessage.findMany({
    select: { id: true, createdAt: true, to: true, subject: true, text: true },
    where: to ? { to: { contains: to, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
