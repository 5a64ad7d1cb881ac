import { intlLocale, type Locale } from "~/i18n/i18n";

// Dates as the province reads them: Vietnam's time zone, whatever the
// server's. Formatted on the server so the browser renders the same text.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}
