import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nProvider } from "./i18n/context";
import { en } from "./i18n/en";
import { getLocale } from "./i18n/locale.server";
import { vi } from "./i18n/vi";
import { RETRY_AFTER_SECONDS } from "./utils/database-errors.server";
import { getLogger } from "./utils/logger.server";
import { pagePolicy } from "./utils/content-security-policy.server";
import { NonceProvider } from "./utils/nonce";
import { dropSharedCaching, entityTagOf, inlineScriptHashes, isSharedPage, matchesEntityTag, newRenderMarker } from "./utils/shared-page.server";
import { getRequestContext } from "./utils/request-context.server";
import { loggedPath } from "~/utils/logged-path";

const ABORT_DELAY_MS = 5_000;
export const streamTimeout = ABORT_DELAY_MS;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const locale = getLocale(request);
  // A loader found the database away (app/utils/database-errors.server.ts):
  // a thrown Response's headers do not reach the page, so they are set here.
  if (responseStatusCode === 503) {
    responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
    responseHeaders.set("Cache-Control", "no-store");
  }
  // A page one copy of which serves every anonymous visitor is rendered
  // whole and its own scripts allowed by their hashes: they carry a marker
  // made for this render, so a script that got into the page some other way
  // (an escaping slip) is not among them. The marker is then taken out: no
  // nonce is ever served twice. (Production only: in development Vite
  // injects styles and a websocket that the page policy would block.)
  const shared = responseStatusCode === 200 && isSharedPage(responseHeaders) && !import.meta.env.DEV;
  if (!shared && isSharedPage(responseHeaders)) dropSharedCaching(responseHeaders);
  const nonce = shared ? newRenderMarker() : getRequestContext()?.cspNonce;
  // Crawlers and no-JS readers get the whole page at once; browsers get it
  // streamed as soon as the shell is ready.
  const waitForAll = shared || isbot(request.headers.get("user-agent") ?? "");

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nProvider locale={locale} messages={locale === "en" ? en : vi}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
        </I18nProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Language", locale);
          if (shared && responseStatusCode === 200) {
            resolve(finishSharedPage(request, body, responseHeaders, nonce!));
            pipe(body);
            return;
          }
          // Meant to be shared, but rendering failed: an error page is nobody's to keep.
          if (shared) dropSharedCaching(responseHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors during the shell are reported by onShellError; after it,
          // this is the only place they surface.
          if (shellRendered) getLogger().error({ err: error }, "error while streaming a page");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS + 1_000);
  });
}

/** The whole page, its policy naming its scripts' hashes, and a 304 when the browser has it already. */
async function finishSharedPage(request: Request, body: PassThrough, headers: Headers, marker: string): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  const rendered = Buffer.concat(chunks).toString("utf8");
  const hashes = inlineScriptHashes(rendered, marker);
  const html = rendered.replaceAll(` nonce="${marker}"`, "");
  const entityTag = entityTagOf(html);
  headers.set("Content-Security-Policy", pagePolicy(hashes));
  headers.set("ETag", entityTag);
  if (matchesEntityTag(request, entityTag)) return new Response(null, { status: 304, headers });
  return new Response(html, { status: 200, headers });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the reader went away) are not errors of ours.
  if (request.signal.aborted) return;
  getLogger().error({ err: error, path: loggedPath(new URL(request.url).pathname) }, "unhandled error in a loader or action");
}
