import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { FormErrors } from "~/components/form";
import type { TemplateFields } from "~/models/certificate-template.server";
import { getCurrentTemplate } from "~/models/certificate-template.server";
import { MediaRuleError, storeImage } from "~/models/media.server";
import { getEnv } from "~/utils/env.server";
import { templateSchema } from "~/validation/certificate-template";

// The certificate template form as posted (text fields, and a logo and a
// signature image as files): read for saving and for the preview alike. The
// upload handler stops reading past the size limit.

/** An uploaded PNG or JPEG stored as media (pdf-lib draws nothing else); its id, the current one, or null when removed. */
async function imageField(form: FormData, name: "logo" | "signature", current: string | null, remove: boolean, uploadedById: string) {
  const file = form.get(name);
  if (file instanceof File && file.size > 0) {
    const asset = await storeImage({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, uploadedById });
    if (asset.contentType !== "image/png" && asset.contentType !== "image/jpeg") throw new MediaRuleError("media.error.notImage");
    return asset.id;
  }
  return remove ? null : current;
}

export async function readTemplateForm(request: Request, uploadedById: string): Promise<{ ok: true; template: TemplateFields } | { ok: false; errors: FormErrors }> {
  const limit = getEnv().MEDIA_MAX_BYTES;
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  if (!Number.isFinite(length) || length > 2 * limit + 64_000) return { ok: false, errors: { logo: "media.error.tooLarge" } };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: limit }));
  } catch (error) {
    return { ok: false, errors: { logo: error instanceof MaxPartSizeExceededError ? "media.error.tooLarge" : "validation.form.unreadable" } };
  }
  const parsed = templateSchema.safeParse(Object.fromEntries([...form].filter(([, value]) => typeof value === "string")));
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message as FormErrors[string];
    return { ok: false, errors };
  }
  const { removeLogo, removeSignature, ...fields } = parsed.data;
  const current = await getCurrentTemplate();
  try {
    const logoId = await imageField(form, "logo", current?.logoId ?? null, removeLogo === "on", uploadedById);
    const signatureId = await imageField(form, "signature", current?.signatureId ?? null, removeSignature === "on", uploadedById);
    return { ok: true, template: { ...fields, logoId, signatureId } };
  } catch (error) {
    if (error instanceof MediaRuleError) return { ok: false, errors: { logo: error.key } };
    throw error;
  }
}
