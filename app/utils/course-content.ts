import { z } from "zod";

// A course's whole content as one value: what a published version freezes
// (course_version.content), what content/ files describe and what the
// version history compares. Plain data, safe on both sides.

import { ITEM_KINDS, KEY_PATTERN, LEVELS, SLUG_PATTERN } from "./course-constants";
import { quizSettingsSchema } from "./quiz-settings";

export { ITEM_KINDS, KEY_PATTERN, LEVELS, SLUG_PATTERN };
export type { Level } from "./course-constants";

const itemSchema = z.object({
  key: z.string().regex(KEY_PATTERN).max(80),
  kind: z.enum(ITEM_KINDS),
  title: z.string().min(1).max(200),
  minutes: z.number().int().min(1).max(600),
  /** Markdown for a lesson, GIFT for a quiz. */
  body: z.string(),
  passPercent: z.number().int().min(1).max(100).nullable(),
  /** Quizzes whose settings differ from the defaults only: older content keeps its hash. */
  quiz: quizSettingsSchema.optional(),
});

export const courseContentSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN).max(80),
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(300),
  description: z.string(),
  level: z.enum(LEVELS),
  estimatedMinutes: z.number().int().min(1).max(10000),
  /** Present (true) only for courses taken in order: older content keeps its hash. */
  sequential: z.literal(true).optional(),
  coverImage: z.object({ id: z.string(), width: z.number(), height: z.number(), url: z.string() }).nullable(),
  competences: z.array(z.string()),
  /** Slugs of the courses to take first. */
  prerequisites: z.array(z.string()),
  modules: z.array(
    z.object({
      key: z.string().regex(KEY_PATTERN).max(80),
      title: z.string().min(1).max(200),
      items: z.array(itemSchema),
    }),
  ),
});

export type CourseContent = z.infer<typeof courseContentSchema>;
export type CourseContentItem = z.infer<typeof itemSchema>;

/** Items in course order, with the module each sits in. */
export function itemsInOrder(content: CourseContent) {
  return content.modules.flatMap((module) => module.items.map((item) => ({ ...item, moduleKey: module.key, moduleTitle: module.title })));
}

/** The same content always gives the same string (keys in a fixed order). */
export function canonicalJson(content: CourseContent): string {
  return JSON.stringify(courseContentSchema.parse(content));
}

// ---------------------------------------------------------------------------
// What changed between two versions, for the trainer's version history.

export type LineChange = { op: "same" | "added" | "removed"; text: string };

export type CourseChange =
  | { kind: "field"; field: "title" | "summary" | "description" | "level" | "estimatedMinutes" | "sequential" | "coverImage" | "competences" | "prerequisites"; before: string; after: string }
  | { kind: "moduleAdded" | "moduleRemoved"; title: string }
  | { kind: "moduleRenamed"; before: string; after: string }
  | { kind: "itemAdded" | "itemRemoved"; itemKind: CourseContentItem["kind"]; title: string }
  | { kind: "itemMoved"; title: string }
  | {
      kind: "itemChanged";
      itemKind: CourseContentItem["kind"];
      title: string;
      fields: ("title" | "minutes" | "passPercent" | "quiz")[];
      previousTitle: string;
      body: LineChange[] | null;
    };

const show = (value: unknown) =>
  Array.isArray(value) ? value.join(", ") : value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

export function diffCourseContent(before: CourseContent, after: CourseContent): CourseChange[] {
  const changes: CourseChange[] = [];
  const fields = ["title", "summary", "description", "level", "estimatedMinutes", "sequential", "coverImage", "competences", "prerequisites"] as const;
  for (const field of fields) {
    const [a, b] = [show(before[field]), show(after[field])];
    if (a !== b) changes.push({ kind: "field", field, before: a, after: b });
  }

  const oldModules = new Map(before.modules.map((module) => [module.key, module]));
  const newModules = new Map(after.modules.map((module) => [module.key, module]));
  for (const module of after.modules) {
    const old = oldModules.get(module.key);
    if (!old) changes.push({ kind: "moduleAdded", title: module.title });
    else if (old.title !== module.title) changes.push({ kind: "moduleRenamed", before: old.title, after: module.title });
  }
  for (const module of before.modules) if (!newModules.has(module.key)) changes.push({ kind: "moduleRemoved", title: module.title });

  const oldItems = itemsInOrder(before);
  const newItems = itemsInOrder(after);
  const oldByKey = new Map(oldItems.map((item, index) => [item.key, { item, index }]));
  const newKeys = new Set(newItems.map((item) => item.key));
  // Order among the items both versions have: a move is a change of relative order.
  const keptOld = oldItems.filter((item) => newKeys.has(item.key)).map((item) => item.key);
  const keptNew = newItems.filter((item) => oldByKey.has(item.key)).map((item) => item.key);
  const stayed = new Set(longestCommonSubsequence(keptOld, keptNew));

  for (const item of newItems) {
    const old = oldByKey.get(item.key)?.item;
    if (!old) {
      changes.push({ kind: "itemAdded", itemKind: item.kind, title: item.title });
      continue;
    }
    if (!stayed.has(item.key) || old.moduleKey !== item.moduleKey) changes.push({ kind: "itemMoved", title: item.title });
    const changedFields = (["title", "minutes", "passPercent", "quiz"] as const).filter((field) => JSON.stringify(old[field]) !== JSON.stringify(item[field]));
    const bodyChanged = old.body !== item.body;
    if (changedFields.length || bodyChanged) {
      changes.push({
        kind: "itemChanged",
        itemKind: item.kind,
        title: item.title,
        previousTitle: old.title,
        fields: changedFields,
        body: bodyChanged ? diffLines(old.body, item.body) : null,
      });
    }
  }
  for (const item of oldItems) if (!newKeys.has(item.key)) changes.push({ kind: "itemRemoved", itemKind: item.kind, title: item.title });
  return changes;
}

/** A line diff (longest common subsequence); lessons are short, so O(n·m) is fine. */
export function diffLines(before: string, after: string): LineChange[] {
  // An empty text has no lines (not one empty line).
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  const common = longestCommonSubsequence(a, b);
  const result: LineChange[] = [];
  let i = 0;
  let j = 0;
  for (const line of common) {
    while (a[i] !== line) result.push({ op: "removed", text: a[i++]! });
    while (b[j] !== line) result.push({ op: "added", text: b[j++]! });
    result.push({ op: "same", text: line });
    i++;
    j++;
  }
  while (i < a.length) result.push({ op: "removed", text: a[i++]! });
  while (j < b.length) result.push({ op: "added", text: b[j++]! });
  return result;
}

function longestCommonSubsequence(a: string[], b: string[]): string[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const result: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push(a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return result;
}
