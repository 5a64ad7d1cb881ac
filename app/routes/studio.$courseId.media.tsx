import type { ActionFunctionArgs } from "@remix-run/node";
import { MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { setCourseCover } from "~/models/course.server";
import { MediaRuleError, storeImage } from "~/models/media.server";
import { flashCookie } from "~/utils/flash.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { getEnv } from "~/utils/env.server";
import { mediaUrl } from "~/utils/media-url";
import { safeRedirectPath } from "~/utils/redirect";

// Image upload for lessons. The upload handler stops reading past the size
// limit, so a huge file never fills the server's memory. With JavaScript the
// editor asks for JSON and inserts the markdown itself; without, the form
// comes back to the editor, which shows the line to copy. With purpose=cover
// the image becomes the course's cover.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const fail = (key: MediaRuleError["key"], wantsJson: boolean, back: string) =>
    wantsJson ? Response.json({ error: t(key) }, { status: 400 }) : redirect(`${back}?imageError=${encodeURIComponent(key)}`);
  const wantsJson = request.headers.get("Accept")?.includes("application/json") ?? false;
  // One image and a few small fields: anything much bigger is refused before
  // a byte is read (the per-part limit alone would allow many parts).
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  if (!Number.isFinite(length) || length > getEnv().MEDIA_MAX_BYTES + 64_000) {
    return fail(Number.isFinite(length) ? "media.error.tooLarge" : "media.error.empty", wantsJson, `/studio/${params.courseId}`);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: getEnv().MEDIA_MAX_BYTES }));
  } catch (error) {
    return fail(error instanceof MaxPartSizeExceededError ? "media.error.tooLarge" : "media.error.empty", wantsJson, `/studio/${params.courseId}`);
  }
  const back = safeRedirectPath(form.get("redirectTo"), `/studio/${params.courseId}`);
  const file = form.get("image");
  const alt = String(form.get("alt") ?? "").replace(/[[\]\n]/g, " ").trim().slice(0, 200);
  if (!(file instanceof File) || file.size === 0) return fail("media.error.empty", wantsJson, back);
  try {
    const asset = await storeImage({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, uploadedById: user.id });
    if (form.get("purpose") === "cover") {
      await setCourseCover({ courseId: params.courseId!, coverImageId: asset.id });
      return redirect(`/studio/${params.courseId}#cover`, { headers: { "Set-Cookie": flashCookie(t("studio.coverSaved")) } });
    }
    const markdown = `![${alt}](${mediaUrl(asset)})`;
    if (wantsJson) return Response.json({ markdown, width: asset.width, height: asset.height });
    return redirect(`${back}?${new URLSearchParams({ image: markdown })}`);
  } catch (error) {
    if (error instanceof MediaRuleError) return fail(error.key, wantsJson, back);
    throw error;
  }
}
