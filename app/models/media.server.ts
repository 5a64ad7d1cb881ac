import { createHash } from "node:crypto";
import { imageSize } from "image-size";
import { Prisma } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n/vi";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { MediaSize } from "~/utils/lesson-markdown.server";
import { mediaStore } from "~/utils/media-store.server";

// Uploaded images. The type is read from the bytes, never from the file name
// or the browser's word; SVG is refused (it can carry script).

const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" };
const MAX_SIDE = 12_000;

export class MediaRuleError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** What an image is (type and size) from its bytes; null when it is not one we take. */
export function inspectImage(bytes: Uint8Array) {
  try {
    const info = imageSize(bytes);
    const contentType = info.type ? TYPES[info.type] : undefined;
    if (!contentType || !info.width || !info.height) return null;
    return { contentType, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

/** Stores an image once per content; the same picture uploaded twice is one asset. */
export async function storeImage({ bytes, originalName, uploadedById }: { bytes: Uint8Array; originalName: string; uploadedById: string | null }) {
  if (bytes.byteLength === 0) throw new MediaRuleError("media.error.empty");
  if (bytes.byteLength > getEnv().MEDIA_MAX_BYTES) throw new MediaRuleError("media.error.tooLarge");
  const info = inspectImage(bytes);
  if (!info) throw new MediaRuleError("media.error.notImage");
  if (info.width > MAX_SIDE || info.height > MAX_SIDE) throw new MediaRuleError("media.error.tooLarge");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const select = { id: true, contentType: true, width: true, height: true } as const;
  const existing = await prisma.mediaAsset.findUnique({ select, where: { sha256 } });
  if (existing) return existing;
  await mediaStore.put(sha256, bytes);
  try {
    return await prisma.mediaAsset.create({
      select,
      data: { sha256, storageKey: sha256, byteSize: bytes.byteLength, originalName: originalName.slice(0, 255), uploadedById, ...info },
    });
  } catch (error) {
    // The same image uploaded twice at once: both get the one asset.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return prisma.mediaAsset.findUniqueOrThrow({ select, where: { sha256 } });
    }
    throw error;
  }
}

export async function getMediaAsset({ id }: { id: string }) {
  return prisma.mediaAsset.findUnique({ select: { id: true, contentType: true, storageKey: true, byteSize: true }, where: { id } });
}

/** An image's bytes (for embedding it in a PDF); null when it is gone. */
export async function readMediaBytes({ id }: { id: string }) {
  const asset = await getMediaAsset({ id });
  const stored = asset ? await mediaStore.open(asset.storageKey) : null;
  if (!asset || !stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
  return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: asset.contentType };
}

/** Widths and heights of these images, for the renderer. */
export async function getMediaSizes(ids: string[]): Promise<Map<string, MediaSize>> {
  if (!ids.length) return new Map();
  const rows = await prisma.mediaAsset.findMany({ select: { id: true, width: true, height: true }, where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, { width: row.width, height: row.height }]));
}
