import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";

// pg_dump and pg_restore come from the PostgreSQL client, not from this
// project (docs/decisions/027-backups.md). pg_dump refuses to dump a server
// of a newer major than its own, so we look for one at least as new as the
// server before we start, and say exactly what to install when there is none.

export class PostgresToolError extends Error {
  override name = "PostgresToolError";
}

export type PostgresTool = { file: string; version: string; major: number };

export type ToolSearch = {
  /** PG_BIN: the folder an operator chose. When set, nothing else is tried. */
  pgBin?: string;
  /** PATH, searched in order. */
  pathVariable?: string;
  /** Where Debian and Ubuntu keep each major's binaries: <root>/<major>/bin. */
  versionedRoot?: string;
};

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → { version: "15.18", major: 15 }. */
export function parseToolVersion(output: string): { version: string; major: number } | null {
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(output);
  return match?.[1] && match[2] ? { version: match[1], major: Number(match[2]) } : null;
}

/** server_version_num (180004) → 18. */
export function serverMajorOf(versionNum: string | number): number {
  return Math.floor(Number(versionNum) / 10_000);
}

function probe(file: string): PostgresTool | null {
  if (!existsSync(file)) return null;
  try {
    const output = execFileSync(file, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 });
    const parsed = parseToolVersion(output);
    return parsed ? { file, ...parsed } : null;
  } catch {
    // Not runnable (a broken wrapper, a binary for another platform): not a candidate.
    return null;
  }
}

function candidates(tool: string, search: ToolSearch): string[] {
  if (search.pgBin) return [path.join(search.pgBin, tool)];
  const onPath = (search.pathVariable ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, tool));
  const root = search.versionedRoot ?? "/usr/lib/postgresql";
  const versioned = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((major) => path.join(root, major, "bin", tool))
    : [];
  // /bin and /usr/bin are often one folder: each program once, by its real path.
  const seen = new Set<string>();
  return [...onPath, ...versioned].filter((file) => {
    if (!existsSync(file)) return false;
    const real = realpathSync(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/**
 * The first `tool` (pg_dump, pg_restore) whose major version is at least
 * `minimumMajor`: in PG_BIN if set, else on PATH, else in
 * /usr/lib/postgresql/<major>/bin, newest first.
 */
export function findPostgresTool(
  tool: "pg_dump" | "pg_restore",
  minimumMajor: number,
  search: ToolSearch = {},
  why = `the database server is PostgreSQL ${minimumMajor}`,
): PostgresTool {
  const found = candidates(tool, search)
    .map(probe)
    .filter((candidate): candidate is PostgresTool => candidate !== null);
  const suitable = found.find((candidate) => candidate.major >= minimumMajor);
  if (suitable) return suitable;

  const seen = found.length
    ? `Found only ${found.map((candidate) => `${candidate.file} (${candidate.version})`).join(", ")}, older than PostgreSQL ${minimumMajor}.`
    : `Found none${search.pgBin ? ` in PG_BIN (${search.pgBin})` : " on PATH or in /usr/lib/postgresql/*/bin"}.`;
  throw new PostgresToolError(
    [
      `${tool} ${minimumMajor} or newer is needed: ${why}, and ${tool} cannot work with a server (or a dump) newer than itself.`,
      seen,
      `Install the PostgreSQL ${minimumMajor} client — Debian/Ubuntu: apt-get install postgresql-client-${minimumMajor} ` +
        "(from apt.postgresql.org when your release does not have it); in containers, the " +
        `postgres:${minimumMajor} image has it — or set PG_BIN to the folder that holds it.`,
    ].join("\n"),
  );
}
