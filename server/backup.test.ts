import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { libpqTarget, removeAbandonedPartials } from "./backup";

// The parts of backups that need no database (the whole round trip is in backup.db.test.ts).

test("a half-written backup whose process is gone is removed; one still being written is left alone", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hoc-so-partials-"));
  // Pid 2^22 + 1 is above Linux's highest: no process has it.
  const abandoned = path.join(folder, ".hocso-20261126-101500.4194305.partial");
  const running = path.join(folder, `.hocso-20261126-101600.${process.pid}.partial`);
  const finished = path.join(folder, "hocso-20261126-101400");
  for (const name of [abandoned, running, finished]) mkdirSync(name);
  await removeAbandonedPartials(folder);
  expect([existsSync(abandoned), existsSync(running), existsSync(finished)]).toEqual([false, true, true]);
});

test("the connection for pg_dump keeps where to connect, moves the password out of sight and drops what libpq does not know", () => {
  const target = libpqTarget("postgresql://hocso:b%C3%AD%20m%E1%BA%ADt@db.internal:6543/hocso?host=/var/run/postgresql&sslmode=require&schema=public&connection_limit=5");
  expect(target.env).toEqual({ PGPASSWORD: "bí mật" });
  expect(target.dbname).not.toContain("b%C3%AD");
  const url = new URL(target.dbname);
  expect([url.hostname, url.port, url.username, url.pathname]).toEqual(["db.internal", "6543", "hocso", "/hocso"]);
  expect(Object.fromEntries(url.searchParams)).toEqual({ host: "/var/run/postgresql", sslmode: "require" });
});
