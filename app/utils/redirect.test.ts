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
  ["/khoá-học?q=Nguyễn", "/kho%C3%A1-h%E1%BB%8Dc?q=Nguy%E1%BB%85n"],
  ["/\u2028x", "/%E2%80%A8x"],
  ["/a/../../b", "/b"],
  [undefined, "/"],
  [42, "/"],
])("safeRedirectPath(%j) → %s", (input, expected) => {
  expect(safeRedirectPath(input)).toBe(expected);
});
