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
 * The form's text fields, read once; null when the body is not a readable
 * form. A url-encoded body must be text as a browser sends it: UTF-8 bytes,
 * and percent escapes that decode to UTF-8. Broken bytes would otherwise be
 * stored as "�" without a word; a "�" the person really typed (pasted from a
 * badly converted file) arrives well-formed and is kept. Files are never
 * read here.
 */
async function readEntries(request: Request): Promise<[string, string][] | null> {
  try {
    let entries: [string, string][];
    if ((request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded")) {
      const text = strictUtf8.decode(await request.arrayBuffer());
      for (const pair of text.split("&")) decodeURIComponent(pair.replaceAll("+", " "));
      entries = [...new URLSearchParams(text)];
    } else {
      entries = [...(await request.formData())].flatMap(([name, value]): [string, string][] => (typeof value === "string" ? [[name, value]] : []));
    }
    return entries.some(([name, value]) => hasNul(name) || hasNul(value)) ? null : entries;
  } catch {
    return null;
  }
}

/**
 * Parses a posted form with its schema. A repeated field keeps its first
 * value, except the `lists` (checkbox groups), which keep every value.
 */
export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { lists = [] }: { lists?: readonly string[] } = {},
): Promise<
  | { ok: true; data: z.infer<Schema>; fields: Record<string, string> }
  | { ok: false; errors: FieldErrors; fields: Record<string, string> }
> {
  const entries = await readEntries(request);
  if (!entries) return { ok: false, errors: { form: "validation.form.unreadable" }, fields: {} };
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) if (!(name in fields) && !lists.includes(name)) fields[name] = value;
  const listValues: Record<string, string[]> = {};
  for (const name of lists) listValues[name] = entries.filter(([entry]) => entry === name).map(([, value]) => value);
  const result = schema.safeParse({ ...fields, ...listValues });
  if (result.success) return { ok: true, data: result.data, fields };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= isMessageKey(issue.message) ? issue.message : "validation.invalid";
  }
  return { ok: false, errors, fields };
}
