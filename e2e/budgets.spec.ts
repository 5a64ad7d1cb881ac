import { gzipSync } from "node:zlib";
import { expect, test, type Page, type Response } from "@playwright/test";
import { signIn } from "./fixtures";
import { open, pagesByRole } from "./pages";

// Byte budgets (issue 9), counted the way a cheap phone pays for them: every
// resource the page loads with the browser cache off, text gzipped as our
// server sends it, fonts as they are. Lighthouse scores are measured apart
// (they are noisy); bytes are exact, so they can fail the build.

const KiB = 1024;
const LESSON = "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao";

type Load = { path: string; type: string; bytes: number };

async function loadsOf(page: Page, path: string): Promise<Load[]> {
  const loads: Promise<Load>[] = [];
  const listener = (response: Response) => {
    const type = response.request().resourceType();
    loads.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        // Fonts and images are compressed already; text goes over the wire gzipped.
        const bytes = type === "font" || type === "image" ? body.length : gzipSync(body).length;
        return { path: new URL(response.url()).pathname, type, bytes };
      })(),
    );
  };
  page.on("response", listener);
  await page.goto(path, { waitUntil: "networkidle" });
  page.off("response", listener);
  // A module preloaded and then imported is fetched twice here (the cache is
  // off) but once by a real browser: count each address once.
  const byPath = new Map<string, Load>();
  for (const load of await Promise.all(loads)) if ((byPath.get(load.path)?.bytes ?? -1) < load.bytes) byPath.set(load.path, load);
  return [...byPath.values()];
}

const sum = (loads: Load[]) => loads.reduce((total, load) => total + load.bytes, 0);
const listing = (loads: Load[]) => loads.map((load) => `${load.path} ${(load.bytes / KiB).toFixed(1)} KiB`).join("\n");

test.beforeEach(async ({ page }) => {
  // Routing every request turns the browser cache off: each page counts all it needs.
  await page.route("**", (route) => route.continue());
});

test("the lesson page: JavaScript ≤ 100 KiB and everything but images ≤ 250 KiB, gzipped", async ({ page }) => {
  await signIn(page, "hocvien@lamdong.test", "/");
  const loads = await loadsOf(page, LESSON);
  const scripts = loads.filter((load) => load.type === "script");
  expect(sum(scripts), listing(scripts)).toBeLessThanOrEqual(100 * KiB);
  const withoutImages = loads.filter((load) => load.type !== "image");
  expect(sum(withoutImages), listing(withoutImages)).toBeLessThanOrEqual(250 * KiB);
});

for (const [who, visits] of pagesByRole) {
  test(`every page ships ≤ 150 KiB of JavaScript, gzipped: ${who || "anonymous"}`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    if (who) await signIn(page, who, "/");
    for (const visit of visits) {
      // Found the way a person would; then loaded afresh and counted.
      await open(page, browser, visit);
      const address = new URL(page.url());
      const scripts = (await loadsOf(page, address.pathname + address.search)).filter((load) => load.type === "script");
      expect(sum(scripts), `${visit.route}\n${listing(scripts)}`).toBeLessThanOrEqual(150 * KiB);
    }
  });
}
