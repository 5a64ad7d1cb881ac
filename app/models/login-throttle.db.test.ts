import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { sha256Hex } from "~/utils/hash.server";
import { accountKey, addressKey, verifyKey } from "./login-throttle.server";

// Migration 20261127010000_hashed_throttle_keys hashes the counters kept
// before keys were hashed, in SQL: the result must be the key the app now
// computes, or locks in force would be lost (and raw addresses kept).

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261127010000_hashed_throttle_keys/migration.sql");

test("the migration turns raw counters into the keys the app computes, and leaves hashed ones alone", async () => {
  const lockedUntil = new Date(Date.now() + 15 * 60 * 1000);
  const sessionKey = `s:${"ab".repeat(32)}`;
  await prisma.loginThrottle.createMany({
    data: [
      { key: "account:lê.thị.hà@sở-tttt.example.test", failures: 10, lockedUntil },
      { key: "ip:2001:db8::7", failures: 3 },
      { key: "verify:203.0.113.9", failures: 31, lockedUntil },
      { key: accountKey("already@example.test"), failures: 1 },
    ],
  });
  await prisma.writeRate.createMany({
    data: [
      { key: "a:198.51.100.4", windowStart: new Date(), count: 7 },
      { key: sessionKey, windowStart: new Date(), count: 2 },
    ],
  });

  for (const statement of readFileSync(MIGRATION, "utf8").replace(/^--.*$/gm, "").split(";").map((part) => part.trim()).filter(Boolean)) {
    await prisma.$executeRawUnsafe(statement);
  }

  const throttles = await prisma.loginThrottle.findMany({ select: { key: true, failures: true, lockedUntil: true }, orderBy: { failures: "asc" } });
  expect(throttles).toEqual([
    { key: accountKey("already@example.test"), failures: 1, lockedUntil: null },
    { key: addressKey("2001:db8::7"), failures: 3, lockedUntil: null },
    { key: accountKey("lê.thị.hà@sở-tttt.example.test"), failures: 10, lockedUntil },
    { key: verifyKey("203.0.113.9"), failures: 31, lockedUntil },
  ]);
  const rates = await prisma.writeRate.findMany({ select: { key: true, count: true }, orderBy: { count: "asc" } });
  expect(rates).toEqual([
    { key: sessionKey, count: 2 },
    { key: `a:${sha256Hex("198.51.100.4")}`, count: 7 },
  ]);
});
