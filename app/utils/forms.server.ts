import type { z } from "zod";
import { vi, type MessageKey } from "~/i18n/vi";

// One way to read a posted form for the whole app: a Zod schema shared with
// the page, field errors as catalog keys, and never a 500 for bad input.

export type FieldErrors = Partial<Record<string, MessageKey>>;

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(vi, value);
}

// A NUL cannot be stored in PostgreSQL text: no page of ours sends one.
const hasNul = (text: string) => text.includes("\u0000");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Whether a url-encoded body is text as a browser sends it: UTF-8 bytes,
 * and percent escapes that decode to UTF-8. Broken bytes would otherwise
 * be stored as "�" without a word; a "�" the person really typed (pasted
 * from a badly converted file) arrives well-formed and is kept.
 */
async function isWellFormedUrlEncoded(request: Request) {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded")) return true;
  try {
    const text = strictUtf8.decode(await request.clone().arrayBuffer());
    for (const pair of text.split("&")) decodeURIComponent(pair.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
}

/**
 * Form fields as strings; a repeated field keeps its first value, except the
 * `lists` (checkbox groups), which keep every value as an array. Files are
 * never read here. Null when the body is not a readable form.
 */
async function readForm(request: Request, lists: readonly string[]): Promise<Record<string, string> | null> {
  try {
    if (!(await isWellFormedUrlEncoded(request))) return null;
    const formData = await request.formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of formData) {
      if (typeof value !== "string") continue;
      if (hasNul(value) || hasNul(name)) return null;
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
