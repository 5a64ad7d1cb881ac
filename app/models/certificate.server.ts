import { getRandomValues } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { getCurrentTemplate } from "./certificate-template.server";
import { getEnv } from "~/utils/env.server";
import { addMonths, dayOf } from "~/utils/format";

// Certificates (docs/decisions/018-certificates.md). Issued inside the
// transaction that completes a course; everything printed on one is copied
// into its row at that moment.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 10 characters of Crockford base32 (50 random bits): easy to read aloud, hard to guess. */
export function newCertificateCode(): string {
  // 256 is a multiple of 32, so "byte % 32" has no bias.
  return Array.from(getRandomValues(new Uint8Array(10)), (byte) => CROCKFORD[byte % 32]).join("");
}

/** A code as typed by a person: case, spaces, hyphens and look-alikes forgiven. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/[OIL]/g, (char) => ({ O: "0", I: "1", L: "1" })[char] ?? char);
}

/** Issues the certificate of a completed enrolment (once: unique per enrolment). */
/** Who issues and signs a certificate made now, and in which look: the administrators' template if they have saved one, else the settings. */
async function issuedWith(tx: Prisma.TransactionClient) {
  const template = await getCurrentTemplate(tx);
  const env = getEnv();
  return {
    issuerName: template?.issuerName ?? env.CERT_ISSUER_NAME,
    signerName: template ? template.signerName : (env.CERT_SIGNER_NAME ?? null),
    signerTitle: template ? template.signerTitle : (env.CERT_SIGNER_TITLE ?? null),
    templateId: template?.id ?? null,
  };
}

export async function issueCertificate(tx: Prisma.TransactionClient, { enrolmentId, completedAt }: { enrolmentId: string; completedAt: Date }) {
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    select: {
      userId: true,
      courseId: true,
      certificate: { select: { id: true } },
      version: { select: { title: true, estimatedMinutes: true } },
      user: { select: { fullName: true, memberships: { select: { unit: { select: { name: true } } }, where: { validTo: null } } } },
    },
    where: { id: enrolmentId },
  });
  if (enrolment.certificate) return enrolment.certificate.id;
  // Under a recurring training rule, the certificate lasts as long as the completion counts.
  const rule = await tx.assignment.findFirst({
    select: { recurrenceMonths: true },
    where: { courseId: enrolment.courseId, removedAt: null, recurrenceMonths: { not: null }, people: { some: { userId: enrolment.userId, endedOn: null } } },
    orderBy: { recurrenceMonths: "asc" },
  });
  const completedOn = dayOf(completedAt);
  const created = await tx.certificate.create({
    select: { id: true },
    data: {
      code: newCertificateCode(),
      enrolmentId,
      userId: enrolment.userId,
      holderName: enrolment.user.fullName,
      unitName: enrolment.user.memberships[0]?.unit.name ?? null,
      courseTitle: enrolment.version.title,
      minutes: enrolment.version.estimatedMinutes,
      completedOn,
      ...(await issuedWith(tx)),
      issuedAt: completedAt,
      expiresOn: rule?.recurrenceMonths ? addMonths(completedOn, rule.recurrenceMonths) : null,
    },
  });
  return created.id;
}

const certificateSelect = {
  id: true,
  code: true,
  enrolmentId: true,
  userId: true,
  holderName: true,
  unitName: true,
  courseTitle: true,
  minutes: true,
  completedOn: true,
  issuerName: true,
  signerName: true,
  signerTitle: true,
  issuedAt: true,
  expiresOn: true,
  revokedAt: true,
  revokeReason: true,
  templateId: true,
} satisfies Prisma.CertificateSelect;

export type CertificateRecord = Prisma.CertificateGetPayload<{ select: typeof certificateSelect }>;

export async function findCertificateByCode({ code }: { code: string }) {
  return prisma.certificate.findUnique({ select: certificateSelect, where: { code: normaliseCode(code) } });
}

