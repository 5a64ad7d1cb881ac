import type { LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { getTranslate } from "~/i18n/translate.server";
import { getMediaAsset } from "~/models/media.server";
import { requireUser } from "~/utils/auth.server";
import { isUuid } from "~/utils/ids";
import { mediaStore } from "~/utils/media-store.server";
import { extensionOf } from "~/utils/media-url";

// Uploaded images: /media/<id>.<ext>. An id's bytes never change, so the
// browser may keep them for a year without asking again ("immutable");
// "private" because lessons are for signed-in people only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const notFound = () => new Response(getTranslate(request)("error.imageNotFound"), { status: 404 });
  const [id, extension] = (params.file ?? "").split(".");
  const asset = id && isUuid(id) ? await getMediaAsset({ id }) : null;
  if (!asset || extensionOf(asset.contentType) !== extension) throw notFound();
  const stored = await mediaStore.open(asset.storageKey);
  if (!stored) throw notFound();
  return new Response(Readable.toWeb(stored.stream) as ReadableStream, {
    headers: {
      "Content-Type": asset.contentType,
      "Content-Length": String(stored.size),
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // Shown as a picture, never run: a file name of ours, whatever was uploaded.
      "Content-Disposition": `inline; filename="${asset.id}.${extension}"`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
