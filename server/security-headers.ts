import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { pagePolicy } from "~/utils/content-security-policy.server";

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
        if (type.startsWith("text/html") && nonce && !res.hasHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", pagePolicy([`'nonce-${nonce}'`]));
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
