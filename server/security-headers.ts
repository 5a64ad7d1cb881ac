import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";
import onHeaders from "on-headers";

// Security headers on every response (issue 10; docs/decisions/024-security-headers.md):
// a strict Content-Security-Policy on pages, whose only inline scripts are
// Remix's own, each carrying this response's nonce; no framing; no sniffing;
// a referrer that never carries a path (addresses hold ids of people and
// attempts). HSTS only over HTTPS: the same build also serves plain-HTTP
// intranets.

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A fresh nonce for one response's scripts. */
export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The policy of an HTML page whose inline scripts carry `nonce`. */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // Remix's inline scripts (route data, the module loader) carry the nonce; nothing else inline runs.
    `script-src 'self' 'nonce-${nonce}'`,
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

export function securityHeaders({ development }: { development: boolean }): RequestHandler[] {
  const common = helmet({
    // Set below, on pages only.
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Certificates and badges are fetched by verifiers from other sites.
    crossOriginResourcePolicy: false,
  });
  const pages: RequestHandler = (_req, res, next) => {
    // Pages only: a PDF shown in the browser's own viewer is blocked by a
    // page's object-src 'none', and files (images, PDFs, badges) set their
    // own, stricter policy. In development Vite's dev server injects inline
    // scripts and a websocket for hot reload, so there is none.
    if (!development) {
      onHeaders(res, () => {
        const type = String(res.getHeader("Content-Type") ?? "");
        const nonce = (res.locals as { cspNonce?: string }).cspNonce;
        if (type.startsWith("text/html") && nonce && !res.hasHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", pagePolicy(nonce));
      });
    }
    next();
  };
  const transport: RequestHandler = (req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  };
  return [common, pages, transport];
}
