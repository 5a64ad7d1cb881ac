import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { publicKeyByThumbprint } from "~/services/open-badge.server";

// One public key at the address a credential's header names (its `kid`,
// OB 3.0 §8.2: a URI that dereferences to the JWK). Public and cacheable.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await publicKeyByThumbprint((params.thumbprint ?? "").slice(0, 64));
  if (!key) throw new Response(getTranslate(request)("error.notFound.title"), { status: 404 });
  return Response.json(key, { headers: { "Content-Type": "application/jwk+json", "Cache-Control": "public, max-age=86400", "Access-Control-Allow-Origin": "*" } });
}
