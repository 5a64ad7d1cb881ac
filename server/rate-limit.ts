import type { RequestHandler } from "express";
import { getTranslateForCookies } from "~/i18n/translate.server";
import { countWrite } from "~/models/write-rate.server";
import { getEnv } from "~/utils/env.server";
import { sha256Hex } from "~/utils/hash.server";
import { getLogger } from "~/utils/logger.server";
import { loggedPath } from "~/utils/logged-path";

// Every write (any request that is not GET, HEAD or OPTIONS: form posts,
// quiz saves, uploads) counts against its session and its address, per
// minute, in PostgreSQL so all app processes count together. Past a limit
// the answer is 429 with a Vietnamese message and Retry-After; nothing runs.
// Sign-in, password reset and certificate look-ups have their own, stricter
// throttles on top (app/models/login-throttle.server.ts).
//
// The session is recognised by its cookie's hash, without a database read:
// someone rotating made-up cookies still meets the address's limit. Offices
// share one public address, so that limit is far higher. The address is
// kept hashed too: a counter needs to match it, never to read it.

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?hocso_session=([a-z2-7]{32})(?:;|$)/;

export type WriteLimits = { perSession: number; perAddress: number };

export function writeRateLimit(limits: WriteLimits = { perSession: getEnv().WRITE_LIMIT_PER_MINUTE, perAddress: getEnv().WRITE_LIMIT_PER_ADDRESS_PER_MINUTE }): RequestHandler {
  return async (req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const token = req.get("cookie")?.match(SESSION_COOKIE)?.[1];
    const addressKey = `a:${sha256Hex(req.ip ?? "unknown")}`;
    const sessionKey = token ? `s:${sha256Hex(token)}` : null;
    let counts: Map<string, number>;
    try {
      counts = await countWrite(sessionKey ? [sessionKey, addressKey] : [addressKey]);
    } catch (error) {
      // A limiter must not take the site down: without the database the
      // write fails on its own anyway.
      getLogger().warn({ err: error }, "write rate not counted");
      return next();
    }
    const over = (sessionKey && (counts.get(sessionKey) ?? 0) > limits.perSession) || (counts.get(addressKey) ?? 0) > limits.perAddress;
    if (!over) return next();
    getLogger().warn({ method: req.method, path: loggedPath(req.path), by: sessionKey ? "session" : "address" }, "write rate limit reached");
    const secondsLeft = 60 - new Date().getUTCSeconds();
    res
      .status(429)
      .set("Retry-After", String(secondsLeft))
      .type("text/plain; charset=utf-8")
      .send(getTranslateForCookies(req.get("cookie"))("error.tooManyWrites"));
  };
}
