import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

// Certificate templates: how certificates look and who signs them. Versions
// only ever get added; a certificate names the version it was issued with.

const templateSelect = {
  id: true,
  version: true,
  heading: true,
  intro: true,
  completedText: true,
  issuerName: true,
  signerName: true,
  signerTitle: true,
  colour: true,
  logoId: true,
  signatureId: true,
  createdAt: true,
  createdBy: { select: { fullName: true } },
} satisfies Prisma.CertificateTemplateSelect;

export type CertificateTemplate = Prisma.CertificateTemplateGetPayload<{ select: typeof templateSelect }>;
export type TemplateFields = Pick<CertificateTemplate, "heading" | "intro" | "completedText" | "issuerName" | "signerName" | "signerTitle" | "colour" | "logoId" | "signatureId">;

/** The version new certificates get; null before any has been saved. */
export async function getCurrentTemplate(db: Prisma.TransactionClient = prisma) {
  return db.certificateTemplate.findFirst({ select: templateSelect, orderBy: { version: "desc" } });
}

export async function getTemplate({ id }: { id: string }) {
  return prisma.certificateTemplate.findUnique({ select: templateSelect, where: { id } });
}

export async function listTemplateVersions() {
  return prisma.certificateTemplate.findMany({ select: templateSelect, orderBy: { version: "desc" }, take: 50 });
}

/** Saves the next version; two saves at once both get a number of their own. */
export async function createTemplateVersion(fields: TemplateFields & { createdById: string | null }) {
  for (let tries = 0; ; tries++) {
    const last = await prisma.certificateTemplate.aggregate({ _max: { version: true } });
    try {
      return await prisma.certificateTemplate.create({ select: { id: true, version: true }, data: { ...fields, version: (last._max.version ?? 0) + 1 } });
    } catch (error) {
      if (tries < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}
