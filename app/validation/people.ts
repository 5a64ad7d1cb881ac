import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.invalid" })
    .transform((value) => value || null);

export const personSchema = z.object({
  intent: z.literal("update"),
  fullName: z.string().trim().min(1, { error: "validation.person.fullName" }).max(200, { error: "validation.person.fullName" }),
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "validation.email.invalid" })),
  employeeCode: optionalText(50),
  jobTitle: optionalText(200),
  staffCategory: z.enum(["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"], { error: "validation.person.category" }),
  unitId: z.uuid({ error: "validation.person.unit" }),
});

/** Extra time on timed quizzes: a few fixed steps, as accommodations are usually granted. */
export const extraTimeSchema = z.object({
  intent: z.literal("extra-time"),
  percent: z.coerce.number({ error: "validation.person.extraTime" }).int().refine((value) => [0, 25, 50, 100].includes(value), "validation.person.extraTime"),
});

export const statusSchema = z.object({ intent: z.literal("status"), status: z.enum(["ACTIVE", "DISABLED"]) });

export const grantSchema = z
  .object({
    intent: z.literal("grant"),
    role: z.enum(["TRAINER", "MANAGER", "ADMIN"], { error: "validation.person.role" }),
    scopeUnitId: z
      .string()
      .transform((value) => value || null)
      .pipe(z.uuid().nullable()),
  })
  .refine((grant) => (grant.role === "MANAGER") === (grant.scopeUnitId !== null), {
    path: ["scopeUnitId"],
    error: "validation.person.scope",
  });

export const revokeSchema = z.object({ intent: z.literal("revoke"), grantId: z.uuid() });
export const sendResetSchema = z.object({ intent: z.literal("send-reset") });
