import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";
import { newCspNonce, securityHeaders } from "./security-headers";

// The headers themselves; e2e/security.spec.ts checks them on real pages.

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", 1);
  app.use((_req, res, next) => {
    res.locals.cspNonce = newCspNonce();
    next();
  });
  app.use(securityHeaders({ development: false }));
  app.get("/", (_req, res) => void res.type("html").send("<!doctype html><p>ok</p>"));
  app.get("/file.pdf", (_req, res) => void res.type("application/pdf").send("%PDF-1.7"));
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

test("a strict policy: scripts only from us or with this response's nonce, no framing, no plug-ins", async () => {
  const [first, second] = await Promise.all([fetch(base), fetch(base)]);
  const policy = first.headers.get("content-security-policy") ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==';/);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("script-src-attr 'none'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  // A new nonce for every response.
  const nonce = (text: string | null) => text?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce(policy)).not.toBe(nonce(second.headers.get("content-security-policy")));
  expect(first.headers.get("x-content-type-options")).toBe("nosniff");
  expect(first.headers.get("x-frame-options")).toBe("DENY");
  expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(first.headers.get("permissions-policy")).toContain("camera=()");
  // Lessons' video players, and nothing else framed.
  expect(policy).toContain("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
});

test("files are not held to a page's policy: the browser's PDF viewer would be blocked by object-src 'none'", async () => {
  const pdf = await fetch(`${base}/file.pdf`);
  expect(pdf.headers.get("content-security-policy")).toBeNull();
  expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
});

test("HSTS over HTTPS only: a plain-HTTP intranet must stay reachable", async () => {
  expect((await fetch(base)).headers.get("strict-transport-security")).toBeNull();
  const secure = await fetch(base, { headers: { "X-Forwarded-Proto": "https" } });
  expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
});
