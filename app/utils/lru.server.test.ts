import { expect, test } from "vitest";
import { LeastRecentlyUsed } from "./lru.server";

test("keeps at most its capacity, dropping the entry used longest ago", () => {
  const kept = new LeastRecentlyUsed<string, number>(2);
  kept.set("a", 1);
  kept.set("b", 2);
  expect(kept.get("a")).toBe(1); // a is now the most recent
  kept.set("c", 3);
  expect(kept.get("b")).toBeUndefined();
  expect(kept.get("a")).toBe(1);
  expect(kept.get("c")).toBe(3);
  expect(kept.size).toBe(2);
});

test("deleteIf leaves a newer value in place", () => {
  const kept = new LeastRecentlyUsed<string, number>(5);
  kept.set("a", 1);
  kept.set("a", 2);
  kept.deleteIf("a", 1);
  expect(kept.get("a")).toBe(2);
  kept.deleteIf("a", 2);
  expect(kept.get("a")).toBeUndefined();
});
