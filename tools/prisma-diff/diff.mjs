// Prints the PostgreSQL migration SQL that takes a database from one state to
// the one prisma/schema.prisma describes, using Prisma 6.19's WebAssembly
// schema engine (works offline; Prisma 7's engine must be downloaded).
//
//   DATABASE_URL=… node tools/prisma-diff/diff.mjs [--from-migrations DIR | --from OLD.prisma] NEW.prisma [--exit-code]
//
//   --from-migrations DIR  start from what the migrations in DIR build
//   --from OLD.prisma      start from another schema file
//   (neither)              start from an empty database
//   --exit-code            exit 2 when there is a difference, 0 when none
//
// DATABASE_URL names a running PostgreSQL server; a scratch database is made
// on it for the engine (it replays migrations there) and dropped afterwards.
// Normally called through `npm run db:diff` and by the schema/migrations test.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const PRISMA_VERSION = "6.19.3";
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "node_modules", "prisma", "build", "index.js");
const cliPackage = join(here, "node_modules", "prisma", "package.json");

if (!existsSync(cli) || JSON.parse(readFileSync(cliPackage, "utf8")).version !== PRISMA_VERSION) {
  console.error(`prisma@${PRISMA_VERSION} is missing here: run \`npm --prefix tools/prisma-diff ci\``);
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL must name a running PostgreSQL (`npm run db:diff` starts one for you)");
  process.exit(1);
}

const args = process.argv.slice(2);
const options = { from: null, fromMigrations: null, exitCode: false, to: null };
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--from") options.from = args[++i];
  else if (args[i] === "--from-migrations") options.fromMigrations = args[++i];
  else if (args[i] === "--exit-code") options.exitCode = true;
  else if (!options.to) options.to = args[i];
  else options.to = undefined;
}
if (!options.to) {
  console.error("usage: diff.mjs [--from-migrations DIR | --from OLD.prisma] NEW.prisma [--exit-code]");
  process.exit(2);
}

// Prisma 6 insists on a `url` in the datasource block, which Prisma 7 forbids:
// give the engine copies with a placeholder (the adapter supplies the real one).
const scratchDir = mkdtempSync(join(tmpdir(), "hoc-so-prisma-diff-"));
function copyWithUrl(file, name) {
  const source = readFileSync(resolve(file), "utf8");
  const datasource = /(datasource\s+\w+\s*\{)([^}]*)\}/;
  if (!datasource.test(source)) throw new Error(`${file}: no datasource block`);
  const text = source.replace(datasource, (block, open, body) =>
    /^\s*url\s*=/m.test(body) ? block : `${open}${body}  url = "postgresql://unused.invalid/unused"\n}`,
  );
  const target = join(scratchDir, name);
  writeFileSync(target, text);
  return target;
}

async function withScratchDatabase(run) {
  const name = `hocso_diff_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

let status = 1;
try {
  status = await withScratchDatabase((scratchUrl) => {
    const from = options.fromMigrations
      ? ["--from-migrations", resolve(options.fromMigrations)]
      : options.from
        ? ["--from-schema-datamodel", copyWithUrl(options.from, "from.prisma")]
        : ["--from-empty"];
    const result = spawnSync(
      process.execPath,
      [
        cli,
        "migrate",
        "diff",
        "--config",
        join(here, "prisma.config.mjs"),
        ...from,
        "--to-schema-datamodel",
        copyWithUrl(options.to, "to.prisma"),
        "--script",
        ...(options.exitCode ? ["--exit-code"] : []),
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          DATABASE_URL: scratchUrl,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    // An empty-to-schema diff starts by creating "public", which exists
    // already and which a least-privileged migration role may not create.
    const sql = (result.stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/m, "");
    process.stdout.write(sql);
    const errors = (result.stderr ?? "").replace(/^Loaded Prisma config from .*\n\n?/m, "");
    if (errors.trim()) process.stderr.write(errors);
    return result.status ?? 1;
  });
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
process.exitCode = status;
