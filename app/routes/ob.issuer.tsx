import { issuerProfile } from "~/services/open-badge.server";
import { publicBaseUrl } from "~/utils/env.server";

// The issuer of every Học Số certificate, as an Open Badges 3.0 Profile:
// public, stable, the `issuer.id` inside each credential.
export function loader() {
  return Response.json(issuerProfile(publicBaseUrl()), {
    headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
