import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { findPostgresTool, parseToolVersion, PostgresToolError, serverMajorOf } from "./pg-tools";

// Which pg_dump a backup uses. Each "installation" below is a folder with an
// executable that answers --version the way PostgreSQL's tools do.

function installation(version: string, tool = "pg_dump"): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), "hoc-so-pgbin-"));
  const file = path.join(bin, tool);
  writeFileSync(file, `#!/bin/sh\necho "${tool} (PostgreSQL) ${version} (Debian ${version}-1)"\n`);
  chmodSync(file, 0o755);
  return bin;
}

test("versions are read the way the tools and the server write them", () => {
  expect(parseToolVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({ version: "15.18", major: 15 });
  expect(parseToolVersion("pg_restore (PostgreSQL) 18.4")).toEqual({ version: "18.4", major: 18 });
  expect(parseToolVersion("pg_dump (PostgreSQL) 9.6.24")).toEqual({ version: "9.6.24", major: 9 });
  expect(parseToolVersion("command not found")).toBeNull();
  expect(serverMajorOf("180004")).toBe(18);
  expect(serverMajorOf(150018)).toBe(15);
});

test("a pg_dump older than the server is passed over for one on PATH or in /usr/lib/postgresql that is new enough", () => {
  const old = installation("15.18");
  const current = installation("18.4");
  expect(findPostgresTool("pg_dump", 18, { pathVariable: [old, current].join(path.delimiter) })).toEqual({
    file: path.join(current, "pg_dump"),
    version: "18.4",
    major: 18,
  });

  // Debian's layout: /usr/lib/postgresql/<major>/bin, newest first.
  const root = mkdtempSync(path.join(os.tmpdir(), "hoc-so-pglib-"));
  for (const version of ["16.9", "18.1", "17.5"]) {
    const bin = path.join(root, version.split(".")[0] ?? "", "bin");
    mkdirSync(bin, { recursive: true });
    const file = path.join(bin, "pg_dump");
    writeFileSync(file, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
    chmodSync(file, 0o755);
  }
  expect(findPostgresTool("pg_dump", 17, { pathVariable: old, versionedRoot: root }).file).toBe(path.join(root, "18", "bin", "pg_dump"));
  // A newer client dumps an older server: the first one that is new enough wins.
  expect(findPostgresTool("pg_dump", 15, { pathVariable: old, versionedRoot: root }).file).toBe(path.join(old, "pg_dump"));
});

test("with only an older pg_dump the backup stops, naming what it found and what to install", () => {
  const old = installation("15.18");
  const nowhere = path.join(os.tmpdir(), "hoc-so-no-such-folder");
  const attempt = () => findPostgresTool("pg_dump", 18, { pathVariable: old, versionedRoot: nowhere });
  expect(attempt).toThrow(PostgresToolError);
  expect(attempt).toThrow(
    [
      "pg_dump 18 or newer is needed: the database server is PostgreSQL 18, and pg_dump cannot work with a server (or a dump) newer than itself.",
      `Found only ${path.join(old, "pg_dump")} (15.18), older than PostgreSQL 18.`,
      "Install the PostgreSQL 18 client — Debian/Ubuntu: apt-get install postgresql-client-18 (from apt.postgresql.org when your release does not have it); " +
        "in containers, the postgres:18 image has it — or set PG_BIN to the folder that holds it.",
    ].join("\n"),
  );
});

test("PG_BIN is the operator's choice: nothing else is tried", () => {
  const chosen = installation("15.18");
  const better = installation("18.4");
  expect(() => findPostgresTool("pg_dump", 18, { pgBin: chosen, pathVariable: better })).toThrow(/in PG_BIN|Found only .*15\.18/);
  expect(findPostgresTool("pg_restore", 18, { pgBin: installation("18.4", "pg_restore"), pathVariable: chosen }).version).toBe("18.4");
  expect(() => findPostgresTool("pg_dump", 15, { pgBin: path.join(os.tmpdir(), "hoc-so-empty-bin") })).toThrow(
    /Found none in PG_BIN .*\n.*apt-get install postgresql-client-15/,
  );
});