/** A certificate with its course's address, for its Open Badges credential. */
export async function findCertificateWithCourse({ code }: { code: string }) {
  const row = await prisma.certificate.findUnique({
    select: { ...certificateSelect, enrolment: { select: { course: { select: { slug: true } } } } },
    where: { code: normaliseCode(code) },
  });
  if (!row) return null;
  const { enrolment, ...certificate } = row;
  return { ...certificate, courseSlug: enrolment.course.slug };
}

export async function listCertificates({ userId }: { userId: string }) {
  return prisma.certificate.findMany({ select: certificateSelect, where: { userId }, orderBy: { issuedAt: "desc" } });
}

export type CertificateState = "valid" | "revoked" | "expired";

export function stateOf(certificate: Pick<CertificateRecord, "revokedAt" | "expiresOn">, today = new Date()): CertificateState {
  if (certificate.revokedAt) return "revoked";
  if (certificate.expiresOn && certificate.expiresOn.getTime() < today.getTime()) return "expired";
  return "valid";
}

/** Revokes a certificate (history kept: the row stays, marked with when and why). */
export async function revokeCertificate({ code, reason }: { code: string; reason: string }) {
  const updated = await prisma.certificate.updateMany({
    where: { code: normaliseCode(code), revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
  return updated.count === 1;
}

/**
 * A correction (a misspelt name, the unit at the time): the certificate is
 * re-issued under a new code with what it should say, and what it said
 * before is kept as a revision; the old code still verifies, as replaced.
 * A revoked certificate is not re-issued (null); an expired one may be
 * corrected, and stays expired. Returns the new code.
 */
export async function reissueCertificate({ code, holderName, unitName, reason, actorId }: { code: string; holderName: string; unitName: string | null; reason: string; actorId: string }) {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM certificate WHERE code = ${normaliseCode(code)} AND revoked_at IS NULL FOR UPDATE`;
    if (!locked) return null;
    const old = await tx.certificate.findUniqueOrThrow({ select: certificateSelect, where: { id: locked.id } });
    await tx.certificateRevision.create({
      data: {
        certificateId: old.id,
        code: old.code,
        holderName: old.holderName,
        unitName: old.unitName,
        courseTitle: old.courseTitle,
        issuerName: old.issuerName,
        signerName: old.signerName,
        signerTitle: old.signerTitle,
        issuedAt: old.issuedAt,
        templateId: old.templateId,
        reason,
        replacedById: actorId,
      },
    });
    // Codes are unique across certificates and earlier codes alike.
    let newCode = newCertificateCode();
    while (await tx.certificateRevision.count({ where: { code: newCode } })) newCode = newCertificateCode();
    const reissued = await tx.certificate.update({
      select: { code: true },
      where: { id: old.id },
      data: {
        code: newCode,
        holderName,
        unitName,
        issuedAt: new Date(),
        // The re-issued paper carries today's template and signer, like any new one.
        ...(await issuedWith(tx)),
      },
    });
    return reissued.code;
  });
}

/** An earlier code of a re-issued certificate: what it said, and when it was replaced. */
export async function findRevisionByCode({ code }: { code: string }) {
  return prisma.certificateRevision.findUnique({
    select: {
      code: true,
      holderName: true,
      courseTitle: true,
      issuerName: true,
      replacedAt: true,
      certificate: { select: { code: true, completedOn: true, revokedAt: true, userId: true } },
    },
    where: { code: normaliseCode(code) },
  });
}

/** A certificate's earlier versions, newest first (administrators). */
export async function listRevisions({ certificateId }: { certificateId: string }) {
  return prisma.certificateRevision.findMany({
    select: { code: true, holderName: true, unitName: true, replacedAt: true, reason: true, replacedBy: { select: { fullName: true } } },
    where: { certificateId },
    orderBy: { replacedAt: "desc" },
  });
}
