import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { findCertificateByCode } from "~/models/certificate.server";
import { lookForCertificate } from "~/services/certificate-look.server";
import { renderCertificatePdf } from "~/services/certificate-pdf.server";
import { requireUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { can } from "~/utils/permissions";

// A certificate's PDF, for its holder (and administrators). Anyone else
// learns nothing, not even that the code exists; the public page is /verify.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await findCertificateByCode({ code: params.code ?? "" });
  if (!certificate || (certificate.userId !== user.id && !can(user, "read:person:any"))) {
    throw new Response(getTranslate(request)("certificate.notFound"), { status: 404 });
  }
  // A revoked certificate is not handed out again as if it were valid.
  if (certificate.revokedAt) throw new Response(getTranslate(request)("certificate.revoked"), { status: 410 });
  const pdf = await renderCertificatePdf(certificate, `${publicBaseUrl()}/verify/${certificate.code}`, await lookForCertificate(certificate));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="chung-chi-${certificate.code}.pdf"`,
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
