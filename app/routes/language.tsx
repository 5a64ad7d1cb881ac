import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookieFor } from "~/i18n/locale.server";
import { locales } from "~/i18n/i18n";
import { getTranslate } from "~/i18n/translate.server";
import { setUserLocale } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { safeRedirectPath } from "~/utils/redirect";

// Changing language is open to everyone (anonymous included): a cookie for
// this browser and, for a signed-in person, their own setting, which follows
// them to other devices and their e-mails. It posts so that it works without
// JavaScript.

const languageSchema = z.object({
  locale: z.enum(locales),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, languageSchema);
  if (!parsed.ok) {
    throw new Response(getTranslate(request)("language.invalid"), { status: 400 });
  }
  const user = await getUser(request);
  if (user) await setUserLocale({ userId: user.id, locale: parsed.data.locale });
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": localeCookieFor(request, parsed.data.locale) },
  });
}

export function loader() {
  return redirect("/");
}
