// Runs the Prisma CLI commands that never need Prisma's schema engine
// (generate, validate, format) on machines that cannot download it.
//
// The CLI insists on finding the engine binary before *any* command, even
// ones that never run it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a harmless
// executable satisfies that check. It must never be used with `migrate` or
// `db`: with a fake engine, `prisma migrate deploy` reports success and
// applies nothing. Migrations go through `npm run db:migrate` instead.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const SAFE_COMMANDS = new Set(["generate", "validate", "format"]);
const [command, ...rest] = process.argv.slice(2);

if (!command || !SAFE_COMMANDS.has(command)) {
  console.error(
    `prisma-offline: only ${[...SAFE_COMMANDS].join(", ")} are allowed here; ` +
      "apply migrations with `npm run db:migrate`.",
  );
  process.exit(2);
}

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, command, ...rest], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
