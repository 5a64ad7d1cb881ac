import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { entityTagOf, inlineScriptHashes, matchesEntityTag, sharedPageHeaders } from "./shared-page.server";

const hash = (body: string) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`;

test("only the scripts this render marked are allowed; one that got in some other way is not", () => {
  const html = [
    `<script nonce="m1">window.__remixContext = {};</script>`,
    `<script type="module" nonce="m1">import "/assets/a.js";</script>`,
    `<script src="/assets/b.js" nonce="m1"></script>`,
    `<p><script>alert("slipped in")</script></p>`,
    `<script nonce="guess">alert("guessed")</script>`,
  ].join("");
  expect(inlineScriptHashes(html, "m1").sort()).toEqual([hash("window.__remixContext = {};"), hash('import "/assets/a.js";')].sort());
});

test("shareable only with no cookie but the language", () => {
  const request = (cookie?: string) => new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
  expect(sharedPageHeaders(request())).toEqual({ "Cache-Control": "public, max-age=60, stale-while-revalidate=600", Vary: "Cookie" });
  expect(sharedPageHeaders(request("hocso_lang=en"))).toBeDefined();
  expect(sharedPageHeaders(request("hocso_session=abc"))).toBeUndefined();
  expect(sharedPageHeaders(request("hocso_lang=en; hocso_flash=x"))).toBeUndefined();
  expect(sharedPageHeaders(request("_ga=1"))).toBeUndefined();
});

test("a browser's copy is recognised by its validator, weak or strong, or *", () => {
  const tag = entityTagOf("<html></html>");
  const request = (value: string) => new Request("http://localhost/", { headers: { "If-None-Match": value } });
  expect(matchesEntityTag(request(tag), tag)).toBe(true);
  expect(matchesEntityTag(request(`"other", W/${tag}`), tag)).toBe(true);
  expect(matchesEntityTag(request("*"), tag)).toBe(true);
  expect(matchesEntityTag(request(`"other"`), tag)).toBe(false);
});
