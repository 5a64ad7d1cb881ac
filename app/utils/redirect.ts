const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

/**
 * Only paths on this site: anything else ("//evil.example", "https://…",
 * "javascript:…") would turn our redirects into an open redirector. The
 * result is normalised by the URL parser, so it is plain ASCII (percent-
 * encoded) and safe to put in a Location header.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (target.includes("\\") || /[\u0000-\u001f\u007f]/.test(target)) return fallback;
  try {
    const url = new URL(target, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
