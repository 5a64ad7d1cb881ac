import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import { expect, test } from "vitest";

// patches/README.md: on the server the router flattens a route tree once,
// builds each pattern's regular expression once and keeps its recent
// answers; Remix makes its rendering routes once per build, and React
// Router converts them once. The production server's speed depends on the
// patches being applied at install.

// The server's copy, as Node loads it (Vite would hand this file the browser's).
const require = createRequire(import.meta.url);
const { matchRoutes } = require("@remix-run/router") as { matchRoutes: typeof MatchRoutes };

test("the patch is applied to the router the server loads (CommonJS), not to the browser's (ESM)", () => {
  const cjs = require.resolve("@remix-run/router");
  expect(cjs).toMatch(/router\.cjs\.js$/);
  const server = readFileSync(cjs, "utf8");
  expect(server).toContain("const compiledPaths = new Map();");
  expect(server).toContain("rankedBranches.set(routes, branches)");
  expect(server).toContain("const matchedPaths = new WeakMap();");
  // The pages' JavaScript stays as published (and within its byte budget).
  expect(readFileSync(cjs.replace(/router\.cjs\.js$/, "router.js"), "utf8")).not.toContain("compiledPaths");
});

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "courses", path: "courses", children: [{ id: "catalogue", index: true }, { id: "course", path: ":slug" }, { id: "lesson", path: ":slug/:itemKey" }] },
      { id: "quiz", path: "courses/:slug/quiz/:itemKey/:attemptId/:number" },
      { id: "review", path: "courses/:slug/quiz/:itemKey/:attemptId/review" },
      { id: "exact", path: "courses/new" },
      { id: "media", path: "media/*" },
      { id: "case", path: "Verify/:code", caseSensitive: true },
    ],
  },
];

const answer = (path: string) => matchRoutes(routes, path)?.map((match) => [match.route.id, match.params, match.pathname]) ?? null;

test("matching gives the same answers the first time and every time after, ranked as before", () => {
  const paths = [
    "/",
    "/courses",
    "/courses/",
    "/courses/new",
    "/courses/an-toan",
    "/courses/an-toan/bai-1",
    "/COURSES/an-toan/bai-1",
    "/courses/an-toan/quiz/cuoi-khoa/0199/3",
    "/courses/an-toan/quiz/cuoi-khoa/0199/review",
    "/media/a/b.png",
    "/Verify/ABC",
    "/verify/ABC",
    "/nowhere/at/all",
  ];
  const first = paths.map(answer);
  for (let round = 0; round < 3; round++) expect(paths.map(answer)).toEqual(first);
  expect(answer("/courses/new")?.at(-1)?.[0]).toBe("exact");
  expect(answer("/courses/an-toan/bai-1")?.at(-1)).toEqual(["lesson", { slug: "an-toan", itemKey: "bai-1" }, "/courses/an-toan/bai-1"]);
  expect(answer("/COURSES/an-toan/bai-1")?.at(-1)?.[0]).toBe("lesson");
  expect(answer("/courses/an-toan/quiz/cuoi-khoa/0199/review")?.at(-1)?.[0]).toBe("review");
  expect(answer("/media/a/b.png")?.at(-1)?.[1]).toEqual({ "*": "a/b.png" });
  expect(answer("/Verify/ABC")?.at(-1)?.[0]).toBe("case");
  expect(answer("/verify/ABC")).toBeNull();
  expect(answer("/nowhere/at/all")).toBeNull();
});

test("a route tree made anew (as each page render makes one) is matched on its own routes", () => {
  const copy = structuredClone(routes);
  const match = matchRoutes(copy, "/courses/an-toan")?.at(-1);
  expect(match?.route).toBe(copy[0]!.children![1]!.children![1]);
});

test("a remembered answer is a copy: changing what one caller got changes nothing for the next", () => {
  const first = matchRoutes(routes, "/courses/an-toan/bai-1")!;
  (first.at(-1)!.params as Record<string, string>).slug = "changed";
  first.pop();
  const again = matchRoutes(routes, "/courses/an-toan/bai-1")!;
  expect(again.at(-1)?.params).toEqual({ slug: "an-toan", itemKey: "bai-1" });
  expect(again.map((match) => match.route.id)).toEqual(["root", "courses", "lesson"]);
  // The same route objects: a page's components are found on them.
  expect(again.at(-1)?.route).toBe(routes[0]!.children![1]!.children![2]);
});

test("answers stay right past the memory's bound (thousands of attempt ids)", () => {
  for (let index = 0; index < 2500; index++) {
    const match = matchRoutes(routes, `/courses/k/quiz/q/attempt-${index}/2`)?.at(-1);
    expect(match?.params.attemptId).toBe(`attempt-${index}`);
  }
  expect(answer("/courses/an-toan/bai-1")?.at(-1)?.[0]).toBe("lesson");
});

test("React Router converts one route tree to data routes once, and another tree on its own", () => {
  const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
  const context = { basename: "/", location: { pathname: "/", search: "", hash: "", state: null, key: "default" }, matches: [], loaderData: {}, actionData: null, errors: null, statusCode: 200, loaderHeaders: {}, actionHeaders: {}, activeDeferreds: null };
  const tree = [{ id: "root", path: "/", children: [{ id: "home", index: true }] }];
  const one = createStaticRouter(tree, context as never);
  const two = createStaticRouter(tree, context as never);
  expect(two.routes).toBe(one.routes);
  expect(one.routes[0]?.id).toBe("root");
  expect(createStaticRouter(structuredClone(tree), context as never).routes).not.toBe(one.routes);
});

test("Remix makes the routes it renders once per build, not per request", () => {
  const remixServer = readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8");
  expect(remixServer).toContain("let routes$1 = serverRoutesOf(context);");
  expect(remixServer).toContain("sameModules(cached.routeModules, context.routeModules)");
});
