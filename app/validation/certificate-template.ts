import { z } from "zod";

// The certificate template form, shared by the page and its action.

const line = (max: number, error: "validation.template.text" | "validation.template.issuer") => z.string().trim().min(1, { error }).max(max, { error });
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.template.signer" })
    .transform((value) => value || null);

export const templateSchema = z.object({
  heading: line(120, "validation.template.text"),
  intro: line(120, "validation.template.text"),
  completedText: line(120, "validation.template.text"),
  issuerName: line(255, "validation.template.issuer"),
  signerName: optionalLine(200),
  signerTitle: optionalLine(200),
  colour: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, { error: "validation.template.colour" }),
  removeLogo: z.literal("on").optional(),
  removeSignature: z.literal("on").optional(),
});
