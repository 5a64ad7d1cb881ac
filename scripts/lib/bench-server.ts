// What the benchmarks share: the production build as a server of its own,
// and latency figures from samples.
import { spawn } from "node:child_process";
import { findFreePort } from "../../server/embedded-postgres";
import { SERVE_NODE_FLAGS } from "../../server/node-flags";

export type Latencies = { count: number; p50: number; p95: number; p99: number; max: number };

export function summarise(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

/** `node build/main.js serve` on a free port; `demo` loads the demo province first. */
export async function startServer(databaseUrl: string, { demo }: { demo: boolean }) {
  const port = await findFreePort();
  // BENCH_PROFILE=dir: the server writes a CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...SERVE_NODE_FLAGS, ...profile, "build/main.js", "serve", ...(demo ? ["--demo"] : [])], {
    stdio: ["ignore", "ignore", "inherit"],
    // As in production: jobs in their own process, not competing here.
    // Every simulated person comes from this one address: its write limit
    // (meant for an office) would stop the bench, not measure it.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", LOG_LEVEL: "warn", JOBS_IN_PROCESS: "false", WRITE_LIMIT_PER_ADDRESS_PER_MINUTE: "1000000" },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; !(await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false)); attempt++) {
    if (attempt > 600 || server.exitCode !== null) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, pid: server.pid ?? 0, stop: () => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : (server.once("exit", resolve), server.kill("SIGTERM")))) };
}

