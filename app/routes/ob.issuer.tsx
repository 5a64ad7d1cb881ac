import { getCurrentTemplate } from "~/models/certificate-template.server";
import { issuerProfile } from "~/services/open-badge.server";
import { getEnv, publicBaseUrl } from "~/utils/env.server";

// The issuer of every Học Số certificate, as an Open Badges 3.0 Profile:
// public, stable, the `issuer.id` inside each credential; named as new
// certificates name it (the template's issuing body, else the setting).
export async function loader() {
  const template = await getCurrentTemplate();
  return Response.json(issuerProfile(publicBaseUrl(), template?.issuerName ?? getEnv().CERT_ISSUER_NAME), {
    headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
