import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import onHeaders from "on-headers";
import type { ViteDevServer } from "vite";
import { getTranslateForCookies } from "~/i18n/translate.server";
import { isDatabaseReachable } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { runWithRequestContext, type RequestContext } from "~/utils/request-context.server";
import { bodyLimit } from "./body-limit";
import { withOutageAnswers } from "./outage";
import { loggedPath } from "~/utils/logged-path";
import { writeRateLimit } from "./rate-limit";
import { newCspNonce, securityHeaders } from "./security-headers";

// The HTTP side of the app process: health checks, static files, logging and
// Remix. Holds no state another instance would need (docs/architecture.md).

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type AppOptions =
  | { mode: "production"; buildDir: string; build: ServerBuild }
  | { mode: "development"; vite: ViteDevServer };

export function createApp(options: AppOptions) {
  let draining = false;
  const serverTiming = getEnv().SERVER_TIMING;
  const app = express();
  app.disable("x-powered-by");
  // Behind nginx or a load balancer (TRUST_PROXY hops): take the client's
  // address and scheme from their X-Forwarded-* headers. Without a proxy,
  // those headers come from the client and must not be believed.
  app.set("trust proxy", getEnv().TRUST_PROXY);

  // A request id on every request and on every log line written for it.
  // An incoming X-Request-Id (nginx sets one) is kept when it is well formed,
  // so logs of both tiers join up; it is used for nothing but correlation.
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    const responseCookies: string[] = [];
    const cspNonce = newCspNonce();
    res.locals.cspNonce = cspNonce;
    // Cookies queued while serving (a session extended inside a guard) go
    // out with whatever response this turns out to be: a page, data, a
    // redirect or a resource route.
    const context: RequestContext = { requestId, clientAddress: req.ip, responseCookies, cspNonce };
    onHeaders(res, () => {
      for (const cookie of responseCookies.splice(0)) res.appendHeader("Set-Cookie", cookie);
      // Pages and data are a person's own unless a route says otherwise
      // (app/utils/shared-page.server.ts, files, assets): no shared cache
      // in front of us (nginx, a CDN) may keep them, whatever its settings.
      if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "private, no-cache");
      // Statements sent after the headers (a streamed body) are not counted: no page of ours streams.
      if (serverTiming) {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        res.setHeader("Server-Timing", `db;desc="${context.queries ?? 0} queries", app;dur=${durationMs.toFixed(1)}`);
      }
    });
    runWithRequestContext(context, () => {
      res.on("finish", () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const quiet = req.path === "/healthz" || req.path === "/readyz";
        // The path only: query strings can carry search terms about people.
        getLogger()[quiet ? "debug" : "info"](
          { method: req.method, path: loggedPath(req.path), status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
          "request",
        );
      });
      next();
    });
  });

  app.use(securityHeaders({ development: options.mode === "development" }));
  app.use(compression());

  // CSRF (Lucia's guide): a request that changes something must come from a
  // page of ours. Browsers always send Origin on such requests; SameSite=Lax
  // cookies are the second line.
  app.use((req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const origin = req.get("origin");
    const host = req.get("x-forwarded-host") ?? req.get("host");
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (originHost && originHost === host) return next();
    getLogger().warn({ method: req.method, path: loggedPath(req.path), origin: origin ?? null }, "cross-origin write refused");
    res.status(403).type("text/plain; charset=utf-8").send(getTranslateForCookies(req.get("cookie"))("error.crossOrigin"));
  });

  app.use(bodyLimit());
  app.use(writeRateLimit());

  // Liveness: the process answers. Readiness: it can serve real pages now.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain").send("ok");
  });
  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain");
    if (draining) return void res.status(503).send("shutting down");
    const ready = await isDatabaseReachable();
    res.status(ready ? 200 : 503).send(ready ? "ready" : "database unreachable");
  });

  if (options.mode === "development") {
    app.use(options.vite.middlewares);
    app.all("*", async (req, res, next) => {
      try {
        const build = (await options.vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
        return createRequestHandler({ build: withOutageAnswers(build), mode: "development" })(req, res, next);
      } catch (error) {
        if (error instanceof Error) options.vite.ssrFixStacktrace(error);
        next(error);
      }
    });
  } else {
    const clientDir = path.join(options.buildDir, "client");
    // File names under assets/ carry a content hash: cache them for a year.
    app.use(
      "/assets",
      express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
    );
    // The few files at the top of public/ (favicon.svg): looked up by name,
    // so that a page request does not first ask the file system for a file.
    const topFiles = new Set(readdirSync(clientDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
    const serveTopFile = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (topFiles.has(req.path) ? serveTopFile(req, res, next) : next()));
    app.all("*", createRequestHandler({ build: withOutageAnswers(options.build), mode: "production" }));
  }

  return {
    app,
    /** From now on /readyz answers 503, so load balancers stop sending work. */
    startDraining() {
      draining = true;
    },
  };
}
