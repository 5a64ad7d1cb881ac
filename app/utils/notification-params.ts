import { z } from "zod";
import type { Locale } from "~/i18n/i18n";

// A notification's parameters are stored once, for both languages. Most are
// the same in either (a name, a count); a text already written in one
// language (a monthly summary's unit lines) comes twice: `units` in
// Vietnamese and `units@en` in English. The reader's language picks.

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()])).catch({});

export function notificationParams(stored: unknown, locale: Locale): Record<string, string | number> {
  const params = paramsSchema.parse(stored);
  const result: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.includes("@")) continue;
    result[name] = params[`${name}@${locale}`] ?? value;
  }
  return result;
}
