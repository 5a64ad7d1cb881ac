import { expect, test } from "vitest";
import { getLogger, getRequestId } from "./logger.server";
import { runWithRequestContext } from "./request-context.server";

test("every logger taken while serving a request carries that request's id", async () => {
  expect(getRequestId()).toBeUndefined();
  expect(getLogger().bindings()).not.toHaveProperty("requestId");
  await runWithRequestContext({ requestId: "req-1", responseCookies: [] }, async () => {
    // Across awaits too, as in a loader that queries the database.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getLogger().bindings()).toMatchObject({ requestId: "req-1" });
  });
  await Promise.all(
    ["a", "b"].map((requestId) =>
      runWithRequestContext({ requestId, responseCookies: [] }, async () => {
        await new Promise((resolve) => setTimeout(resolve, requestId === "a" ? 10 : 1));
        expect(getRequestId()).toBe(requestId);
      }),
    ),
  );
});
