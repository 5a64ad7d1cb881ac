import { createHash, randomBytes } from "node:crypto";
import type { HeadersFunction } from "@remix-run/node";
import { LOCALE_COOKIE } from "~/i18n/locale.server";

// Pages every anonymous visitor sees the same (the home page, sign-in,
// certificate checking) may be kept by the browser and by shared caches
// (nginx, a CDN): a phone on a slow line gets them from its own cache or a
// 304, and a busy morning's first visits cost the server one render a
// minute. Such a page carries no nonce — one copy serves many people, and a
// nonce must never be served twice — so its inline scripts are allowed by
// their hashes instead (entry.server.tsx).

/** What the loader sends for a shareable request; entry.server.tsx recognises it. */
const SHARED_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";

/**
 * Caching headers when this request is one any anonymous visitor could
 * make: no cookie but the language one (no session, no flash message).
 * Caches key the copy on the Cookie header, so each language has its own.
 */
export function sharedPageHeaders(request: Request): Record<string, string> | undefined {
  const names = (request.headers.get("Cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("=")[0])
    .filter(Boolean);
  if (names.some((name) => name !== LOCALE_COOKIE)) return undefined;
  return { "Cache-Control": SHARED_CACHE_CONTROL, Vary: "Cookie" };
}

/** A route's `headers`: passes its loader's caching headers on to the page (none when signed in). */
export const sharedPageHeadersFromLoader: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  for (const name of ["Cache-Control", "Vary"]) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export function isSharedPage(headers: Headers): boolean {
  return headers.get("Cache-Control") === SHARED_CACHE_CONTROL;
}

const sha256 = (text: string, encoding: "base64" | "base64url") => createHash("sha256").update(text, "utf8").digest(encoding);

/** A value only this render knows, put on our own scripts in place of a nonce. */
export function newRenderMarker(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The inline scripts this render wrote (those carrying its marker), as CSP
 * sources ('sha256-…'). A script without the marker is not allowed: it did
 * not come from React or Remix.
 */
export function inlineScriptHashes(html: string, marker: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(attributes ?? "") || !(attributes ?? "").includes(` nonce="${marker}"`)) continue;
    hashes.add(`'sha256-${sha256(body ?? "", "base64")}'`);
  }
  return [...hashes];
}

/** A shareable page that turned out not to be (an error, development): its caching headers go. */
export function dropSharedCaching(headers: Headers) {
  headers.delete("Cache-Control");
  headers.delete("Vary");
}

/** A strong validator of the finished page: an unchanged page is answered 304. */
export function entityTagOf(html: string): string {
  return `"${sha256(html, "base64url").slice(0, 27)}"`;
}

/** Whether the browser's copy (If-None-Match) is this page. */
export function matchesEntityTag(request: Request, entityTag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === entityTag || tag.trim() === "*");
}
