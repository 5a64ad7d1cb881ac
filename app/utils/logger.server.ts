import { pino, type Logger } from "pino";
import { getEnv } from "./env.server";
import { getRequestContext } from "./request-context.server";
import { singleton } from "./singleton.server";

// Structured JSON logs, one object per line (docs/decisions/007-server.md).
// Every line written while a request is being served carries its request id,
// so one request can be followed through the logs of several app processes.

// Created on first use, after start-up code has loaded .env.
const getBaseLogger = () => singleton("logger", () =>
  pino({
    level: getEnv().LOG_LEVEL,
    base: { service: "hoc-so", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Personal data never belongs in logs; these keys are cut if someone
    // logs a whole object by mistake.
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "headers.cookie",
        "*.headers.cookie",
        'headers["set-cookie"]',
      ],
      censor: "[redacted]",
    },
  }),
);

export function getRequestId(): string | undefined {
  return getRequestContext()?.requestId;
}

/** The logger to use anywhere on the server: tagged with the current request. */
export function getLogger(): Logger {
  const requestId = getRequestId();
  const base = getBaseLogger();
  return requestId ? base.child({ requestId }) : base;
}
