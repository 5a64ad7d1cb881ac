import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";
import { getLogger } from "./logger.server";
import { countQueriesPerRequest } from "./query-count.server";
import { singleton } from "./singleton.server";

// One connection pool and one Prisma client on it per process. Only code in
// app/models/ and app/utils/*.server.ts may import them.

function databaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. `npm start` and `npm run dev` start an embedded PostgreSQL and set it for you.",
    );
  }
  return url;
}

/**
 * The process's connections, shared by Prisma and by the hot statements
 * sent to the driver directly (app/utils/sql.server.ts).
 */
export const pool = singleton("pg-pool", () => {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: getEnv().DATABASE_POOL_SIZE,
    // Fail fast when the database is away, so /readyz can say so instead
    // of requests piling up behind a dead pool.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // When PostgreSQL restarts, every idle connection in the pool is cut and
  // the pool emits 'error': unheard, that event would end the process, and
  // the pool may be used before Prisma (which listens too) is made. The
  // pool drops the dead connections and opens new ones on the next query;
  // nothing else is needed to recover.
  pool.on("error", (error) => getLogger().warn({ err: error }, "database connection lost"));
  if (getEnv().SERVER_TIMING) countQueriesPerRequest(pool);
  return pool;
});

export const prisma = singleton("prisma", () => {
  const adapter = new PrismaPg(
    pool,
    {
      disposeExternalPool: true,
      onConnectionError: (error) => getLogger().warn({ err: error }, "database connection lost during a transaction"),
    },
  );
  return new PrismaClient({ adapter });
});

/** True when the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseReachable(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = prisma.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
