import { z } from "zod";

// The certificate template form, shared by the page and its action.

/** WCAG 2.1 contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

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
    .regex(/^#[0-9a-f]{6}$/, { error: "validation.template.colour" })
    // The heading and the course title are drawn in it on white: WCAG's 4.5:1.
    .refine((hex) => contrastWithWhite(hex) >= 4.5, { error: "validation.template.contrast" }),
  removeLogo: z.literal("on").optional(),
  removeSignature: z.literal("on").optional(),
});
