import { en } from "./en";
import { createTranslate, type Translate } from "./i18n";
import { getLocale, localeFromCookieHeader } from "./locale.server";
import { vi } from "./vi";

/** A translator for the request's language, for loaders (titles, messages). */
export function getTranslate(request: Request): Translate {
  const locale = getLocale(request);
  return createTranslate(locale, locale === "en" ? en : vi);
}

/** The same, for code outside Remix that only has the Cookie header. */
export function getTranslateForCookies(cookieHeader: string | null | undefined): Translate {
  const locale = localeFromCookieHeader(cookieHeader);
  return createTranslate(locale, locale === "en" ? en : vi);
}
