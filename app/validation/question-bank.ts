import { z } from "zod";

// Forms for shared question banks, shared by the pages and their actions.

const title = z.string().trim().min(1, { error: "validation.bank.title" }).max(200, { error: "validation.bank.title" });

export const newBankSchema = z.object({
  title,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, { error: "validation.bank.slug" })
    .refine((value) => value === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value), { error: "validation.bank.slug" }),
});

export const bankSaveSchema = z.object({
  title,
  body: z.string().max(500_000, { error: "validation.bank.body" }),
  revision: z.coerce.number().int().min(1).max(2_147_483_647),
});
