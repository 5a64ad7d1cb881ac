import { pino, type DestinationStream, type Logger } from "pino";
import { getEnv } from "./env.server";
import { getRequestContext } from "./request-context.server";
import { singleton } from "./singleton.server";

// Structured JSON logs, one object per line (docs/decisions/007-server.md).
// Every line written while a request is being served carries its request id,
// so one request can be followed through the logs of several app processes.

// Personal data never belongs in logs (ADR 026): logs are copied to places
// the database's access rules do not reach, and kept by other rules. Keys
// that hold it, or secrets, are cut wherever they are, if someone logs a
// whole object by mistake; and anything shaped like an e-mail address is
// masked in every string, messages and error texts included (a database
// error can quote the value it refused).
const SENSITIVE_KEYS = [
  "email",
  "to",
  "fullName",
  "holderName",
  "searchName",
  "sortName",
  "phone",
  "employeeCode",
  "jobTitle",
  "password",
  "newPassword",
  "currentPassword",
  "confirmPassword",
  "passwordHash",
  "token",
  "body",
  "rows",
  "query",
  "cookie",
  "authorization",
];
const REDACT_PATHS = [
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]),
  "name",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Masks e-mail addresses in a string. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, "[email]");
}

function isPlainObject(value: object) {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskEmails(value);
  // Errors go through the err serializer below.
  if (value === null || typeof value !== "object" || value instanceof Error) return value;
  // Past this depth nothing is walked, so nothing unmasked is let through either.
  if (depth > 6) return "[deep]";
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  // Dates, URLs, buffers keep their own JSON form; only plain data is walked.
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
}

// pg-pool hangs the whole pg Client on the errors of idle connections
// (`err.client`): its settings, type tables and socket state, kilobytes per
// line when the database restarts. Nobody reads it; leave it out.
// Prisma's errors quote the call that failed, arguments and all (a person's
// name, an address): only their class, code and first line are kept.
const maskedErrorSerializer = (error: Error) => {
  const { client: _client, ...serialized } = pino.stdSerializers.err(error);
  if (error.name.startsWith("PrismaClient")) {
    const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
    return { type: serialized.type, code, message: maskEmails(error.message.trim().split("\n")[0] ?? ""), stack: serialized.stack.split("\n").filter((line) => line.trimStart().startsWith("at ")).join("\n") };
  }
  return maskDeep(serialized);
};

/** A logger writing to `destination` (standard output by default). */
export function createLogger({ level, destination }: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level,
      base: { service: "hoc-so", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: maskedErrorSerializer, error: maskedErrorSerializer },
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? maskEmails(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

// Created on first use, after start-up code has loaded .env.
const getBaseLogger = () => singleton("logger", () => createLogger({ level: getEnv().LOG_LEVEL }));

export function getRequestId(): string | undefined {
  return getRequestContext()?.requestId;
}

/** The logger to use anywhere on the server: tagged with the current request. */
export function getLogger(): Logger {
  const requestId = getRequestId();
  const base = getBaseLogger();
  return requestId ? base.child({ requestId }) : base;
}
