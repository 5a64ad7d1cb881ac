import { expect, test } from "vitest";
import { describeUserAgent } from "./user-agent";

test.each([
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/120.0.0 Chrome/120.0 Safari/537.36",
    { browser: "Cốc Cốc", system: "Windows" },
  ],
  [
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36",
    { browser: "Chrome", system: "Android" },
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    { browser: "Safari", system: "iOS" },
  ],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0", { browser: "Microsoft Edge", system: "Windows" }],
  ["curl/8.0", null],
  [null, null],
])("%s", (userAgent, expected) => {
  expect(describeUserAgent(userAgent)).toEqual(expected);
});
