import { expect, test } from "vitest";
import { uuidv7 } from "./uuid.server";

test("a version 7 UUID carries its millisecond time first, then random bits", () => {
  const at = Date.UTC(2026, 10, 26, 17, 0, 0, 123);
  const id = uuidv7(at);
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at);
  expect(uuidv7(at)).not.toBe(id);
});

test("ids made later sort later, as text and as PostgreSQL's uuid order", () => {
  const ids = [0, 1, 2, 1000, 86_400_000].map((offset) => uuidv7(Date.UTC(2026, 0, 1) + offset));
  expect([...ids].sort()).toEqual(ids);
});
