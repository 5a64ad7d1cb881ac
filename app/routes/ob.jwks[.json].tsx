import { issuerJwks } from "~/services/open-badge.server";
import { publicBaseUrl } from "~/utils/env.server";

// The issuer's public key set: verifiers check a credential's signature
// with the key whose `kid` its header names. Public, and cacheable.
export async function loader() {
  return Response.json(await issuerJwks(publicBaseUrl()), {
    headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
