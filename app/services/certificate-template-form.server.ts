import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { PDFDocument } from "pdf-lib";
import type { FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/vi";
import { getCurrentTemplate, type TemplateFields } from "~/models/certificate-template.server";
import { inspectImage, readMediaBytes, storeImage } from "~/models/media.server";
import { getEnv } from "~/utils/env.server";
import { templateSchema } from "~/validation/certificate-template";
import type { CertificateLook, LookImage } from "./certificate-pdf.server";

// The certificate template form as posted (text fields, and a logo and a
// signature image as files), read for the preview and for saving alike.
// Images are checked in memory first, by drawing them into a throwaway PDF:
// an image that cannot be drawn must never reach a template version, whose
// certificates could then never be printed. Nothing is stored until a save
// succeeds; the preview draws the uploaded bytes directly.

/** Larger pictures would be decoded on every download for nothing. */
const MAX_SIDE = 3000;

type ImageName = "logo" | "signature";
type ImageChoice = { keep: string | null } | { upload: LookImage & { name: string } };
type TextFields = Omit<TemplateFields, "logoId" | "signatureId">;

async function checkUpload(file: File): Promise<(LookImage & { name: string }) | MessageKey> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const info = inspectImage(bytes);
  if (!info || (info.contentType !== "image/png" && info.contentType !== "image/jpeg")) return "template.imageType";
  if (info.width > MAX_SIDE || info.height > MAX_SIDE) return "template.imageTooBig";
  try {
    const probe = await PDFDocument.create();
    if (info.contentType === "image/png") await probe.embedPng(bytes);
    else await probe.embedJpg(bytes);
  } catch {
    return "template.imageUnusable";
  }
  return { bytes, contentType: info.contentType, name: file.name };
}

export type TemplateForm =
  | { ok: true; fields: TextFields; images: Record<ImageName, ImageChoice>; values: Record<string, string> }
  | { ok: false; errors: FormErrors; values: Record<string, string> };

export async function readTemplateForm(request: Request): Promise<TemplateForm> {
  const limit = getEnv().MEDIA_MAX_BYTES;
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  if (!Number.isFinite(length) || length > 2 * limit + 64_000) return { ok: false, errors: { logo: "media.error.tooLarge" }, values: {} };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: limit }));
  } catch (error) {
    return { ok: false, errors: { logo: error instanceof MaxPartSizeExceededError ? "media.error.tooLarge" : "validation.form.unreadable" }, values: {} };
  }
  const values = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const errors: FormErrors = {};
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= (issue.message.includes(".") ? issue.message : "validation.invalid") as MessageKey;
  }
  const current = await getCurrentTemplate();
  const images = {} as Record<ImageName, ImageChoice>;
  for (const name of ["logo", "signature"] as const) {
    const file = form.get(name);
    const removed = values[name === "logo" ? "removeLogo" : "removeSignature"] === "on";
    if (file instanceof File && file.size > 0) {
      const checked = await checkUpload(file);
      if (typeof checked === "string") errors[name] = checked;
      else images[name] = { upload: checked };
    } else {
      images[name] = { keep: removed ? null : ((name === "logo" ? current?.logoId : current?.signatureId) ?? null) };
    }
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors, values };
  const { removeLogo: _removeLogo, removeSignature: _removeSignature, ...fields } = parsed.data;
  return { ok: true, fields, images, values };
}

/** The form's look for the preview: uploaded images as sent, kept ones from storage. */
export async function previewLook(form: Extract<TemplateForm, { ok: true }>): Promise<CertificateLook> {
  const image = async (choice: ImageChoice) => ("upload" in choice ? choice.upload : choice.keep ? readMediaBytes({ id: choice.keep }) : null);
  return { ...form.fields, logo: await image(form.images.logo), signature: await image(form.images.signature) };
}

/** The template's fields for saving: uploaded images are stored now. */
export async function templateToSave(form: Extract<TemplateForm, { ok: true }>, uploadedById: string): Promise<TemplateFields> {
  const id = async (choice: ImageChoice) =>
    "upload" in choice ? (await storeImage({ bytes: choice.upload.bytes, originalName: choice.upload.name, uploadedById })).id : choice.keep;
  return { ...form.fields, logoId: await id(form.images.logo), signatureId: await id(form.images.signature) };
}
