import { prisma } from "~/utils/db.server";

export async function insertOutboxMessage(message: { to: string; subject: string; text: string }) {
  await prisma.outboxMessage.create({ select: { id: true }, data: message });
}

export function listOutboxMessages({ take = 50 }: { take?: number }) {
  return prisma.outboxMessage.findMany({
    select: { id: true, createdAt: true, to: true, subject: true, text: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
