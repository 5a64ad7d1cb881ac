// The server the browser tests talk to: the production build on a database
// of its own, made fresh for the run and removed afterwards. DATABASE_URL, if
// set, names the PostgreSQL server to make it on; else an embedded one runs in
// a temporary directory.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../server/embedded-postgres";
import { createDatabase, dropDatabase } from "../tests/helpers/database";

const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `hoc-so-e2e-pg-${process.pid}-${Date.now()}`),
      port: await findFreePort(),
      database: "postgres",
      persistent: false,
    });
const serverUrl = process.env.DATABASE_URL ?? embedded?.url ?? "";
const database = await createDatabase(serverUrl, { prefix: "hocso_e2e" });

// --demo: migrate and load the demo data, as `npm start` does.
const app = spawn(process.execPath, ["build/main.js", "serve", "--demo"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production", LOG_LEVEL: "warn" },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
  try {
    await dropDatabase(serverUrl, database.name);
  } catch (error) {
    // A signal sent to the whole process group may already be stopping an
    // embedded cluster, whose data is deleted with it anyway.
    if (!embedded) console.error("could not drop the e2e database:", error);
  }
  await embedded?.stop();
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
