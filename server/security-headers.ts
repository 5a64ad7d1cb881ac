import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

// Security headers on every response (issue 10; docs/decisions/024-security-headers.md):
// a strict Content-Security-Policy whose only inline scripts are Remix's own,
// each carrying this response's nonce; no framing; no sniffing; a referrer
// that never carries a path (addresses hold ids of people and attempts).
// HSTS only over HTTPS: the same build also serves plain-HTTP intranets.

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A fresh nonce for one response's scripts. */
export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

export function securityHeaders({ development }: { development: boolean }): RequestHandler[] {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Remix's inline scripts (route data, the module loader) carry the nonce; nothing else inline runs.
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as ServerResponse & { locals: { cspNonce?: string } }).locals.cspNonce}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // QR codes and previews are drawn into data: and blob: images in the browser.
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Not upgrade-insecure-requests: on a plain-HTTP intranet it would
        // send every asset to an https:// that does not exist. HSTS does the
        // upgrading where HTTPS is served.
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Certificates and badges are fetched by verifiers from other sites.
    crossOriginResourcePolicy: false,
  });
  const relaxed = helmet({
    // Vite's dev server injects inline scripts and a websocket for hot reload.
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginResourcePolicy: false,
  });
  const transport: RequestHandler = (req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  };
  return [development ? relaxed : strict, transport];
}
