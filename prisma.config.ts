import { defineConfig } from "prisma/config";

// Prisma 7 reads the database URL from here, not from schema.prisma. Only the
// CLI reads this file; the app builds its own client in app/utils/db.server.ts.
// `prisma generate` needs no database, so an unset DATABASE_URL is fine here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
