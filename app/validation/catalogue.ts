import { z } from "zod";
import { LEVELS } from "~/utils/course-content";

// The catalogue's search form (GET). Unknown values fall back to "any", so
// an old or hand-edited address still shows the catalogue.
export const catalogueFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  area: z.string().regex(/^[0-9A-Za-z.]{1,16}$/).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  length: z.enum(["short", "medium", "long"]).optional().catch(undefined),
});

export type CatalogueFiltersInput = z.infer<typeof catalogueFiltersSchema>;
