import { z } from "zod";
import { LEVELS, SLUG_PATTERN } from "~/utils/course-content";

// Forms of the authoring studio, shared by the pages and their actions.

const title = z.string().trim().min(1, { error: "validation.course.title" }).max(200, { error: "validation.course.title" });
const minutes = (max: number, error: "validation.course.minutes" | "validation.item.minutes") =>
  z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error });

export const courseSettingsSchema = z.object({
  title,
  summary: z.string().trim().min(1, { error: "validation.course.summary" }).max(300, { error: "validation.course.summary" }),
  description: z.string().max(50_000, { error: "validation.course.description" }).default(""),
  level: z.enum(LEVELS, { error: "validation.course.level" }),
  estimatedMinutes: minutes(10_000, "validation.course.minutes"),
  sequential: z.literal("on").optional(),
  competences: z.array(z.string().max(16)).max(30).default([]),
  prerequisites: z.array(z.string().max(80)).max(20).default([]),
});

export const newCourseSchema = courseSettingsSchema.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, { error: "validation.course.slug" })
    .refine((value) => value === "" || SLUG_PATTERN.test(value), { error: "validation.course.slug" }),
});

export const settingsFormSchema = courseSettingsSchema.extend({
  intent: z.literal("saveSettings"),
  revision: z.coerce.number().int().min(1).max(2_147_483_647),
  trainers: z.array(z.uuid()).max(50).default([]),
});

const moduleTitle = z.string().trim().min(1, { error: "validation.module.title" }).max(200, { error: "validation.module.title" });
const itemTitle = z.string().trim().min(1, { error: "validation.item.title" }).max(200, { error: "validation.item.title" });
const direction = z.enum(["up", "down"]);

export const outlineActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("addModule"), title: moduleTitle }),
  z.object({ intent: z.literal("renameModule"), moduleId: z.uuid(), title: moduleTitle }),
  z.object({ intent: z.literal("deleteModule"), moduleId: z.uuid() }),
  z.object({ intent: z.literal("moveModule"), moduleId: z.uuid(), direction }),
  z.object({ intent: z.literal("addItem"), moduleId: z.uuid(), kind: z.enum(["LESSON", "QUIZ"]), title: itemTitle }),
  // Without confirm=yes, deleting only asks "are you sure?".
  z.object({ intent: z.literal("deleteItem"), itemId: z.uuid(), confirm: z.literal("yes").optional() }),
  z.object({ intent: z.literal("moveItem"), itemId: z.uuid(), direction }),
  z.object({ intent: z.literal("removeCover") }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("unarchive") }),
]);

const passPercent = z.coerce
  .number({ error: "validation.item.passPercent" })
  .int({ error: "validation.item.passPercent" })
  .min(1, { error: "validation.item.passPercent" })
  .max(100, { error: "validation.item.passPercent" });

/** A lesson or quiz save, from the form or from autosave. */
export const itemSaveSchema = z.object({
  title: itemTitle,
  minutes: minutes(600, "validation.item.minutes"),
  body: z.string().max(200_000, { error: "validation.item.body" }),
  revision: z.coerce.number().int().min(1).max(2_147_483_647),
  passPercent: z.union([z.literal("").transform(() => null), passPercent]).optional().transform((value) => value ?? null),
});

export const previewSchema = z.object({
  kind: z.enum(["LESSON", "QUIZ"]),
  body: z.string().max(200_000, { error: "validation.item.body" }),
});

export const publishSchema = z.object({
  changeNote: z.string().trim().min(3, { error: "validation.publish.note" }).max(1000, { error: "validation.publish.note" }),
});
