import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/embedded-postgres";
import { migrate } from "../../server/migrate";
import { createDatabase, dropDatabase } from "../helpers/database";

declare module "vitest" {
  export interface ProvidedContext {
    /** Any database URL on the test server; tests make their own databases there. */
    testServerUrl: string;
    /** A database with every migration applied, to clone per test file. */
    templateDatabase: string;
  }
}

// Once per run: a PostgreSQL server (DATABASE_URL's, or an embedded one in a
// temporary directory) and a migrated template database.
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `hoc-so-test-pg-${process.pid}-${Date.now()}`),
      port: await findFreePort(),
      database: "postgres",
      persistent: false,
    });
    serverUrl = embedded.url;
  }

  const template = await createDatabase(serverUrl, { prefix: "hocso_template" });
  await migrate({ databaseUrl: template.url, migrationsDir: path.resolve("prisma/migrations") });
  project.provide("testServerUrl", serverUrl);
  project.provide("templateDatabase", template.name);

  return async () => {
    await dropDatabase(serverUrl, template.name);
    await embedded?.stop();
  };
}
