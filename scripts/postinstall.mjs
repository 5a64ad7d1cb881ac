// Runs after `npm install` in this project (never as a dependency's script).
//  1. Generates the Prisma client into app/generated/prisma.
//  2. Installs tools/prisma-diff (Prisma 6.19's CLI, for writing migrations
//     and for the schema/migrations agreement test). It lives in its own
//     folder because its `prisma` command would clash with Prisma 7's.
// A production install (--omit=dev) skips both: see below.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// 0. Our patches to dependencies (patches/README.md), in every install: the
//    production server runs with them.
run(process.execPath, ["node_modules/patch-package/index.js", "--error-on-fail"]);

const omitted = (process.env.npm_config_omit ?? "").split(/[\s,]+/);
const production = omitted.includes("dev") || process.env.NODE_ENV === "production";

// A production install (after `npm run build`) needs no generated client:
// the build already contains it, and the Prisma CLI is a dev dependency.
if (existsSync("node_modules/prisma/package.json")) {
  run(process.execPath, ["scripts/prisma-offline.mjs", "generate"]);
} else if (!production) {
  console.error("postinstall: the prisma package is missing; run a full `npm install`.");
  process.exit(1);
}
const toolPackage = "tools/prisma-diff/node_modules/prisma/package.json";
const wanted = JSON.parse(readFileSync("tools/prisma-diff/package.json", "utf8")).devDependencies.prisma;
const installed = existsSync(toolPackage) ? JSON.parse(readFileSync(toolPackage, "utf8")).version : null;
if (!production && installed !== wanted) {
  // A clean environment for the nested npm: the outer install's settings
  // (omit, global, prefix …) must not leak into it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("npm_")));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, ["ci", "--prefix", "tools/prisma-diff", "--no-audit", "--no-fund", "--loglevel=error"], { env });
}
