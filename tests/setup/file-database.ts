import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "../helpers/database";

// Each *.db.test.ts file gets a fresh, migrated database of its own: tests in
// different files never see each other's rows. This runs before the test
// file is imported, so app code reads the right DATABASE_URL.
const serverUrl = inject("testServerUrl");
const database = await createDatabase(serverUrl, { template: inject("templateDatabase") });
process.env.DATABASE_URL = database.url;
process.env.LOG_LEVEL ??= "warn";
// Uploaded images go to a folder of this file's own, never the project's.
process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), "hoc-so-media-"));
// …and an Open Badges signing key of its own, made on first use.
process.env.OB_ISSUER_KEY_FILE = path.join(mkdtempSync(path.join(os.tmpdir(), "hoc-so-ob-")), "issuer-key.pem");
// Report exports made by the job, likewise.
process.env.EXPORT_DIR = mkdtempSync(path.join(os.tmpdir(), "hoc-so-exports-"));

afterAll(async () => {
  // A test that asked for a job started the queue's client: stop it before its database goes.
  const { stopQueue } = await import("~/utils/jobs.server");
  await stopQueue();
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  await dropDatabase(serverUrl, database.name);
});
