import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { statusOf } from "./status";

// Calling a route's loader or action as a browser would: a real Request
// carrying this person's session cookie, and a form body when posting.

type Handler<R> = (args: LoaderFunctionArgs) => R;

/** Form fields; a list repeats its name (checkboxes). A FormData is sent as multipart. */
export type Fields = Record<string, string | string[]>;

function encode(fields: Fields) {
  return new URLSearchParams(Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((one) => [name, one]) : [[name, value]])));
}

/** A GET of `path` (with its query), or a POST of `form`, by the person whose cookie this is. */
export async function requestAs(cookie: string, path: string, form?: Fields | FormData) {
  const url = `http://localhost${path}`;
  if (form === undefined) return new Request(url, { headers: { Cookie: cookie } });
  if (form instanceof FormData) {
    // Multipart with its length, as a browser sends it (upload routes read Content-Length first).
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    const type = encoded.headers.get("Content-Type")!;
    return new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": type, "Content-Length": String(body.length) }, body });
  }
  const body = encode(form).toString();
  return new Request(url, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) },
    body,
  });
}

type Call = { params?: Record<string, string>; form?: Fields | FormData };

/** What the loader or action returns; a thrown Response is returned too, so its status and body can be read. */
export async function callAs<R>(handler: Handler<R>, cookie: string, path: string, { params = {}, form }: Call = {}): Promise<Awaited<R> | Response> {
  const request = await requestAs(cookie, path, form);
  try {
    return await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The status the loader or action answers with (see statusOf). */
export async function statusAs<R>(handler: Handler<R>, cookie: string, path: string, call: Call = {}) {
  const request = await requestAs(cookie, path, call.form);
  return statusOf(async () => handler({ request, params: call.params ?? {}, context: {} }));
}

/**
 * What `run` answers, having checked that `rows` read the same before and
 * after it: a refusal must change nothing.
 */
export async function leavesUnchanged<T>(rows: () => Promise<unknown>, run: () => Promise<T>): Promise<T> {
  const before = await rows();
  const answer = await run();
  expect(await rows(), "a refused request changed the database").toEqual(before);
  return answer;
}
