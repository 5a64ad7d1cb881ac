import { prisma } from "~/utils/db.server";

export async function insertResetToken(input: { id: string; userId: string; expiresAt: Date }) {
  await prisma.passwordResetToken.create({ select: { id: true }, data: input });
}

/** Takes a valid token out (single use): its person's id, or null. */
export async function consumeResetToken(tokenId: string, now = new Date()): Promise<string | null> {
  // DELETE … RETURNING: two clicks on the same link cannot both use it.
  const rows = await prisma.$queryRaw<{ user_id: string; expires_at: Date }[]>`
    DELETE FROM password_reset_token WHERE id = ${tokenId} RETURNING user_id::text, expires_at`;
  const row = rows[0];
  return row && row.expires_at > now ? row.user_id : null;
}


export async function setPassword(input: { userId: string; passwordHash: string }) {
  await prisma.$transaction([
    prisma.user.update({
      select: { id: true },
      where: { id: input.userId },
      data: { passwordHash: input.passwordHash, passwordChangedAt: new Date() },
    }),
    // Any other link sent earlier dies with this change.
    prisma.passwordResetToken.deleteMany({ where: { userId: input.userId } }),
  ]);
}

export function findActiveUserByEmail(email: string) {
  return prisma.user.findFirst({
    select: { id: true, fullName: true, email: true },
    where: { email: email.toLowerCase(), status: "ACTIVE" },
  });
}

export function findUserNames(userId: string) {
  return prisma.user.findUnique({ select: { fullName: true, email: true }, where: { id: userId } });
}

/** Whose unexpired link this is, without using it. */
export async function findResetTokenUser(tokenId: string, now = new Date()): Promise<string | null> {
  const row = await prisma.passwordResetToken.findFirst({
    select: { userId: true },
    where: { id: tokenId, expiresAt: { gt: now } },
  });
  return row?.userId ?? null;
}
