import type { RequestHandler } from "express";
import { getTranslateForCookies } from "~/i18n/translate.server";
import { getEnv } from "~/utils/env.server";
import { PEOPLE_IMPORT_MAX_BYTES } from "~/utils/upload-limits";

// A ceiling on what a request may send, checked before a byte of the body is
// read: otherwise Remix reads any body whole into memory, and ten of them at
// 100 MB would take the process down. Uploads (multipart) may carry two
// images (the certificate template's logo and signature) or a people-import
// file; every other form is text and far smaller (a lesson's 200 000
// characters are under 2 MB even percent-encoded). The ceiling sits above
// what each page takes, so a file that is merely too big meets the page's
// own error, next to its field.
//
// Browsers always say how long a form post is; a write without
// Content-Length (a chunked stream) could not be held to the ceiling, so it
// is refused as well (411).

const MEBIBYTE = 1024 * 1024;
const DRAIN_MAX_BYTES = 64 * MEBIBYTE;

export function bodyLimits() {
  return {
    multipart: Math.max(2 * getEnv().MEDIA_MAX_BYTES, PEOPLE_IMPORT_MAX_BYTES) + MEBIBYTE,
    other: 4 * MEBIBYTE,
  };
}

export function bodyLimit(): RequestHandler {
  return (req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const t = getTranslateForCookies(req.get("cookie"));
    const refuse = (status: number, message: Parameters<typeof t>[0]) => {
      res.status(status).type("text/plain; charset=utf-8").send(t(message));
      // Node reads the rest of the body and drops it, so the browser, still
      // sending, gets to show this answer rather than "connection reset".
      // A sender that goes on past a bound has its connection cut.
      let drained = 0;
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_MAX_BYTES) req.socket.destroy();
      });
    };
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding")) return refuse(411, "error.lengthRequired");
      return next();
    }
    const length = Number(declared);
    const limits = bodyLimits();
    const limit = req.is("multipart/form-data") ? limits.multipart : limits.other;
    if (!Number.isSafeInteger(length) || length > limit) return refuse(413, "error.bodyTooLarge");
    next();
  };
}
