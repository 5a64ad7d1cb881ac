import { AsyncLocalStorage } from "node:async_hooks";
import { singleton } from "./singleton.server";

// What belongs to the request being served, reachable from any module without
// passing it down: its id (for logs) and cookies to add to the response (a
// session extended while validating it, deep inside a guard).

export type RequestContext = {
  requestId: string;
  /** As Express sees it, trusting one proxy's X-Forwarded-For. */
  clientAddress?: string;
  responseCookies: string[];
  /** This response's Content-Security-Policy nonce: Remix's inline scripts carry it. */
  cspNonce?: string;
  /** SQL statements sent for this request so far (only with SERVER_TIMING=true). */
  queries?: number;
};

const storage = singleton("requestContext", () => new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds a Set-Cookie to the current response (no-op outside a request);
 *  server/app.ts writes them when the response's headers go out. */
export function addResponseCookie(cookie: string) {
  storage.getStore()?.responseCookies.push(cookie);
}


/**
 * The client's address, for throttling and the audit log (never shown to
 * other people). "unknown" outside a served request.
 */
export function clientAddress(): string {
  return storage.getStore()?.clientAddress ?? "unknown";
}
