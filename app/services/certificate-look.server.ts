import { getTemplate, type TemplateFields } from "~/models/certificate-template.server";
import { readMediaBytes } from "~/models/media.server";
import { BUILT_IN_LOOK, type CertificateLook } from "./certificate-pdf.server";

// The look a certificate was issued with: its template version (wording,
// colour, logo, signature image), or the built-in look for those issued
// before any template. Template versions and images never change, so the
// same certificate is always the same PDF.

export async function lookOf(fields: Pick<TemplateFields, "heading" | "intro" | "completedText" | "colour" | "logoId" | "signatureId">): Promise<CertificateLook> {
  const [logo, signature] = await Promise.all([
    fields.logoId ? readMediaBytes({ id: fields.logoId }) : null,
    fields.signatureId ? readMediaBytes({ id: fields.signatureId }) : null,
  ]);
  return { heading: fields.heading, intro: fields.intro, completedText: fields.completedText, colour: fields.colour, logo, signature };
}

export async function lookForCertificate(certificate: { templateId: string | null }): Promise<CertificateLook> {
  const template = certificate.templateId ? await getTemplate({ id: certificate.templateId }) : null;
  return template ? lookOf(template) : BUILT_IN_LOOK;
}
