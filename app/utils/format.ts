import { intlLocale, type Locale } from "~/i18n/i18n";

// Dates as the province reads them: Vietnam's time zone, whatever the
// server's. Formatted on the server so the browser renders the same text.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Building an Intl formatter costs far more than using one: keep one per
// language and style (this module runs in the browser too, where it is the same).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "dateTime" | "time" | "date"): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === "dateTime" ? { dateStyle: "short", timeStyle: "short" } : style === "time" ? { timeStyle: "short" } : { dateStyle: "long" };
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: TIME_ZONE });
    formatters.set(key, format);
  }
  return format;
}

export function formatDateTime(locale: Locale, date: Date): string {
  return formatter(locale, "dateTime").format(date);
}

/** A time of day in Vietnam ("10:35"). */
export function formatTime(locale: Locale, date: Date): string {
  return formatter(locale, "time").format(date);
}

export function formatDate(locale: Locale, date: Date): string {
  return formatter(locale, "date").format(date);
}

/**
 * The calendar day in Vietnam (UTC+7 all year, no daylight saving) at that
 * moment, as DATE columns hold it (UTC midnight): at 01:00 in Hà Nội it is
 * already tomorrow's date, whatever the server's clock says.
 */
export function dayOf(date: Date): Date {
  const local = new Date(date.getTime() + 7 * 60 * 60 * 1000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** The same moment `months` calendar months later (UTC fields). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
