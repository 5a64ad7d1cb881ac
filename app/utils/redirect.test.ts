import { expect, test } from "vitest";
import { safeRedirectPath } from "./redirect";

test.each([
  ["/courses?page=2", "/courses?page=2"],
  ["/", "/"],
  ["//evil.example", "/"],
  ["https://evil.example", "/"],
  ["javascript:alert(1)", "/"],
  ["/\\evil.example", "/"],
  ["/ok\nSet-Cookie: x", "/"],
  [undefined, "/"],
  [42, "/"],
])("safeRedirectPath(%j) → %s", (input, expected) => {
  expect(safeRedirectPath(input)).toBe(expected);
});
