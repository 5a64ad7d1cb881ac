import { expect, test } from "vitest";
import { createLogger, getLogger, getRequestId, maskEmails } from "./logger.server";
import { runWithRequestContext } from "./request-context.server";

test("every logger taken while serving a request carries that request's id", async () => {
  expect(getRequestId()).toBeUndefined();
  expect(getLogger().bindings()).not.toHaveProperty("requestId");
  await runWithRequestContext({ requestId: "req-1", responseCookies: [] }, async () => {
    // Across awaits too, as in a loader that queries the database.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getLogger().bindings()).toMatchObject({ requestId: "req-1" });
  });
  await Promise.all(
    ["a", "b"].map((requestId) =>
      runWithRequestContext({ requestId, responseCookies: [] }, async () => {
        await new Promise((resolve) => setTimeout(resolve, requestId === "a" ? 10 : 1));
        expect(getRequestId()).toBe(requestId);
      }),
    ),
  );
});

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } }) };
}

test("keys that hold personal data or secrets are cut, at the top and one level down", () => {
  const { lines, logger } = capture();
  logger.info(
    { email: "lan@lamdong.test", fullName: "Nguyễn Thị Lan", password: "bí mật 123", body: "email=lan", user: { phone: "0912345678", employeeCode: "LD-1", token: "abc" }, path: "/login" },
    "sign-in",
  );
  const line = JSON.parse(lines[0]!);
  expect(line).toMatchObject({ email: "[redacted]", fullName: "[redacted]", password: "[redacted]", body: "[redacted]", path: "/login" });
  expect(line.user).toEqual({ phone: "[redacted]", employeeCode: "[redacted]", token: "[redacted]" });
});

test("e-mail addresses are masked in messages, in any string and in errors", () => {
  const { lines, logger } = capture();
  logger.warn({ reason: "Key (email)=(an.nv@lamdong.test) already exists", list: ["b@x.vn"] }, "could not save an.nv@lamdong.test");
  logger.error({ err: new Error("duplicate key value: khanh.nc@lamdong.test") }, "failed");
  const text = lines.join("\n");
  expect(text).not.toMatch(/@lamdong\.test|b@x\.vn/);
  expect(JSON.parse(lines[0]!)).toMatchObject({ reason: "Key (email)=([email]) already exists", list: ["[email]"], msg: "could not save [email]" });
  expect(JSON.parse(lines[1]!).err).toMatchObject({ type: "Error", message: "duplicate key value: [email]" });
  expect(maskEmails("no address here, 12@ or @home")).toBe("no address here, 12@ or @home");
});

test("the pg client that pg-pool hangs on a lost connection's error is left out of the log", () => {
  const { lines, logger } = capture();
  const error = Object.assign(new Error("terminating connection due to administrator command"), {
    code: "57P01",
    client: { connectionParameters: { user: "hocso", database: "hocso", port: 5432 }, processID: 42 },
  });
  logger.warn({ err: error }, "database connection lost");
  const line = JSON.parse(lines[0]!);
  expect(line.err).toMatchObject({ message: "terminating connection due to administrator command", code: "57P01" });
  expect(line.err).not.toHaveProperty("client");
});

test("a Prisma error keeps its class, code and first line: never the call it quotes, with a person's name in it", async () => {
  const { Prisma } = await import("~/generated/prisma/client");
  const { lines, logger } = capture();
  const validation = new Prisma.PrismaClientValidationError(
    'Invalid `prisma.user.create()` invocation:\n{\n  data: {\n    fullName: "Nguyễn Thị Hoa",\n    employeeCode: "LD-0042"\n  }\n}\nArgument `email` is missing.',
    { clientVersion: "7" },
  );
  const known = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`email`)", {
    code: "P2002",
    clientVersion: "7",
    meta: { target: ["email"], value: "hoa.nt@lamdong.test" },
  });
  logger.error({ err: validation }, "failed");
  logger.error({ err: known }, "failed");
  const text = lines.join("\n");
  expect(text).not.toMatch(/Nguyễn Thị Hoa|LD-0042|hoa\.nt/);
  expect(JSON.parse(lines[0]!).err).toMatchObject({ type: "PrismaClientValidationError", message: "Invalid `prisma.user.create()` invocation:" });
  expect(JSON.parse(lines[1]!).err).toMatchObject({ type: "PrismaClientKnownRequestError", code: "P2002" });
});

test("what is too deep to walk is cut, and dates stay dates", () => {
  const { lines, logger } = capture();
  let deep: Record<string, unknown> = { note: "an.nv@lamdong.test" };
  for (let level = 0; level < 10; level++) deep = { inner: deep };
  logger.info({ deep, at: new Date("2026-11-26T00:00:00Z") }, "shapes");
  expect(lines[0]).not.toContain("an.nv@lamdong.test");
  expect(JSON.parse(lines[0]!).at).toBe("2026-11-26T00:00:00.000Z");
});
