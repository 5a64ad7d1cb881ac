// Writes a new migration from the change to prisma/schema.prisma since the
// last commit:   npm run db:diff -- add_people
// See CONTRIBUTING.md, "Changing the database".
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { startEmbeddedPostgres } from "../server/embedded-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error("usage: npm run db:diff -- <name>   (lower case, digits and _; e.g. add_people)");
  process.exit(2);
}

// The committed schema is the state the committed migrations build (the
// schema/migrations agreement test holds every commit to that).
const uncommitted = execFileSync("git", ["status", "--porcelain", "--", "prisma/migrations"], { encoding: "utf8" });
if (uncommitted.trim()) {
  console.error(
    "prisma/migrations has uncommitted changes; commit them (with the schema change they belong to) first:\n" +
      uncommitted,
  );
  process.exit(1);
}
const scratch = mkdtempSync(path.join(os.tmpdir(), "hoc-so-db-diff-"));
const baseline = path.join(scratch, "committed.prisma");
writeFileSync(baseline, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));

if (existsSync(".env")) process.loadEnvFile(".env");
const env = getEnv();
const embedded = env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir: path.resolve(env.EMBEDDED_POSTGRES_DIR),
      port: env.EMBEDDED_POSTGRES_PORT,
      database: "hocso",
    });
try {
  const result = spawnSync(
    process.execPath,
    ["tools/prisma-diff/diff.mjs", "--from", baseline, "prisma/schema.prisma"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: env.DATABASE_URL ?? embedded?.url } },
  );
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exitCode = 1;
  } else if (result.stdout.includes("This is an empty migration")) {
    console.log("prisma/schema.prisma has not changed since the last commit: no migration to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    console.log(`wrote ${dir}/migration.sql\nRead it, then: npm run db:migrate && npm test`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  await embedded?.stop();
}
