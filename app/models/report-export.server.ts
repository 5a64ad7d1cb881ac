import { prisma } from "~/utils/db.server";

// Large report exports made by the job queue (ADR 022): who asked, for
// what, and how far it got. The file itself lives in EXPORT_DIR under the
// export's id; only its requester may download it, until it expires.

export type ExportFormat = "csv" | "xlsx";

export async function createReportExport(input: { requestedById: string; format: ExportFormat; query: string; scopeUnitIds: string[] | null; locale: string; expiresAt: Date }) {
  const row = await prisma.reportExport.create({
    select: { id: true },
    data: {
      requestedById: input.requestedById,
      format: input.format,
      query: input.query,
      scopeUnitIds: input.scopeUnitIds ?? [],
      wholeProvince: input.scopeUnitIds === null,
      locale: input.locale,
      expiresAt: input.expiresAt,
    },
  });
  return row.id;
}

/** How long a claimed export may run before a retry may take it over (its worker died). */
const CLAIM_LEASE_MS = 30 * 60 * 1000;

/**
 * Takes a pending export for writing; null when it is done, gone, or being
 * written by a worker that claimed it less than the lease ago (a retried
 * job must not write the same file twice at once).
 */
export async function claimReportExport({ id, now = new Date() }: { id: string; now?: Date }) {
  const claimed = await prisma.reportExport.updateMany({
    where: { id, OR: [{ status: "PENDING" }, { status: "RUNNING", claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } }] },
    data: { status: "RUNNING", claimedAt: now },
  });
  if (!claimed.count) return null;
  const row = await prisma.reportExport.findUniqueOrThrow({
    select: { id: true, format: true, query: true, scopeUnitIds: true, wholeProvince: true, locale: true },
    where: { id },
  });
  return { ...row, format: row.format as ExportFormat, scopeUnitIds: row.wholeProvince ? null : row.scopeUnitIds };
}

export async function finishReportExport({ id, rowCount, byteSize }: { id: string; rowCount: number; byteSize: number }) {
  await prisma.reportExport.update({ where: { id }, data: { status: "DONE", rowCount, byteSize, finishedAt: new Date() } });
}

export async function failReportExport({ id }: { id: string }) {
  await prisma.reportExport.update({ where: { id }, data: { status: "FAILED", finishedAt: new Date() } });
}

/** A person's exports not yet expired, newest first. */
export async function listMyReportExports({ userId, now = new Date() }: { userId: string; now?: Date }) {
  return prisma.reportExport.findMany({
    select: { id: true, format: true, query: true, status: true, rowCount: true, byteSize: true, createdAt: true, finishedAt: true, expiresAt: true },
    where: { requestedById: userId, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

/** One finished export, for its requester only, before it expires. */
export async function getMyFinishedExport({ id, userId, now = new Date() }: { id: string; userId: string; now?: Date }) {
  return prisma.reportExport.findFirst({
    select: { id: true, format: true, createdAt: true },
    where: { id, requestedById: userId, status: "DONE", expiresAt: { gt: now } },
  });
}

/** Forgets expired exports; their ids, so their files can go too. */
export async function removeExpiredReportExports({ now = new Date() }: { now?: Date } = {}) {
  const expired = await prisma.reportExport.findMany({ select: { id: true, format: true }, where: { expiresAt: { lte: now } } });
  if (expired.length) await prisma.reportExport.deleteMany({ where: { id: { in: expired.map((row) => row.id) } } });
  return expired;
}
