// Config for Prisma 6.19's CLI (this folder's node_modules), used only by
// diff.mjs. `engine: "js"` selects the WebAssembly schema engine, which needs
// no download; it talks to PostgreSQL through a driver adapter. The adapter
// is the app's own @prisma/adapter-pg (resolved from the project root) on
// DATABASE_URL; diffing two schema files only asks the server its version.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Without this Prisma 6 tries to download its query-engine library before
// running any command; the diff never uses it.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
