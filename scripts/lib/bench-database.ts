// The benchmark province's database: kept apart from the demo's, so that
// seeding 50,000 people never touches `npm start`'s data. BENCH_DATABASE_URL
// names one on a server of your own; otherwise a second embedded PostgreSQL
// keeps it in .data/bench-postgres (it survives between runs: seed once,
// measure many times).
import path from "node:path";
import { startEmbeddedPostgres } from "../../server/embedded-postgres";

export const BENCH_DATABASE = "hocso_bench";
const BENCH_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 5441);

export async function benchServer() {
  if (process.env.BENCH_DATABASE_URL) {
    const url = new URL(process.env.BENCH_DATABASE_URL);
    const database = url.pathname.slice(1);
    url.pathname = "/postgres";
    return { serverUrl: url.toString(), database, url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/bench-postgres"),
    port: BENCH_PORT,
    database: "postgres",
  });
  const url = new URL(embedded.url);
  url.pathname = `/${BENCH_DATABASE}`;
  return { serverUrl: embedded.url, database: BENCH_DATABASE, url: url.toString(), stop: () => embedded.stop() };
}
