import type { ServerBuild } from "@remix-run/node";
import { expect, test, vi } from "vitest";
import { getLogger } from "~/utils/logger.server";
import { withOutageAnswers } from "./outage";

// The wrapper the app process puts around the build (server/app.ts).

const unreachable = Object.assign(new Error("Invalid `prisma.user.findFirst()` invocation"), {
  name: "PrismaClientKnownRequestError",
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
const bug = new TypeError("Cannot read properties of undefined (reading 'id')");

type Module = Partial<ServerBuild["routes"][string]["module"]>;

function buildWith(modules: Record<string, Module>): ServerBuild {
  const routes = Object.fromEntries(Object.entries(modules).map(([id, module]) => [id, { id, path: id, module }]));
  return { routes } as unknown as ServerBuild;
}
const args = (method = "GET") => ({ request: new Request("http://localhost/learn", { method }), params: {}, context: {} });

test("a loader or action that meets the database away answers 503, Retry-After, in Vietnamese", async () => {
  const warn = vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
  const build = withOutageAnswers(
    buildWith({
      page: {
        loader: () => Promise.reject(unreachable),
        action: () => {
          throw unreachable;
        },
      },
    }),
  );
  const { loader, action } = build.routes.page!.module;
  for (const run of [() => loader!(args()), () => action!(args("POST"))]) {
    const thrown = await Promise.resolve()
      .then(run)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toBe("Học Số đang tạm thời không truy cập được dữ liệu. Những gì bạn đã lưu vẫn còn nguyên. Hãy thử lại sau ít phút.");
  }
  // Operators see each one, with the path and the cause.
  expect(warn).toHaveBeenCalledTimes(2);
  expect(warn).toHaveBeenCalledWith({ err: unreachable, path: "/learn" }, "database unavailable: answered 503");
  warn.mockRestore();
});

test("anything else goes on as it was: answers, thrown responses, other errors", async () => {
  const notFound = new Response("Không tìm thấy", { status: 404 });
  const build = withOutageAnswers(
    buildWith({
      fine: { loader: () => ({ ok: true }) },
      missing: {
        loader: () => {
          throw notFound;
        },
      },
      broken: { loader: () => Promise.reject(bug) },
      component: { default: () => null },
    }),
  );
  await expect(build.routes.fine!.module.loader!(args())).resolves.toEqual({ ok: true });
  await expect(build.routes.missing!.module.loader!(args())).rejects.toBe(notFound);
  await expect(build.routes.broken!.module.loader!(args())).rejects.toBe(bug);
  // A route with neither is left as it is; so are the build's other parts.
  expect(build.routes.component!.module.loader).toBeUndefined();
  expect(build.routes.component!.module.action).toBeUndefined();
});
