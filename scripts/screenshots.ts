// Takes the README's screenshots of the main pages with Playwright:
//   npm run build && npm run screenshots
// Runs the production build on a fresh demo database (e2e/server.ts) and
// writes PNGs to docs/screenshots/. Re-run it whenever pages change.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";
import { findFreePort } from "../server/embedded-postgres";

type Shot = { file: string; path: string; width: number; height: number; signInAs?: string };

const shots: Shot[] = [
  { file: "home-desktop.png", path: "/", width: 1280, height: 900 },
  { file: "home-phone.png", path: "/", width: 360, height: 740 },
  { file: "not-found-phone.png", path: "/khong-co-trang-nay", width: 360, height: 740 },
  { file: "sign-in-phone.png", path: "/login", width: 360, height: 740 },
  { file: "admin-units-desktop.png", path: "/admin/units", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "admin-people-desktop.png", path: "/admin/people?q=nguyen", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "sessions-phone.png", path: "/account/sessions", width: 360, height: 740, signInAs: "hocvien@lamdong.test" },
];

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
}

if (!existsSync("build/main.js")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const port = await findFreePort();
const server = spawn(process.execPath, ["--import", "tsx", "e2e/server.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(port) },
});
const baseUrl = `http://127.0.0.1:${port}`;

try {
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 300) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  mkdirSync("docs/screenshots", { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.width < 600 ? 2 : 1,
      locale: "vi-VN",
    });
    if (shot.signInAs) await signIn(page, baseUrl, shot.signInAs);
    await page.goto(`${baseUrl}${shot.path}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `docs/screenshots/${shot.file}`, fullPage: true });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}
