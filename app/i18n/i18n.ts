import type { MessageKey, Messages } from "./vi";

// A typed dictionary of our own rather than an i18n library: see
// docs/decisions/005-i18n.md. Client-safe: no server imports here.

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";

/** BCP 47 tags for Intl formatting. */
export const intlLocale: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Fills {name} placeholders; numbers are formatted for the locale. */
// One number format per language, made once: building one costs more than
// most pages spend translating, and the server makes a translator per page.
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

export function createTranslate(locale: Locale, messages: Messages): Translate {
  const numberFormat = (numberFormats[locale] ??= new Intl.NumberFormat(intlLocale[locale]));
  return (key, params) => {
    // A key the browser has not loaded (a staff message on a learner's phone) shows as itself, never a crash.
    const template = messages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numberFormat.format(value) : value;
    });
  };
}

/**
 * Loads one locale's catalog for the browser: the messages every page may
 * show, and for staff (`staff`: trainers, managers, administrators) those
 * of the studio, administration and reports too. A learner's phone never
 * downloads the second part; no page a learner can open uses it.
 */
export async function loadMessages(locale: Locale, { staff = false }: { staff?: boolean } = {}): Promise<Messages> {
  const [core, extra] = await Promise.all([
    locale === "en" ? import("./core.en").then((module) => module.coreEn) : import("./core.vi").then((module) => module.coreVi),
    staff ? (locale === "en" ? import("./staff.en").then((module) => module.staffEn) : import("./staff.vi").then((module) => module.staffVi)) : {},
  ]);
  // Without the staff part some keys are absent: createTranslate shows a key it does not know as itself.
  return { ...core, ...extra } as Messages;
}

export type { MessageKey, Messages };
