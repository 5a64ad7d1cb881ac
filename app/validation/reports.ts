import { z } from "zod";

// Asking for a detailed report file: the format, and the report's filters
// as its address had them (re-read with the report's own parser).
export const reportExportRequestSchema = z.object({
  format: z.enum(["xlsx", "csv"], { message: "validation.invalid" }),
  query: z.string().max(2000, { message: "validation.invalid" }).default(""),
});
