// What the HTTP benchmarks share: the production build serving the demo
// province on a scratch database of its own, and learners made with the
// app's own models (past the privacy notice, as anyone who has signed in
// before), each with a session cookie and, if asked, a password.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../server/embedded-postgres";
import { createDatabase } from "../../tests/helpers/database";
import { startServer } from "./bench-server";

export type BenchLearner = { userId: string; email: string; cookie: string };

/** A throwaway embedded PostgreSQL, a database on it, and the production build serving the demo province. */
export async function startBenchProvince(prefix: string) {
  if (!existsSync("build/main.js")) throw new Error("No production build: run `npm run build` first.");
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `${prefix}-pg-${process.pid}-${Date.now()}`),
    port: await findFreePort(),
    database: "postgres",
    persistent: false,
  });
  const database = await createDatabase(embedded.url, { prefix: prefix.replace(/\W/g, "_") });
  const server = await startServer(database.url, { demo: true }).catch(async (error: unknown) => {
    await embedded.stop();
    throw error;
  });
  // The app's models (used to make learners) talk to the same database.
  process.env.DATABASE_URL = database.url;
  return {
    server,
    databaseUrl: database.url,
    stop: async () => {
      await server.stop();
      const { prisma } = await import("../../app/utils/db.server");
      await prisma.$disconnect();
      await embedded.stop();
    },
  };
}

/** `count` learners in the demo's digital-transformation office, each signed in once. */
export async function makeLearners(count: number, { emailPrefix, password }: { emailPrefix: string; password?: string }) {
  const { upsertPerson } = await import("../../app/models/user.server");
  const { createSession } = await import("../../app/utils/session.server");
  const { recordPrivacyConsent } = await import("../../app/models/privacy-consent.server");
  const { PRIVACY_NOTICE_VERSION } = await import("../../app/utils/privacy");
  const { hashPassword } = await import("../../app/utils/password.server");
  const passwordHash = password ? await hashPassword(password) : null;
  const learners: BenchLearner[] = [];
  for (let index = 0; index < count; index++) {
    const email = `${emailPrefix}${index}@bench.test`;
    const user = await upsertPerson({
      email,
      fullName: `Người Đo ${index}`,
      staffCategory: "CONG_CHUC",
      unitCode: "LDG-SKHCN-CDS",
      since: new Date("2025-01-01"),
      passwordHash,
      roles: [],
    });
    await recordPrivacyConsent({ userId: user.id, noticeVersion: PRIVACY_NOTICE_VERSION });
    const session = await createSession({ userId: user.id, isAdmin: false, userAgent: "bench", ipAddress: "127.0.0.1" });
    learners.push({ userId: user.id, email, cookie: `hocso_session=${session.token}` });
  }
  return learners;
}
