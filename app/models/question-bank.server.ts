import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { parseGift } from "~/utils/gift";
import type { BankQuestions } from "~/utils/quiz";

// Shared question banks: one GIFT text each, drawn from by quizzes of any
// course. Saving is conditional on the revision the page was based on, as
// for lessons: a stale tab never overwrites newer questions.

export async function listBanks() {
  const banks = await prisma.questionBank.findMany({
    select: { id: true, slug: true, title: true, body: true, updatedAt: true, createdBy: { select: { fullName: true } } },
    orderBy: { title: "asc" },
  });
  return banks.map(({ body, ...bank }) => ({ ...bank, questions: parseGift(body, { requireTitles: false }).questions.length }));
}

/** Slugs and titles, for choosing a bank in a quiz's draw rules. */
export async function listBankChoices() {
  return prisma.questionBank.findMany({ select: { slug: true, title: true }, orderBy: { title: "asc" } });
}

export async function getBank({ bankId }: { bankId: string }) {
  return prisma.questionBank.findUnique({
    select: { id: true, slug: true, title: true, body: true, revision: true, createdById: true, updatedAt: true },
    where: { id: bankId },
  });
}

/** The questions of these banks as they are now, by slug (unknown slugs are left out). */
export async function findBankQuestions(slugs: readonly string[]): Promise<BankQuestions> {
  if (slugs.length === 0) return new Map();
  const banks = await prisma.questionBank.findMany({ select: { slug: true, body: true }, where: { slug: { in: [...slugs] } }, orderBy: { slug: "asc" } });
  return new Map(banks.map((bank) => [bank.slug, parseGift(bank.body).questions]));
}

export class BankRuleError extends Error {
  constructor(readonly key: "studio.banks.slugTaken") {
    super(key);
  }
}

export async function createBank({ slug, title, createdById }: { slug: string; title: string; createdById: string | null }) {
  try {
    return await prisma.questionBank.create({ select: { id: true }, data: { slug, title, createdById } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new BankRuleError("studio.banks.slugTaken");
    throw error;
  }
}

/**
 * "saved", or "conflict" when someone saved since `revision`, or "missing"
 * (also when `creatorId` is given and is not the bank's creator: only they
 * and administrators, who pass null, edit a bank).
 */
export async function saveBank({ bankId, creatorId, revision, title, body }: { bankId: string; creatorId: string | null; revision: number; title: string; body: string }) {
  const owned = { id: bankId, ...(creatorId ? { createdById: creatorId } : {}) };
  const updated = await prisma.questionBank.updateMany({ where: { ...owned, revision }, data: { title, body, sourceHash: null, revision: { increment: 1 } } });
  if (updated.count === 1) return "saved" as const;
  return (await prisma.questionBank.count({ where: owned })) ? ("conflict" as const) : ("missing" as const);
}

/**
 * A bank from content/banks: created, or replaced when its file changed
 * (`sourceHash`), or left alone. Studio edits made since the last import
 * are not overwritten unless `force`.
 */
export async function importBank({ slug, title, body, sourceHash, force }: { slug: string; title: string; body: string; sourceHash: string; force: boolean }) {
  const existing = await prisma.questionBank.findUnique({ select: { id: true, sourceHash: true, body: true }, where: { slug } });
  if (!existing) {
    await prisma.questionBank.create({ data: { slug, title, body, sourceHash } });
    return "created" as const;
  }
  if (existing.sourceHash === sourceHash) return "unchanged" as const;
  if (existing.sourceHash === null && existing.body !== "" && !force) return "kept" as const;
  await prisma.questionBank.update({ where: { id: existing.id }, data: { title, body, sourceHash, revision: { increment: 1 } } });
  return "updated" as const;
}

export async function findBankBySlug({ slug }: { slug: string }) {
  return prisma.questionBank.findUnique({ select: { slug: true, title: true, body: true }, where: { slug } });
}
