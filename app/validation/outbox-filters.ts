import { z } from "zod";

// The Outbox's filter, from the query string: part of a recipient's address.
// Lenient like the people list's filters: a mangled link shows everything.
export const outboxFiltersSchema = z.object({
  to: z.string().trim().max(254).catch("").default(""),
});
