import { z } from "zod";

// The people list's filters, from the query string. A value that is not
// one of the choices is dropped, not an error: links get mangled.
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

export const peopleFiltersSchema = z.object({
  q: z.string().max(200).catch("").default(""),
  unit: z.uuid().optional().catch(undefined),
  role: choice(["TRAINER", "MANAGER", "ADMIN"] as const),
  status: choice(["ACTIVE", "DISABLED"] as const),
  category: choice(["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const),
});

export type PeopleFilterValues = z.infer<typeof peopleFiltersSchema>;
