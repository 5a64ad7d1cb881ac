// Vietnamese: the source catalog, whole, as the server uses it. It is two
// parts: core.vi.ts (every page; the browser loads it for everyone) and
// staff.vi.ts (the studio, administration and reports; the browser loads it
// only for staff). Every key must exist in English too (the type system
// enforces it, and app/i18n/catalogs.test.ts checks placeholders). Write
// plain, polite administrative Vietnamese with full diacritics.
import { coreVi } from "./core.vi";
import { staffVi } from "./staff.vi";

export const vi = { ...coreVi, ...staffVi } as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
