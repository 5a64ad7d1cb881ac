import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") newest = Math.max(newest, newestSource(full));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/**
 * Tests that run the production build must not silently test an old one
 * (`npm test` builds first; a bare `npx vitest` may not have).
 */
export function assertFreshBuild() {
  const built = "build/main.js";
  if (!existsSync(built)) throw new Error("No production build: run `npm run build` first.");
  const sources = Math.max(newestSource("app"), newestSource("server"), newestSource("prisma"));
  if (statSync(built).mtimeMs < sources) {
    throw new Error("The production build is older than the code: run `npm run build` first.");
  }
}
