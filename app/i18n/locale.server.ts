import { defaultLocale, isLocale, type Locale } from "./i18n";

// The reader's language: an explicit choice (cookie) wins; otherwise
// Vietnamese, whatever the browser says — this is a Vietnamese public service
// and many office PCs run English-language browsers. A signed-in person's
// choice is also kept with them (app_user.locale): signing in on another
// device brings it back (login.tsx), and their e-mails are written in it.

export const LOCALE_COOKIE = "hocso_lang";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function getLocale(request: Request): Locale {
  return localeFromCookieHeader(request.headers.get("Cookie"));
}

export function localeFromCookieHeader(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return defaultLocale;
}

/** The cookie that makes this browser use `locale`. */
export function localeCookieFor(request: Request, locale: Locale): string {
  // Secure only over HTTPS (the proxy's X-Forwarded-Proto is trusted), so the
  // choice also sticks on a plain-HTTP intranet or a phone on the LAN.
  const secure = new URL(request.url).protocol === "https:";
  return [
    `${LOCALE_COOKIE}=${locale}`,
    "Path=/",
    `Max-Age=${ONE_YEAR_SECONDS}`,
    "SameSite=Lax",
    "HttpOnly",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
