import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publishTestCourse, oneLessonCourse } from "../tests/helpers/courses";
import { assertFreshBuild } from "../tests/helpers/build";
import { findExecutable, findNginx, siteForTest, startNginx, type RunningNginx } from "../tests/helpers/nginx";
import { makePerson, makeUnits, TEST_PASSWORD } from "../tests/helpers/people";
import { findFreePort } from "./embedded-postgres";

// Scale-out on one machine (issue 11): two app processes (`serve`, no jobs
// in them) and one job worker on the same PostgreSQL, behind nginx running
// the site of deploy/nginx/hocso.conf over HTTPS. Someone signs in through
// one process and carries on, reading and writing, on the other; a report
// file asked of an app process is made by the worker; nginx shares requests
// between both processes and serves the built assets itself.

const nginxBinary = findNginx();
const openssl = findExecutable("openssl");
const missing = [nginxBinary ? null : "nginx (apt-get install nginx)", openssl ? null : "openssl (apt-get install openssl)"].filter(Boolean);
if (missing.length) console.warn(`scale-out test skipped: ${missing.join(" and ")} not found`);

type Reply = { status: number; headers: IncomingHttpHeaders; text: string; upstream: string | null };
type Ask = { method?: string; headers?: Record<string, string>; body?: string };

describe.skipIf(missing.length > 0)("two app processes and a worker behind nginx", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hoc-so-scale-out-"));
  const children: { name: string; child: ChildProcess; logs: () => string }[] = [];
  let nginx: RunningNginx | undefined;
  let admin: pg.Pool;
  let appPorts: [number, number];
  let httpsPort = 0;
  let httpPort = 0;
  let certificate = "";
  let lastUpstream: string | null = null;
  const courseSlug = "mo-rong-quy-mo";
  let learnerId = "";
  let managerId = "";

  function start(name: string, command: "serve" | "worker", env: Record<string, string>) {
    const child = spawn(process.execPath, ["build/main.js", command], {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        // Jobs only in the worker: whatever an app process asks for, the worker does.
        JOBS_IN_PROCESS: "false",
        TRUST_PROXY: "1",
        APP_URL: `https://127.0.0.1:${httpsPort}`,
        LOG_LEVEL: "info",
      },
    });
    let logs = "";
    child.stdout?.on("data", (chunk) => (logs += chunk));
    child.stderr?.on("data", (chunk) => (logs += chunk));
    children.push({ name, child, logs: () => logs });
    return () => logs;
  }

  async function waitFor(what: string, check: () => Promise<boolean> | boolean, logs: () => string, tries = 200) {
    for (let attempt = 0; attempt < tries; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} never happened:\n${logs()}`);
  }

  const appReady = (port: number) => () =>
    fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );

  beforeAll(async () => {
    assertFreshBuild();
    appPorts = [await findFreePort(), await findFreePort()];
    httpsPort = await findFreePort();
    httpPort = await findFreePort();

    // A certificate for 127.0.0.1, trusted by this test's client only.
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    const made = spawnSync(openssl ?? "openssl", [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"],
      ...["-keyout", keyFile, "-out", certFile, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    ]);
    if (made.status !== 0) throw new Error(`openssl could not make a certificate:\n${made.stderr}`);
    certificate = readFileSync(certFile, "utf8");

    await makeUnits();
    learnerId = (await makePerson({ email: "hoc-vien-mo-rong@example.test", fullName: "Trần Thị Mở Rộng" })).id;
    managerId = (await makePerson({ email: "quan-ly-mo-rong@example.test", fullName: "Lê Văn Quản Lý", role: "MANAGER" })).id;
    await publishTestCourse(oneLessonCourse(courseSlug, "Mở rộng quy mô"));
    admin = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

    const logsA = start("app A", "serve", { PORT: String(appPorts[0]) });
    const logsB = start("app B", "serve", { PORT: String(appPorts[1]) });
    const logsWorker = start("worker", "worker", {});
    await waitFor("app A ready", appReady(appPorts[0]), logsA);
    await waitFor("app B ready", appReady(appPorts[1]), logsB);
    await waitFor("worker running", () => logsWorker().includes('"msg":"job worker running"'), logsWorker);

    nginx = await startNginx({
      binary: nginxBinary ?? "nginx",
      dir,
      waitForPort: httpsPort,
      site: siteForTest({
        appPorts,
        httpPort,
        httpsPort,
        certFile,
        keyFile,
        clientDir: path.resolve("build/client"),
        accessLog: path.join(dir, "access.log"),
      }),
    });
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(
      children.map(({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        return exited.then(() => clearTimeout(timer));
      }),
    );
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const logsOf = (name: string) => children.find((entry) => entry.name === name)?.logs() ?? "";
  const upstreamName = (upstream: string | null) => (upstream === `127.0.0.1:${appPorts[0]}` ? "app A" : upstream === `127.0.0.1:${appPorts[1]}` ? "app B" : null);

  /** A request to nginx over HTTPS, as a browser on the site would send it. */
  function send(pathname: string, ask: Ask = {}): Promise<Reply> {
    const body = ask.body ?? "";
    const headers: Record<string, string | number> = { ...ask.headers };
    if (ask.body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(body);
      headers.Origin = `https://127.0.0.1:${httpsPort}`;
    }
    return new Promise((resolve, reject) => {
      const request = https.request(
        { host: "127.0.0.1", port: httpsPort, path: pathname, method: ask.method ?? "GET", headers, ca: certificate, timeout: 20_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const upstream = typeof response.headers["x-upstream"] === "string" ? response.headers["x-upstream"] : null;
            if (upstream) lastUpstream = upstream;
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8"), upstream });
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error(`${pathname}: no answer in 20 s`)));
      request.on("error", reject);
      request.end(body);
    });
  }

  /**
   * The request answered by the app process on `port`. nginx takes its app
   * processes in turn (round-robin, one nginx worker): when the last request
   * went to that process, one health check in between moves the turn on.
   * The X-Upstream check makes sure it did.
   */
  async function sendTo(port: number, pathname: string, ask: Ask = {}) {
    if (lastUpstream === `127.0.0.1:${port}`) await send("/healthz");
    const reply = await send(pathname, ask);
    expect(upstreamName(reply.upstream)).toBe(upstreamName(`127.0.0.1:${port}`));
    return reply;
  }

  const portOf = (upstream: string | null) => Number(upstream?.split(":")[1]);
  const otherPort = (upstream: string | null) => (portOf(upstream) === appPorts[0] ? appPorts[1] : appPorts[0]);

  /** Signs in through nginx with the real form; the cookie and the process that answered. */
  async function signIn(email: string) {
    // A forged client address: the app (TRUST_PROXY=1) must keep the one nginx saw.
    const reply = await send("/login", {
      method: "POST",
      headers: { "X-Forwarded-For": "203.0.113.7" },
      body: new URLSearchParams({ email, password: TEST_PASSWORD, redirectTo: "/learning" }).toString(),
    });
    expect(reply.status, reply.text).toBe(302);
    // Over HTTPS (as nginx told the app) the cookie is the __Host- one.
    const cookie = (reply.headers["set-cookie"] ?? []).find((line) => line.startsWith("__Host-hocso_session="));
    expect(cookie).toMatch(/; Secure/);
    return { cookie: cookie?.split(";")[0] ?? "", signedInOn: reply.upstream };
  }

  test("nginx shares requests between both app processes, in turn, with its request id", async () => {
    const seen: string[] = [];
    for (let index = 0; index < 6; index++) {
      const reply = await send("/healthz");
      expect(reply.status).toBe(200);
      seen.push(upstreamName(reply.upstream) ?? "?");
    }
    expect(seen.filter((name) => name === "app A")).toHaveLength(3);
    expect(seen.filter((name) => name === "app B")).toHaveLength(3);

    // nginx's request id reaches the app, which logs it and sends it back.
    const page = await send("/privacy");
    expect(page.status).toBe(200);
    const requestId = String(page.headers["x-request-id"]);
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    const name = upstreamName(page.upstream) ?? "";
    await waitFor("the request's log line", () => logsOf(name).includes(`"requestId":"${requestId}"`), () => logsOf(name), 30);
  });

  test("signed in through one process, a person reads and writes on the other", async () => {
    const { cookie, signedInOn } = await signIn("hoc-vien-mo-rong@example.test");
    const other = otherPort(signedInOn);

    const learning = await sendTo(other, "/learning", { headers: { Cookie: cookie } });
    expect(learning.status).toBe(200);
    expect(learning.text).toContain("Trần Thị Mở Rộng");

    // A write on the other process: the lesson marked as read.
    const done = await sendTo(other, `/courses/${courseSlug}/b`, { method: "POST", headers: { Cookie: cookie }, body: "intent=complete" });
    expect(done.status, done.text).toBe(302);
    const { rows } = await admin.query<{ item_key: string }>(
      "SELECT p.item_key FROM item_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.user_id = $1",
      [learnerId],
    );
    expect(rows.map((row) => row.item_key)).toEqual(["b"]);

    // The session remembers the address nginx saw, not the one the client claimed.
    const sessions = await admin.query<{ ip_address: string }>("SELECT ip_address FROM session WHERE user_id = $1", [learnerId]);
    expect(sessions.rows.map((row) => row.ip_address)).toEqual(["127.0.0.1"]);

    // Signing out on one process ends the session on both.
    const out = await sendTo(portOf(signedInOn), "/logout", { method: "POST", headers: { Cookie: cookie }, body: "" });
    expect(out.status).toBe(302);
    const after = await sendTo(other, "/learning", { headers: { Cookie: cookie } });
    expect(after.status).toBe(302);
    expect(after.headers.location).toMatch(/^\/login/);
  });

  test("a report file asked of an app process is made by the worker and downloaded from the other process", async () => {
    const { cookie, signedInOn } = await signIn("quan-ly-mo-rong@example.test");
    const asked = await sendTo(otherPort(signedInOn), "/manage/reports/exports", {
      method: "POST",
      headers: { Cookie: cookie },
      body: "format=csv&query=",
    });
    expect(asked.status, asked.text).toBe(302);
    const askedOn = asked.upstream;

    type ExportRow = { id: string; status: string; byte_size: string | null };
    let row: ExportRow | undefined;
    await waitFor(
      "the export's file",
      async () => {
        const { rows } = await admin.query<ExportRow>(
          "SELECT id, status::text, byte_size::text FROM report_export WHERE requested_by_id = $1",
          [managerId],
        );
        row = rows[0];
        return row?.status === "DONE" || row?.status === "FAILED";
      },
      () => logsOf("worker"),
    );
    expect(row?.status).toBe("DONE");
    // The worker did it; the app processes run no jobs. The job marks its row
    // done before the queue logs "job done": wait for the line to be written.
    await waitFor("the worker's log line", () => /"job":"report-export".*"msg":"job done"/.test(logsOf("worker")), () => logsOf("worker"));
    expect(logsOf("worker")).toMatch(/"job":"report-export".*"msg":"job done"/);
    expect(logsOf("app A") + logsOf("app B")).not.toContain('"msg":"job done"');

    const file = await sendTo(otherPort(askedOn), `/manage/reports/exports/${row?.id}`, { headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toMatch(/csv/);
    expect(Buffer.byteLength(file.text)).toBe(Number(row?.byte_size));
  }, 40_000);

  test("nginx serves the built assets itself, cached for a year and compressed; plain HTTP goes to HTTPS", async () => {
    // The largest script: well over gzip_min_length.
    const [script] = readdirSync("build/client/assets")
      .filter((name) => name.endsWith(".js"))
      .sort((a, b) => statSync(`build/client/assets/${b}`).size - statSync(`build/client/assets/${a}`).size);
    const asset = await send(`/assets/${script}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(asset.status).toBe(200);
    expect(asset.upstream).toBeNull();
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-encoding"]).toBe("gzip");
    expect((await send("/assets/no-such-file.js")).status).toBe(404);

    const redirect = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port: httpPort, path: "/learning" }, resolve).on("error", reject),
    );
    redirect.resume();
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe("https://127.0.0.1/learning");
  });

  test("nginx logged no errors", () => {
    expect(nginx?.errorLog() ?? "").not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
