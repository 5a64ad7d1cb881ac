import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export async function insertResetToken(input: { id: string; userId: string; expiresAt: Date }) {
  await prisma.passwordResetToken.create({ select: { id: true }, data: input });
}

/**
 * Uses a link: in one transaction the token is taken out (DELETE … RETURNING,
 * so two clicks cannot both use it), the password set, and every session of
 * the person ended. Returns the person's id, or null for a dead link.
 */
export async function resetPasswordWithToken(input: { tokenId: string; passwordHash: string; now?: Date }) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ user_id: string; expires_at: Date }[]>`
      DELETE FROM password_reset_token WHERE id = ${input.tokenId} RETURNING user_id::text, expires_at`;
    const row = rows[0];
    if (!row || row.expires_at <= now) return null;
    await writePassword(tx, row.user_id, input.passwordHash);
    await tx.session.deleteMany({ where: { userId: row.user_id } });
    return row.user_id;
  });
}

/** A new password, and the end of every session but `keepSessionId`, together. */
export async function changePasswordAndEndOtherSessions(input: { userId: string; passwordHash: string; keepSessionId: string }) {
  await prisma.$transaction(async (tx) => {
    await writePassword(tx, input.userId, input.passwordHash);
    await tx.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } });
  });
}

async function writePassword(tx: Prisma.TransactionClient, userId: string, passwordHash: string) {
  await tx.user.update({ select: { id: true }, where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
  // Any other link sent earlier dies with this change.
  await tx.passwordResetToken.deleteMany({ where: { userId } });
}

export function findActiveUserByEmail(email: string) {
  return prisma.user.findFirst({
    select: { id: true, fullName: true, email: true, locale: true },
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
