// Vietnamese: the source catalog, whole, as the server uses it. It is three
// parts: core.vi.ts (every page; the browser loads it for everyone),
// staff.vi.ts (the studio, administration and reports; the browser loads it
// only for staff) and server.vi.ts (mail and other texts only the server
// writes; never sent to the browser). Every key must exist in English too (the type system
// enforces it, and app/i18n/catalogs.test.ts checks placeholders). Write
// plain, polite administrative Vietnamese with full diacritics.
import { coreVi } from "./core.vi";
import { serverVi } from "./server.vi";
import { staffVi } from "./staff.vi";

export const vi = { ...coreVi, ...staffVi, ...serverVi } as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
