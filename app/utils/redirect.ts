/**
 * Only paths on this site: anything else ("//evil.example", "https://…",
 * "javascript:…") would turn our redirects into an open redirector.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (target.includes("\\") || /[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
