import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "~/i18n/locale.server";
import { locales } from "~/i18n/i18n";
import { getTranslate } from "~/i18n/translate.server";
import { parseForm } from "~/utils/forms.server";
import { safeRedirectPath } from "~/utils/redirect";

// Changing language is open to everyone (anonymous included) and changes no
// data, only a cookie; it posts so that it works without JavaScript.

const languageSchema = z.object({
  locale: z.enum(locales),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, languageSchema);
  if (!parsed.ok) {
    throw new Response(getTranslate(request)("language.invalid"), { status: 400 });
  }
  // Secure only over HTTPS (the proxy's X-Forwarded-Proto is trusted), so the
  // choice also sticks on a plain-HTTP intranet or a phone on the LAN.
  const secure = new URL(request.url).protocol === "https:";
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": localeCookie(parsed.data.locale, secure) },
  });
}

export function loader() {
  return redirect("/");
}
