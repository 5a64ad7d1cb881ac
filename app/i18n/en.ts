// English: the second language, whole (see vi.ts for its two parts).
import { coreEn } from "./core.en";
import { serverEn } from "./server.en";
import { staffEn } from "./staff.en";
import type { Messages } from "./vi";

export const en: Messages = { ...coreEn, ...staffEn, ...serverEn };
