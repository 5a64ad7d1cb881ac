import { randomBytes } from "node:crypto";
import pg from "pg";

// Databases for tests, made on the test PostgreSQL server and named so that
// parallel workers never meet.

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new database, empty or cloned from `template`; returns its URL. */
export async function createDatabase(
  serverUrl: string,
  options: { prefix?: string; template?: string } = {},
): Promise<{ name: string; url: string }> {
  const name = `${options.prefix ?? "hocso_test"}_${randomBytes(5).toString("hex")}`;
  await withAdmin(serverUrl, async (client) => {
    const template = options.template ? ` TEMPLATE ${client.escapeIdentifier(options.template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template}`);
  });
  return { name, url: databaseUrlFor(serverUrl, name) };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
