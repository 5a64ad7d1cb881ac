// The production build on a fresh demo database (e2e/server.ts), and a
// Chromium to look at it: shared by the screenshots and the benchmarks.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/demo-data/people";
import { findFreePort } from "../../server/embedded-postgres";

export async function startDemoServer() {
  if (!existsSync("build/main.js")) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const port = await findFreePort();
  const server = spawn(process.execPath, ["--import", "tsx", "e2e/server.ts"], { stdio: "inherit", env: { ...process.env, PORT: String(port) } });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  };
  try {
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
      if (ready) break;
      if (attempt > 300) throw new Error("the server did not start");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
}
