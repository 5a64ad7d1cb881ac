import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemoData } from "../prisma/seed";
import { DEMO_DOMAIN } from "../prisma/demo-data/people";
import { findUserForSignIn } from "~/models/user.server";
import { assertFreshBuild } from "./helpers/build";
import { sessionCookieFor } from "./helpers/people";
import { startProductionServer, type ProductionServer } from "./helpers/production-server";

// The home page for anonymous visitors may be kept by browsers and shared
// caches (app/utils/shared-page.server.ts): no nonce in it, its scripts
// allowed by their hashes, a validator for 304s. Anyone with a session or a
// flash message gets their own page, with a fresh nonce, as before.

let server: ProductionServer;
let learnerCookie = "";

beforeAll(async () => {
  assertFreshBuild();
  await seedDemoData();
  const user = await findUserForSignIn(`hocvien@${DEMO_DOMAIN}`);
  learnerCookie = await sessionCookieFor(user!.id, "LEARNER");
  server = await startProductionServer();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers, redirect: "manual" });

const inlineScripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes ?? ""));

test("an anonymous visitor's home page is shareable: public caching, scripts allowed by hash, no nonce", async () => {
  const response = await get("/");
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
  expect(response.headers.get("vary")).toMatch(/Cookie/);
  expect(response.headers.get("set-cookie")).toBeNull();
  const policy = response.headers.get("content-security-policy") ?? "";
  expect(policy).not.toContain("'nonce-");
  const html = await response.text();
  expect(html).not.toMatch(/nonce=/);
  const scripts = inlineScripts(html);
  expect(scripts.length).toBeGreaterThan(1);
  for (const [, , body] of scripts) {
    expect(policy).toContain(`'sha256-${createHash("sha256").update(body ?? "").digest("base64")}'`);
  }
  // Nothing else inline is allowed: only those hashes and our own files.
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
  expect(policy).toContain("frame-ancestors 'none'");

  // The same page again is the same bytes (what lets a cache serve it), and the browser's copy gets a 304.
  const again = await get("/");
  const entityTag = response.headers.get("etag");
  expect(entityTag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(again.headers.get("etag")).toBe(entityTag);
  expect(await again.text()).toBe(html);
  const revalidated = await get("/", { "If-None-Match": entityTag! });
  expect(revalidated.status).toBe(304);
  expect(await revalidated.text()).toBe("");
});

test("each language is its own shared copy", async () => {
  const vietnamese = await get("/");
  const english = await get("/", { Cookie: "hocso_lang=en" });
  expect(english.headers.get("cache-control")).toMatch(/^public/);
  expect(english.headers.get("etag")).not.toBe(vietnamese.headers.get("etag"));
  expect(await english.text()).toContain('lang="en"');
});

test("a signed-in person, or a visitor with a flash message, gets a page of their own with a fresh nonce", async () => {
  for (const cookie of [learnerCookie, "hocso_flash=abc", "hocso_lang=vi; something_else=1"]) {
    const response = await get("/", { Cookie: cookie });
    // Said outright, so that no cache in front of us keeps it whatever its settings.
    expect(response.headers.get("cache-control"), cookie).toBe("private, no-cache");
    expect(response.headers.get("etag"), cookie).toBeNull();
    const nonce = response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, cookie).toBeTruthy();
    const html = await response.text();
    for (const [script] of inlineScripts(html)) expect(script, cookie).toContain(`nonce="${nonce}"`);
  }
});
