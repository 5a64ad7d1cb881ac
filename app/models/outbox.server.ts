import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/** `db`: inside the caller's transaction (a notification and its mail together). */
export async function insertOutboxMessage(message: { to: string; subject: string; text: string }, db: Prisma.TransactionClient = prisma) {
  await db.outboxMessage.create({ select: { id: true }, data: message });
}

export function listOutboxMessages({ take = 50 }: { take?: number }) {
  return prisma.outboxMessage.findMany({
    select: { id: true, createdAt: true, to: true, subject: true, text: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
