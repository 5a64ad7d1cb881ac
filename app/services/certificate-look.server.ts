import { getTemplate, type TemplateFields } from "~/models/certificate-template.server";
import { readMediaBytes } from "~/models/media.server";
import { BUILT_IN_LOOK, type CertificateLook } from "./certificate-pdf.server";

// The look a certificate was issued with: its template version (wording,
// colour, logo, signature image), or the built-in look for those issued
// before any template. Template versions and images never change, so the
// same certificate is always the same PDF.

export async function lookOf(fields: Pick<TemplateFields, "heading" | "intro" | "completedText" | "colour" | "logoId" | "signatureId">): Promise<CertificateLook> {
  // An image the template names but storage has lost: refuse rather than
  // hand out a certificate that differs from the one issued.
  const image = async (id: string | null) => {
    if (!id) return null;
    const found = await readMediaBytes({ id });
    if (!found) throw new Error(`certificate template image ${id} is missing from media storage`);
    return found;
  };
  const [logo, signature] = await Promise.all([image(fields.logoId), image(fields.signatureId)]);
  return { heading: fields.heading, intro: fields.intro, completedText: fields.completedText, colour: fields.colour, logo, signature };
}

export async function lookForCertificate(certificate: { templateId: string | null }): Promise<CertificateLook> {
  const template = certificate.templateId ? await getTemplate({ id: certificate.templateId }) : null;
  return template ? lookOf(template) : BUILT_IN_LOOK;
}
