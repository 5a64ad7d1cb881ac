import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { findCertificateWithCourse } from "~/models/certificate.server";
import { signOpenBadge } from "~/services/open-badge.server";
import { requireUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { can } from "~/utils/permissions";

// A certificate as an Open Badges 3.0 credential (a signed VC-JWT), for its
// holder (and administrators) to keep in a wallet or hand to anyone who
// asks: they check it against /ob/jwks.json. As for the PDF, anyone else
// learns nothing, and a revoked certificate is not handed out.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getTranslate(request);
  const certificate = await findCertificateWithCourse({ code: params.code ?? "" });
  if (!certificate || (certificate.userId !== user.id && !can(user, "read:person:any"))) throw new Response(t("certificate.notFound"), { status: 404 });
  if (certificate.revokedAt) throw new Response(t("certificate.revoked"), { status: 410 });
  return new Response(await signOpenBadge(certificate, publicBaseUrl()), {
    headers: {
      "Content-Type": "application/vc+jwt; charset=utf-8",
      "Content-Disposition": `attachment; filename="chung-chi-${certificate.code}.jwt"`,
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
