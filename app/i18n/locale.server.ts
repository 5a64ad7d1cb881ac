import { defaultLocale, isLocale, type Locale } from "./i18n";

// The reader's language: an explicit choice (cookie) wins; otherwise
// Vietnamese, whatever the browser says — this is a Vietnamese public service
// and many office PCs run English-language browsers.

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

export function localeCookie(locale: Locale, secure: boolean): string {
  return [
    `${LOCALE_COOKIE}=${locale}`,
    "Path=/",
    `Max-Age=${ONE_YEAR_SECONDS}`,
    "SameSite=Lax",
    "HttpOnly",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
