import { getTranslate } from "~/i18n/translate.server";

// Telling "the database is away" apart from every other failure, so that a
// page asked for during an outage (a restart, a failover) is answered 503
// with "try again in a moment" rather than a 500 that says something is
// broken. The shapes are those Prisma 7 and @prisma/adapter-pg give:
// - Prisma's own code: P1001 can't reach, P1002 timed out, P1017 server
//   closed the connection, P2024 no connection free in the pool in time;
// - the adapter's kind, under meta.driverAdapterError.cause (raw queries
//   come as P2010 with it too);
// - PostgreSQL's SQLSTATE: class 08 (connection exception) and 57P01–57P03
//   (shutting down, crashed, starting up);
// - pg's own plain errors, which the adapter passes through unchanged.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error/i;

/** How long a browser or a proxy should wait before asking again. */
export const RETRY_AFTER_SECONDS = 30;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const fields = next as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof fields.code === "string" && (PRISMA_CODES.has(fields.code) || SOCKET_CODES.has(fields.code) || SQLSTATE.test(fields.code))) return true;
    if (typeof fields.kind === "string" && ADAPTER_KINDS.has(fields.kind)) return true;
    if (typeof fields.originalCode === "string" && SQLSTATE.test(fields.originalCode)) return true;
    if (typeof fields.message === "string" && PG_MESSAGES.test(fields.message)) return true;
    queue.push(fields.cause, fields.meta?.driverAdapterError);
  }
  return false;
}

/** The answer to throw from a loader or action while the database is away. */
export function serviceUnavailable(request: Request): Response {
  const t = getTranslate(request);
  return new Response(t("error.unavailable.body"), {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });
}
