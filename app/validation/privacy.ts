import { z } from "zod";

// The privacy notice's two buttons, and the administrator's confirmation
// before anonymising a person (docs/decisions/026-personal-data.md).

export const privacyDecisionSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  /** The notice version the page showed: accepting a page older than the current notice is not accepting it. */
  version: z.coerce.number().int().min(1),
  redirectTo: z.string().max(2000).optional(),
});

export const anonymiseSchema = z.object({
  confirm: z.literal("yes", { error: "anonymise.confirmMissing" }),
});
