import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { assertFreshBuild } from "../tests/helpers/build";
import { makePerson, makeUnits, TEST_PASSWORD } from "../tests/helpers/people";
import { findFreePort } from "./embedded-postgres";

// No personal data in the logs (ADR 026): the production server, at its most
// talkative level, serves the requests that carry the most of it — sign-ins
// good and bad, a forgotten password, a search for a person, a people import
// and the download of one's own data — and its log lines never hold the
// addresses, the password or the names.

const LEARNER = { email: "ngoc.anh.le@example.test", fullName: "Lê Ngọc Ánh" };
const ADMIN = { email: "quan.tri.vien@example.test", fullName: "Trương Quản Trị" };
const IMPORTED = { email: "nhap.tu.tep@example.test", fullName: "Đoàn Văn Nhập" };
const WRONG_PASSWORD = "mật khẩu sai bét nhè";

let child: ChildProcess | undefined;
let logs = "";
let base = "";

beforeAll(async () => {
  assertFreshBuild();
  await makeUnits();
  await makePerson({ ...LEARNER });
  await makePerson({ ...ADMIN, role: "ADMIN" });
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["build/main.js", "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "trace", NODE_ENV: "production" },
  });
  child.stdout?.on("data", (chunk) => (logs += chunk));
  child.stderr?.on("data", (chunk) => (logs += chunk));
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await fetch(`${base}/readyz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server never became ready:\n${logs}`);
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const headers = (cookie?: string) => ({ Origin: base, ...(cookie ? { Cookie: cookie } : {}) });

async function signIn(email: string, password: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers(), "Content-Type": "application/x-www-form-urlencoded" },
    body: form({ email, password, redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("hocso_session="));
  return { status: response.status, cookie: cookie?.split(";")[0] };
}

test("sign-ins, a reset request, a search, an import and a data download leave no personal data in the logs", async () => {
  // A failed sign-in, then a good one, for the learner.
  expect((await signIn(LEARNER.email, WRONG_PASSWORD)).status).toBe(400);
  const learner = await signIn(LEARNER.email, TEST_PASSWORD);
  expect(learner.cookie).toBeDefined();
  const download = await fetch(`${base}/account/data.json`, { headers: headers(learner.cookie) });
  expect(download.status).toBe(200);
  expect(await download.text()).toContain(LEARNER.fullName);

  // Someone who forgot their password.
  await fetch(`${base}/forgot-password`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers(), "Content-Type": "application/x-www-form-urlencoded" },
    body: form({ email: LEARNER.email }),
  });
  // …who opens the link the e-mail brings: its token is a secret too.
  const mail = await prisma.outboxMessage.findFirstOrThrow({ select: { text: true }, where: { to: LEARNER.email } });
  const token = mail.text.match(/\/reset-password\/([a-z2-7]+)/)?.[1];
  expect(token).toBeDefined();
  expect((await fetch(`${base}/reset-password/${token}`)).status).toBe(200);

  // An administrator looks a person up by address, and imports a file of people.
  const admin = await signIn(ADMIN.email, TEST_PASSWORD);
  expect(admin.cookie).toBeDefined();
  const search = await fetch(`${base}/admin/people?q=${encodeURIComponent(LEARNER.email)}`, { headers: headers(admin.cookie) });
  expect(search.status).toBe(200);
  const file = new FormData();
  const csv = `Họ và tên,Email,Mã cán bộ,Chức vụ,Đối tượng,Mã đơn vị\n${IMPORTED.fullName},${IMPORTED.email},NV-77,Chuyên viên,Công chức,T-A-1\n`;
  file.set("file", new File([csv], "danh-sach.csv", { type: "text/csv" }));
  const checked = await fetch(`${base}/admin/people/import`, { method: "POST", headers: headers(admin.cookie), body: file });
  const importId = (await checked.text()).match(/name="importId" value="([0-9a-f-]{36})"/)?.[1];
  expect(importId).toBeDefined();
  await fetch(`${base}/admin/people/import`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers(admin.cookie), "Content-Type": "application/x-www-form-urlencoded" },
    body: form({ importId: importId ?? "" }),
  });
  expect(await prisma.user.count({ where: { email: IMPORTED.email } })).toBe(1);

  // Let the last lines reach the pipe.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const lines = logs.split("\n").filter(Boolean);
  // The server did log these requests…
  expect(lines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(8);
  // …and nothing personal in any line.
  for (const secret of [token ?? "no token", LEARNER.email, ADMIN.email, IMPORTED.email, TEST_PASSWORD, WRONG_PASSWORD, LEARNER.fullName, ADMIN.fullName, IMPORTED.fullName, "NV-77"]) {
    expect(lines.filter((line) => line.includes(secret)), secret).toEqual([]);
  }
  expect(logs).not.toMatch(/[A-Za-z0-9._%+-]+@example\.test/);
});
