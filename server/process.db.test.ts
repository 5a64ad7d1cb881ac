import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterEach, beforeAll, expect, test } from "vitest";
import { assertFreshBuild } from "../tests/helpers/build";
import { findFreePort } from "./embedded-postgres";

// The production server, run as a real process. On SIGTERM it stops taking
// connections, lets requests in flight finish, then exits cleanly; without
// its database it stays up and says so on /readyz. Runs the real build
// (npm test builds before it runs the tests).

beforeAll(assertFreshBuild);

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

async function waitUntilReady(port: number) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server never became ready");
}

test("SIGTERM lets a request in flight finish, then exits 0", async () => {
  const port = await findFreePort();
  child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "10000" },
  });
  let logs = "";
  child.stdout?.on("data", (chunk) => (logs += chunk));
  child.stderr?.on("data", (chunk) => (logs += chunk));
  const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
  await waitUntilReady(port);

  // A form post whose body has not fully arrived: the action is waiting for it.
  const body = "locale=en&redirectTo=%2F";
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let response = "";
  socket.on("data", (chunk) => (response += chunk));
  socket.write(
    `POST /language HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      "Content-Type: application/x-www-form-urlencoded\r\n" +
      `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));

  child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  // New connections are refused while the old request is still served.
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  expect(child.exitCode).toBeNull();

  socket.write(body.slice(10));
  await new Promise((resolve) => socket.once("end", resolve));
  expect(response).toMatch(/^HTTP\/1\.1 302/);
  expect(response).toMatch(/set-cookie: hocso_lang=en/i);

  expect(await exited).toBe(0);
  expect(logs).toMatch(/shutting down: finishing requests in flight/);
  expect(logs).toMatch(/"msg":"stopped"/);
  // Structured logs: the request's line carries its request id.
  const requestLine = logs.split("\n").find((line) => line.includes('"path":"/language"'));
  expect(JSON.parse(requestLine ?? "{}")).toMatchObject({
    method: "POST",
    status: 302,
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    msg: "request",
  });
}, 30_000);

test("without its database the process stays alive but reports not ready", async () => {
  const port = await findFreePort();
  const deadDatabasePort = await findFreePort();
  child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `postgresql://nobody:nothing@127.0.0.1:${deadDatabasePort}/none`,
    },
  });
  let live: Response | undefined;
  for (let attempt = 0; attempt < 150 && !live; attempt++) {
    live = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (!live) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(live?.status).toBe(200);
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.text()).toBe("database unreachable");

  // A page that needs the database fails politely, in Vietnamese, says to
  // try again in a moment, and gives nothing away about the server.
  const home = await fetch(`http://127.0.0.1:${port}/`);
  expect(home.status).toBe(503);
  expect(home.headers.get("retry-after")).toBe("30");
  const html = await home.text();
  expect(html).toContain("Hệ thống đang tạm gián đoạn");
  expect(html).not.toMatch(/prisma|ECONNREFUSED|at .*\.js:\d+/i);
}, 30_000);

function runToExit(env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const process_ = spawn(process.execPath, ["build/main.js", "serve"], { env: { ...process.env, ...env } });
    let stderr = "";
    process_.stderr.on("data", (chunk) => (stderr += chunk));
    process_.on("exit", (code) => resolve({ code, stderr }));
  });
}

test("a bad setting stops the process at start-up, naming the variable", async () => {
  const badPort = await runToExit({ PORT: "eighty" });
  expect(badPort.code).toBe(1);
  expect(badPort.stderr).toMatch(/PORT/);

  const noDatabase = await runToExit({ DATABASE_URL: "" });
  expect(noDatabase.code).toBe(1);
  expect(noDatabase.stderr).toMatch(/DATABASE_URL: required/);
});

test("a write that does not come from our own pages is refused (CSRF)", async () => {
  const port = await findFreePort();
  child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
  });
  await waitUntilReady(port);
  const post = (headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: "locale=en",
    });
  const foreign = await post({ Origin: "https://evil.example" });
  expect(foreign.status).toBe(403);
  expect(await foreign.text()).toBe("Yêu cầu bị từ chối vì không được gửi từ một trang của Học Số.");
  expect(foreign.headers.get("set-cookie")).toBeNull();
  expect((await post({})).status).toBe(403);
  const own = await post({ Origin: `http://127.0.0.1:${port}` });
  expect(own.status).toBe(302);
  // Reading is never blocked.
  expect((await fetch(`http://127.0.0.1:${port}/`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
}, 30_000);
