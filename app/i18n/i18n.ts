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
export function createTranslate(locale: Locale, messages: Messages): Translate {
  const numberFormat = new Intl.NumberFormat(intlLocale[locale]);
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numberFormat.format(value) : value;
    });
  };
}

/** Loads one locale's catalog; the client fetches only the one it needs. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "en") return (await import("./en")).en;
  return (await import("./vi")).vi;
}

export type { MessageKey, Messages };
