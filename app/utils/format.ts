import { intlLocale, type Locale } from "~/i18n/i18n";

// Dates as the province reads them: Vietnam's time zone, whatever the
// server's. Formatted on the server so the browser renders the same text.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Building an Intl formatter costs far more than using one: keep one per
// language and style (this module runs in the browser too, where it is the same).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

// Short dates with the full year, as official papers write them (26/11/2026):
// the "short" style would give vi-VN a two-digit year.
const numericDay = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
const dateStyles = {
  dateTime: { ...numericDay, hour: "2-digit", minute: "2-digit" },
  time: { timeStyle: "short" },
  date: { dateStyle: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function formatter(locale: Locale, style: keyof typeof dateStyles): Intl.DateTimeFormat {
  return cached(`${locale}:${style}`, () => new Intl.DateTimeFormat(intlLocale[locale], { ...dateStyles[style], timeZone: TIME_ZONE }));
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

/** A calendar day held as UTC midnight (a DATE column), short: "26/11/2026". */
export function formatShortDay(locale: Locale, day: Date): string {
  return cached(`${locale}:shortDay`, () => new Intl.DateTimeFormat(intlLocale[locale], { ...numericDay, timeZone: "UTC" })).format(day);
}

/** A moment as day, month and time in Vietnam ("10:35 26/11"): when a lock ends. */
export function formatDayAndTime(locale: Locale, date: Date): string {
  return cached(`${locale}:dayTime`, () =>
    new Intl.DateTimeFormat(intlLocale[locale], { hour: "2-digit", minute: "2-digit", day: "numeric", month: "numeric", timeZone: TIME_ZONE }),
  ).format(date);
}

// Numbers, as each language writes them: Vietnamese groups thousands with a
// dot and marks decimals with a comma ("12.345", "12,5%"), English the other
// way round. Every number a page shows goes through one of these.
/** A count or amount: "12.345" (vi), "12,345" (en); at most `fractionDigits` decimals. */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return cached(`${locale}:n${fractionDigits}`, () => new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: fractionDigits })).format(value);
}

/** A share given in percent (0–100): "12,5%" (vi), "12.5%" (en); one decimal at most. */
export function formatPercent(locale: Locale, percent: number): string {
  return cached(`${locale}:%`, () => new Intl.NumberFormat(intlLocale[locale], { style: "percent", maximumFractionDigits: 1 })).format(percent / 100);
}

/** A file's size in megabytes: "1,5 MB" (vi). */
export function formatMegabytes(locale: Locale, bytes: number): string {
  return cached(`${locale}:MB`, () =>
    new Intl.NumberFormat(intlLocale[locale], { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }),
  ).format(bytes / 1_000_000);
}

/** A number with every decimal it has and no grouping (a quiz's exact answer, 3,14159). */
export function formatExactNumber(locale: Locale, value: number): string {
  return cached(`${locale}:exact`, () => new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 20, useGrouping: false })).format(value);
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
