import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countWrite, pruneWriteRates } from "~/models/write-rate.server";
import { prisma } from "~/utils/db.server";
import { writeRateLimit } from "./rate-limit";

let base = "";
let close = () => {};
let handled = 0;

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", 1);
  app.use(writeRateLimit({ perSession: 3, perAddress: 5 }));
  app.all("/", (_req, res) => {
    handled++;
    res.send("ok");
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const session = (letter: string) => `hocso_session=${letter.repeat(32)}`;
const send = (method: string, address: string, cookie?: string) =>
  fetch(base, { method, headers: { "X-Forwarded-For": address, ...(cookie ? { Cookie: cookie } : {}) } });

describe("the write rate limit", () => {
  test("a session's writes past its limit get 429, a Vietnamese message and Retry-After, and do not run", async () => {
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await send("POST", "10.1.0.1", session("a")));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    const refused = responses[3]!;
    expect(await refused.text()).toBe("Bạn đã gửi quá nhiều yêu cầu trong một phút. Hãy chờ một lát rồi thử lại.");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another person in the same office is not held back by the first.
    expect((await send("POST", "10.1.0.1", session("b"))).status).toBe(200);
  });

  test("an address's writes past its limit get 429 whatever cookies they carry", async () => {
    const statuses = [];
    for (const letter of "cdefgh") statuses.push((await send("POST", "10.2.0.1", session(letter))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test("reading is never counted", async () => {
    for (let i = 0; i < 10; i++) expect((await send("GET", "10.3.0.1", session("i"))).status).toBe(200);
    expect((await send("POST", "10.3.0.1", session("i"))).status).toBe(200);
  });

  test("refused writes never reach the app", async () => {
    const before = handled;
    for (let i = 0; i < 3; i++) await send("PUT", "10.4.0.1");
    expect(handled - before).toBe(3);
    for (let i = 0; i < 5; i++) await send("DELETE", "10.4.0.1");
    expect(handled - before).toBe(5);
  });
});

describe("the counters", () => {
  test("count per minute, start again the next minute, and are forgotten after a day", async () => {
    const minute = new Date("2026-11-26T02:10:15Z");
    expect((await countWrite(["t:1", "t:2"], minute)).get("t:1")).toBe(1);
    expect((await countWrite(["t:1"], new Date("2026-11-26T02:10:59Z"))).get("t:1")).toBe(2);
    expect((await countWrite(["t:1"], new Date("2026-11-26T02:11:00Z"))).get("t:1")).toBe(1);
    expect(await pruneWriteRates(new Date("2026-11-27T02:10:30Z"))).toBeGreaterThanOrEqual(1);
    expect(await prisma.writeRate.findUnique({ where: { key: "t:2" } })).toBeNull();
    expect(await prisma.writeRate.findUnique({ where: { key: "t:1" } })).not.toBeNull();
  });

  test("parallel writes are all counted", async () => {
    const now = new Date("2026-11-26T03:00:30Z");
    await Promise.all(Array.from({ length: 20 }, () => countWrite(["t:parallel"], now)));
    expect((await prisma.writeRate.findUniqueOrThrow({ where: { key: "t:parallel" } })).count).toBe(20);
  });
});
