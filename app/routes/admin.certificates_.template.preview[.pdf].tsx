import type { ActionFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { renderCertificatePdf } from "~/services/certificate-pdf.server";
import { previewLook, readTemplateForm } from "~/services/certificate-template-form.server";
import { requirePermission } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";

// "Xem trước" on the certificate template page: the form as it stands, not
// saved (uploaded images included, not stored), drawn on a sample
// certificate and sent back as a PDF (new tab).
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const form = await readTemplateForm(request);
  if (!form.ok) {
    const messages = Object.values(form.errors).flatMap((key) => (key ? [t(key)] : []));
    return new Response(messages.join("\n"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const template = form.fields;
  const today = new Date();
  const sample = {
    id: "00000000-0000-0000-0000-000000000000",
    code: "0000000000",
    enrolmentId: "",
    userId: "",
    holderName: t("template.sample.holder"),
    unitName: t("template.sample.unit"),
    courseTitle: t("template.sample.course"),
    minutes: 90,
    completedOn: today,
    issuedAt: today,
    expiresOn: null,
    revokedAt: null,
    revokeReason: null,
    templateId: null,
    issuerName: template.issuerName,
    signerName: template.signerName,
    signerTitle: template.signerTitle,
  };
  const pdf = await renderCertificatePdf(sample, `${publicBaseUrl()}/verify/${sample.code}`, await previewLook(form));
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="mau-chung-chi.pdf"', "Cache-Control": "no-store" },
  });
}
