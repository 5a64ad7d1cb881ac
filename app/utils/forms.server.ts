import type { z } from "zod";
import { vi, type MessageKey } from "~/i18n/vi";

// One way to read a posted form for the whole app: a Zod schema shared with
// the page, field errors as catalog keys, and never a 500 for bad input.

export type FieldErrors = Partial<Record<string, MessageKey>>;

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(vi, value);
}

// A NUL cannot be stored in PostgreSQL text, and U+FFFD is what bytes that
// were not UTF-8 decode to: no page of ours sends either, so a form holding
// one is broken, not data to keep.
const isBroken = (text: string) => text.includes("\u0000") || text.includes("\uFFFD");

/**
 * Form fields as strings; a repeated field keeps its first value, except the
 * `lists` (checkbox groups), which keep every value as an array. Files are
 * never read here. Null when the body is not a readable form.
 */
async function readForm(request: Request, lists: readonly string[]): Promise<Record<string, string> | null> {
  try {
    const formData = await request.formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of formData) {
      if (typeof value !== "string") continue;
      if (isBroken(value) || isBroken(name)) return null;
      if (!(name in fields) && !lists.includes(name)) fields[name] = value;
    }
    return fields;
  } catch {
    return null;
  }
}

export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { lists = [] }: { lists?: readonly string[] } = {},
): Promise<
  | { ok: true; data: z.infer<Schema>; fields: Record<string, string> }
  | { ok: false; errors: FieldErrors; fields: Record<string, string> }
> {
  const copy = lists.length ? request.clone() : null;
  const fields = await readForm(request, lists);
  if (!fields) return { ok: false, errors: { form: "validation.form.unreadable" }, fields: {} };
  const listValues: Record<string, string[]> = {};
  if (copy) {
    const formData = await copy.formData();
    for (const name of lists) listValues[name] = formData.getAll(name).filter((value) => typeof value === "string");
  }
  const result = schema.safeParse({ ...fields, ...listValues });
  if (result.success) return { ok: true, data: result.data, fields };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= isMessageKey(issue.message) ? issue.message : "validation.invalid";
  }
  return { ok: false, errors, fields };
}
