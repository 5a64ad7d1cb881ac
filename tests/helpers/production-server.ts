import { spawn, type ChildProcess } from "node:child_process";
import { findFreePort } from "../../server/embedded-postgres";

// The production build (`node build/main.js serve`) on this test's database,
// as a process of its own: for tests that need the whole server (headers,
// middleware, the built route modules). Call assertFreshBuild first.

export type ProductionServer = { origin: string; child: ChildProcess; stop: () => Promise<void> };

export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error", JOBS_IN_PROCESS: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  for (let attempt = 0; attempt < 300; attempt++) {
    const ready = await fetch(`${origin}/readyz`).catch(() => null);
    if (ready?.status === 200) return { origin, child, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error("the production server never became ready");
}
