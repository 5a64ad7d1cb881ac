import { afterEach, expect, test, vi } from "vitest";
import { rememberFor } from "./remember.server";

afterEach(() => {
  vi.useRealTimers();
});

test("reuses the answer for the time given, then asks again", async () => {
  vi.useFakeTimers();
  let loads = 0;
  const remembered = rememberFor(60_000, async () => ++loads);
  expect(await remembered.get()).toBe(1);
  vi.advanceTimersByTime(59_000);
  expect(await remembered.get()).toBe(1);
  vi.advanceTimersByTime(2_000);
  expect(await remembered.get()).toBe(2);
});

test("callers at the same moment share one load", async () => {
  let loads = 0;
  const remembered = rememberFor(60_000, async () => ++loads);
  expect(await Promise.all([remembered.get(), remembered.get(), remembered.get()])).toEqual([1, 1, 1]);
  expect(loads).toBe(1);
});

test("forgets at once when told (a write in this process)", async () => {
  let loads = 0;
  const remembered = rememberFor(60_000, async () => ++loads);
  await remembered.get();
  remembered.forget();
  expect(await remembered.get()).toBe(2);
});

test("keeps neither a failure nor an answer it is told not to keep", async () => {
  let loads = 0;
  const failing = rememberFor(60_000, async () => {
    loads++;
    if (loads === 1) throw new Error("database away");
    return loads;
  });
  await expect(failing.get()).rejects.toThrow("database away");
  expect(await failing.get()).toBe(2);

  let answers = 0;
  const empty = rememberFor(60_000, async () => (++answers === 1 ? null : answers), (value) => value !== null);
  expect(await empty.get()).toBeNull();
  await Promise.resolve();
  expect(await empty.get()).toBe(2);
});
