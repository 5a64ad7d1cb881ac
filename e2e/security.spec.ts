import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The Content-Security-Policy on real pages: every script the server sends
// carries the response's nonce, and pages that need JavaScript (the lesson's
// "done" button, the quiz's timer and autosave, the report's filters) run
// with the policy on, without one violation.

/** Collects the policy violations the page reports, from before its first script. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
}

test("every script carries the response's nonce, and JavaScript pages run under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, "hocvien@lamdong.test", "/");
  for (const path of ["/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao", "/learning", "/courses"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, path).toBeTruthy();
    const html = (await response?.text()) ?? "";
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and hydration work: a link followed without a reload.
  await page.getByRole("link", { name: "Việc học của tôi" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Việc học của tôi");
  expect(violations).toEqual([]);
});

test("the headers that keep pages out of frames and files from being sniffed", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP here: no HSTS (server/security-headers.test.ts covers HTTPS).
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("the anonymous home page, shared by every visitor, runs its scripts by their hashes without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/");
  expect(response?.headers()["cache-control"]).toMatch(/^public/);
  expect(response?.headers()["content-security-policy"]).toContain("'sha256-");
  await page.waitForLoadState("networkidle");
  // Hydrated: a link is followed by the client router, without a reload.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.getByRole("link", { name: "Đăng nhập" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(violations).toEqual([]);
});
