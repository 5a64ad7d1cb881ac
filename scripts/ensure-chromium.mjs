// The browser tests drive Chromium. Find one, or get one, or say in one line
// what to install. Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium,
// Playwright's own download; as root with apt, install Debian's package.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function found() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

let browser = found();
if (!browser && process.getuid?.() === 0 && hasCommand("apt-get")) {
  console.log("Chromium not found: installing Debian's chromium package with apt-get …");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch {
    // Fall through to the next way.
  }
  browser = found();
}
if (!browser) {
  const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (result.status === 0) browser = found();
}
if (!browser) {
  console.error(
    "No Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}
console.log(`browser tests use ${browser}`);
