// The Content-Security-Policy of our HTML pages (docs/decisions/024-security-headers.md).
// Remix's inline scripts (route data, the module loader) are allowed either
// by this response's nonce (server/security-headers.ts, every page) or, on a
// page one copy of which serves every anonymous visitor, by their hashes
// (app/utils/shared-page.server.ts): a nonce must never be served twice.

/** The policy of an HTML page whose inline scripts `scriptSources` allow ('nonce-…' or 'sha256-…'). */
export function pagePolicy(scriptSources: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources.join(" ")}`,
    "script-src-attr 'none'",
    "style-src 'self'",
    // QR codes and previews may be data: or blob: images.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Lessons embed YouTube (privacy-enhanced) and Vimeo players, and video files from any HTTPS address.
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Not upgrade-insecure-requests: on a plain-HTTP intranet it would send
    // every asset to an https:// that does not exist. HSTS does the upgrading
    // where HTTPS is served.
  ].join("; ");
}
