import { describe, expect, test } from "vitest";
import { LOCALE_COOKIE } from "~/i18n/locale.server";
import { isDatabaseUnavailable, serviceUnavailable } from "./database-errors.server";

// Shapes as Prisma 7 with @prisma/adapter-pg throws them (read off a client
// pointed at a closed port, and off PostgreSQL stopping under it).
function prismaError(code: string, message: string, adapterCause?: object) {
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: adapterCause ? { driverAdapterError: { name: "DriverAdapterError", cause: adapterCause } } : {} });
}

describe("isDatabaseUnavailable", () => {
  test.each([
    ["a model query to a closed port (P1001)", prismaError("P1001", "Invalid `prisma.user.findFirst()` invocation", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 })],
    ["a raw query to a closed port (P2010, the adapter's kind)", prismaError("P2010", "Raw query failed. Code: `N/A`.", { kind: "DatabaseNotReachable" })],
    ["a connection cut mid-query", prismaError("P2010", "Raw query failed.", { kind: "ConnectionClosed" })],
    ["PostgreSQL shutting down (57P01)", prismaError("P2010", "Raw query failed.", { kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection due to administrator command" })],
    ["PostgreSQL starting up (57P03)", prismaError("P2010", "Raw query failed.", { kind: "postgres", originalCode: "57P03" })],
    ["no pooled connection in time (P2024)", prismaError("P2024", "Timed out fetching a new connection from the connection pool.")],
    ["pg's own connect timeout, passed through", new Error("timeout exceeded when trying to connect")],
    ["pg's own cut connection, as a cause", new Error("query failed", { cause: new Error("Connection terminated unexpectedly") })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
  ])("%s: yes", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    ["a syntax error in a raw query", prismaError("P2010", "Raw query failed.", { kind: "postgres", originalCode: "42601" })],
    ["a record not found", prismaError("P2025", "No record was found for an update.")],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["not an error at all", "ECONNREFUSED"],
    ["nothing", null],
  ])("%s: no", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  test("a cause that points back at itself ends the search", () => {
    const error: Error & { cause?: unknown } = new Error("loop");
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

test("the answer says 'try again in a moment' in the reader's language, and is not kept", async () => {
  const vietnamese = serviceUnavailable(new Request("http://localhost/learn"));
  expect(vietnamese.status).toBe(503);
  expect(vietnamese.headers.get("Retry-After")).toBe("30");
  expect(vietnamese.headers.get("Cache-Control")).toBe("no-store");
  expect(await vietnamese.text()).toContain("Hãy thử lại sau ít phút.");
  const english = serviceUnavailable(new Request("http://localhost/learn", { headers: { Cookie: `${LOCALE_COOKIE}=en` } }));
  expect(await english.text()).toContain("Please try again in a few minutes.");
});
