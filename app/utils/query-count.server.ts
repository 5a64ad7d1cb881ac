import type pg from "pg";
import type { RequestContext } from "./request-context.server";
import { getRequestContext } from "./request-context.server";

// Counts the SQL statements each request sends (SERVER_TIMING=true): the
// number goes out in the response's Server-Timing header, where a test holds
// each key page to its budget and a developer sees it in the browser's
// network panel. Every statement goes through a client checked out of the
// pool (pg-pool's own `query` checks one out too), so counting at checkout
// sees them all, including a transaction's BEGIN and COMMIT.
//
// The request is the one that asked for the client, captured when it asks:
// a client freed by another request is handed over inside that request's
// callback, where the async context would name the wrong one.

export function countQueriesPerRequest(pool: pg.Pool) {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | void;
  pool.connect = ((callback?: ConnectCallback) => {
    const context = getRequestContext();
    const counted = (client: pg.PoolClient) => (context ? countingClient(client, context) : client);
    if (callback) return connect((error, client, done) => callback(error, client && counted(client), done));
    return (connect() as Promise<pg.PoolClient>).then(counted);
  }) as typeof pool.connect;
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

function countingClient(client: pg.PoolClient, context: RequestContext): pg.PoolClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") {
        return (...args: unknown[]) => {
          context.queries = (context.queries ?? 0) + 1;
          return (target.query as (...args: unknown[]) => unknown)(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
