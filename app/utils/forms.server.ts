import type { z } from "zod";
import { vi, type MessageKey } from "~/i18n/vi";

// One way to read a posted form for the whole app: a Zod schema shared with
// the page, field errors as catalog keys, and never a 500 for bad input.

export type FieldErrors = Partial<Record<string, MessageKey>>;

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(vi, value);
}

/** Form fields as strings; a repeated or file field keeps only what we expect. */
async function readForm(request: Request): Promise<Record<string, string> | null> {
  try {
    const formData = await request.formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of formData) if (typeof value === "string" && !(name in fields)) fields[name] = value;
    return fields;
  } catch {
    return null;
  }
}

export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<
  | { ok: true; data: z.infer<Schema>; fields: Record<string, string> }
  | { ok: false; errors: FieldErrors; fields: Record<string, string> }
> {
  const fields = await readForm(request);
  if (!fields) return { ok: false, errors: { form: "validation.form.unreadable" }, fields: {} };
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data, fields };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= isMessageKey(issue.message) ? issue.message : "validation.invalid";
  }
  return { ok: false, errors, fields };
}
