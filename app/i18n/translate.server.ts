import { en } from "./en";
import { createTranslate, type Locale, type Translate } from "./i18n";
import { getLocale, localeFromCookieHeader } from "./locale.server";
import { vi } from "./vi";

// One translator per language for the whole process, for loaders, e-mails
// and jobs.
const translators = new Map<Locale, Translate>();

/** The translator for one language (e-mails to a person, in theirs). */
export function translatorFor(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = createTranslate(locale, locale === "en" ? en : vi);
    translators.set(locale, translate);
  }
  return translate;
}

/** A translator for the request's language, for loaders (titles, messages). */
export function getTranslate(request: Request): Translate {
  return translatorFor(getLocale(request));
}

/** The same, for code outside Remix that only has the Cookie header. */
export function getTranslateForCookies(cookieHeader: string | null | undefined): Translate {
  return translatorFor(localeFromCookieHeader(cookieHeader));
}
