import { z } from "zod";

export const unitKinds = ["PROVINCE", "DEPARTMENT", "OFFICE", "PUBLIC_SERVICE_UNIT", "COMMUNE", "WARD", "SPECIAL_ZONE"] as const;

const parentId = z
  .string()
  .transform((value) => value || null)
  .pipe(z.uuid().nullable());

export const unitFieldsSchema = z.object({
  name: z.string().trim().min(1, { error: "validation.unit.name" }).max(255, { error: "validation.unit.name" }),
  kind: z.enum(unitKinds, { error: "validation.unit.kind" }),
  parentId,
});

export const newUnitSchema = unitFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { error: "validation.unit.code" }),
});

export const mergeUnitSchema = z.object({
  intent: z.literal("merge"),
  survivorId: z.uuid({ error: "validation.unit.survivor" }),
});
