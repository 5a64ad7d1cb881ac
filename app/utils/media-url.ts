// Where an uploaded image is served. Client-safe: the studio builds the
// markdown for an image it has just uploaded with the same function.

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

export function extensionOf(contentType: string): string | undefined {
  return EXTENSIONS[contentType];
}

export function mediaUrl({ id, contentType }: { id: string; contentType: string }): string {
  return `/media/${id}.${extensionOf(contentType) ?? "bin"}`;
}
