import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "~/utils/permissions";
import { makePerson, makeUnits, sessionCookieFor } from "./helpers/people";

// Every route in app/routes, as every role (anonymous included), allowed or
// denied as the table says. A route missing from the table fails the suite:
// adding a route means deciding who may use it (deny by default).
//
//   ok      the loader/action ran and answered (2xx data, or a redirect of its own)
//   login   sent to sign in
//   403     refused
//   home    sent home (the sign-in page, for someone already signed in)
//   400     allowed in, but the empty form was refused as bad input
//   404     nothing there
//   500     a crash: never expected, so it always fails

type Who = "anonymous" | Role;
type Outcome = "ok" | "login" | "403" | "home" | "400" | "404" | "500";
type Rule = { loader?: Record<Who, Outcome>; action?: Record<Who, Outcome> };

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  LEARNER: outcome,
  TRAINER: outcome,
  MANAGER: outcome,
  ADMIN: outcome,
});
const signedIn: Record<Who, Outcome> = { anonymous: "login", LEARNER: "ok", TRAINER: "ok", MANAGER: "ok", ADMIN: "ok" };
const adminOnly: Record<Who, Outcome> = { anonymous: "login", LEARNER: "403", TRAINER: "403", MANAGER: "403", ADMIN: "ok" };

// The studio: trainers and admins. A course that does not exist is a 404 for
// an admin; a trainer learns nothing (403), as for a course not theirs.
const studio: Record<Who, Outcome> = { anonymous: "login", LEARNER: "403", TRAINER: "ok", MANAGER: "403", ADMIN: "ok" };
const studioCourse: Record<Who, Outcome> = { ...studio, TRAINER: "403", ADMIN: "404" };
const signedInNotFound: Record<Who, Outcome> = { ...everyone("404"), anonymous: "login" };

const rules: Record<string, Rule> = {
  "$.tsx": { loader: everyone("404") },
  "_index.tsx": { loader: everyone("ok") },
  "language.tsx": { loader: everyone("home"), action: everyone("400") },
  "login.tsx": {
    loader: { ...everyone("home"), anonymous: "ok" },
    action: { ...everyone("home"), anonymous: "400" },
  },
  "logout.tsx": { loader: everyone("home"), action: everyone("home") },
  "account.sessions.tsx": {
    loader: signedIn,
    action: { anonymous: "login", LEARNER: "400", TRAINER: "400", MANAGER: "400", ADMIN: "400" },
  },
  "account.password.tsx": {
    loader: signedIn,
    action: { anonymous: "login", LEARNER: "400", TRAINER: "400", MANAGER: "400", ADMIN: "400" },
  },
  // The privacy notice is public; answering it needs a session (and a form).
  "privacy.tsx": { loader: everyone("ok"), action: { anonymous: "login", LEARNER: "400", TRAINER: "400", MANAGER: "400", ADMIN: "400" } },
  // One's own data only: the id comes from the session.
  "account.data[.json].tsx": { loader: signedIn },
  "manage.people.tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "admin.people.tsx": { loader: adminOnly },
  "admin.people_.$userId/route.tsx": { loader: { ...adminOnly, ADMIN: "404" }, action: { ...adminOnly, ADMIN: "404" } },
  "admin.people_.$userId_.anonymise.tsx": { loader: { ...adminOnly, ADMIN: "404" }, action: { ...adminOnly, ADMIN: "404" } },
  "admin.people_.import.tsx": { loader: adminOnly, action: { ...adminOnly, ADMIN: "400" } },
  "admin.units.tsx": { loader: adminOnly },
  "admin.units_.new.tsx": { loader: adminOnly, action: { ...adminOnly, ADMIN: "400" } },
  // No such unit: admins learn that (404); nobody else learns anything.
  "admin.units_.$unitId.tsx": { loader: { ...adminOnly, ADMIN: "404" }, action: { ...adminOnly, ADMIN: "404" } },
  "admin.audit.tsx": { loader: adminOnly },
  "admin.certificates.tsx": { loader: adminOnly, action: { ...adminOnly, ADMIN: "400" } },
  "admin.certificates_.template.tsx": { loader: adminOnly, action: { ...adminOnly, ADMIN: "400" } },
  "admin.certificates_.template.preview[.pdf].tsx": { action: { ...adminOnly, ADMIN: "400" } },
  "admin.certificates_.$code.reissue.tsx": { loader: { ...adminOnly, ADMIN: "404" }, action: { ...adminOnly, ADMIN: "404" } },
  "admin.competencies.tsx": { loader: adminOnly, action: { ...adminOnly, ADMIN: "400" } },
  "courses._index.tsx": { loader: signedIn },
  "courses.$slug._index.tsx": { loader: signedInNotFound, action: signedInNotFound },
  "courses.$slug.$itemKey.tsx": { loader: signedInNotFound, action: { ...everyone("400"), anonymous: "login" } },
  "learning.tsx": { loader: signedIn },
  "certificates.$code[.pdf].tsx": { loader: signedInNotFound },
  "certificates.$code[.jwt].tsx": { loader: signedInNotFound },
  "ob.issuer.tsx": { loader: everyone("ok") },
  "ob.jwks[.json].tsx": { loader: everyone("ok") },
  "ob.keys.$thumbprint.tsx": { loader: everyone("404") },
  "[.well-known].jwks[.json].tsx": { loader: everyone("ok") },
  "verify._index.tsx": { loader: everyone("ok") },
  // Public; an unknown code answers 404 with a page that says so.
  "verify.$code.tsx": { loader: everyone("404") },
  "courses.$slug.quiz.$itemKey._index.tsx": { loader: signedInNotFound, action: signedInNotFound },
  "courses.$slug.quiz.$itemKey.$attemptId.$number.tsx": { loader: signedInNotFound, action: signedInNotFound },
  "courses.$slug.quiz.$itemKey.$attemptId.review.tsx": { loader: signedInNotFound, action: signedInNotFound },
  "notifications.tsx": { loader: signedIn, action: signedIn },
  "manage.assignments._index.tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "manage.reports._index.tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "manage.reports.export[.csv].tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "manage.reports.export[.xlsx].tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "manage.reports.overdue.tsx": { loader: { ...adminOnly, MANAGER: "ok" } },
  "manage.reports.exports.tsx": { loader: { ...adminOnly, MANAGER: "ok" }, action: { ...adminOnly, MANAGER: "400", ADMIN: "400" } },
  // Someone else's file, or none: the same 404.
  "manage.reports.exports.$exportId.tsx": { loader: { ...adminOnly, MANAGER: "404", ADMIN: "404" } },
  // No such person (in scope): a 404 for those who may see reports.
  "manage.reports.people.$userId.tsx": { loader: { ...adminOnly, MANAGER: "404", ADMIN: "404" } },
  "manage.assignments.new.tsx": { loader: { ...adminOnly, MANAGER: "ok" }, action: { ...adminOnly, MANAGER: "400", ADMIN: "400" } },
  "manage.assignments.$assignmentId.tsx": { loader: { ...adminOnly, MANAGER: "404", ADMIN: "404" }, action: { ...adminOnly, MANAGER: "404", ADMIN: "404" } },
  "media.$file.tsx": { loader: signedInNotFound },
  "studio._index.tsx": { loader: studio },
  "studio.banks._index.tsx": { loader: studio, action: { ...studio, TRAINER: "400", ADMIN: "400" } },
  "studio.banks.$bankId.tsx": { loader: { ...studio, TRAINER: "404", ADMIN: "404" }, action: { ...studio, TRAINER: "404", ADMIN: "404" } },
  "studio.banks.$bankId_.export[.gift].tsx": { loader: { ...studio, TRAINER: "404", ADMIN: "404" } },
  "studio.new.tsx": { loader: studio, action: { ...studio, TRAINER: "400", ADMIN: "400" } },
  "studio.preview.tsx": { action: { ...studio, TRAINER: "400", ADMIN: "400" } },
  "studio.$courseId._index/route.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.items.$itemId/route.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.items.$itemId.autosave.tsx": { action: studioCourse },
  "studio.$courseId.items.$itemId_.settings.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.items.$itemId_.import.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.items.$itemId_.export[.gift].tsx": { loader: studioCourse },
  "studio.$courseId.quizzes.$itemKey._index.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.quizzes.$itemKey.$attemptId.tsx": { loader: studioCourse },
  "studio.$courseId.media.tsx": { action: studioCourse },
  "studio.$courseId.publish.tsx": { loader: studioCourse, action: studioCourse },
  "studio.$courseId.versions.tsx": { loader: studioCourse },
  "studio.$courseId.preview._index.tsx": { loader: studioCourse },
  "studio.$courseId.preview.$itemKey.tsx": { loader: studioCourse },
  "admin.outbox.tsx": { loader: adminOnly },
  "forgot-password.tsx": {
    loader: { ...everyone("home"), anonymous: "ok" },
    action: { ...everyone("home"), anonymous: "400" },
  },
  // The token in the URL is the key; a made-up one shows "no longer works".
  "reset-password.$token.tsx": { loader: everyone("ok"), action: everyone("400") },
};

// Route modules: files, and folders holding a route.tsx (shared STYLE rule 9).
const routeFiles = readdirSync(path.resolve("app/routes"), { withFileTypes: true }).flatMap((entry) => {
  if (entry.isDirectory()) return existsSync(path.resolve("app/routes", entry.name, "route.tsx")) ? [`${entry.name}/route.tsx`] : [];
  return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [entry.name] : [];
});

const who: Who[] = ["anonymous", "LEARNER", "TRAINER", "MANAGER", "ADMIN"];
const people = new Map<Role, string>();

beforeAll(async () => {
  await makeUnits();
  for (const role of who) {
    if (role !== "anonymous") people.set(role, (await makePerson({ email: `${role.toLowerCase()}@example.test`, role })).id);
  }
});

function outcomeOf(value: unknown): Outcome {
  if (!(value instanceof Response)) return "ok";
  const location = value.headers.get("Location") ?? "";
  if (value.status >= 300 && value.status < 400) {
    if (location.startsWith("/login")) return "login";
    return location === "/" ? "home" : "ok";
  }
  if (value.status === 403) return "403";
  if (value.status === 404) return "404";
  if (value.status === 400) return "400";
  // A crash is never a refusal: no rule expects "500".
  return value.status < 300 ? "ok" : value.status >= 500 ? "500" : "403";
}

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

async function call(handler: Handler, role: Who, method: "GET" | "POST") {
  // A fresh session every call: signing out (logout's action) ends one.
  const userId = role === "anonymous" ? undefined : people.get(role);
  const cookie = userId && role !== "anonymous" ? await sessionCookieFor(userId, role) : undefined;
  const request = new Request("http://localhost/some/path", {
    method,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? "" : undefined,
  });
  try {
    const result = await handler({ request, params: { "*": "some/path" }, context: {} });
    // `data(…, { status })` from an action: read its status like a Response.
    if (result && typeof result === "object" && "init" in result) {
      const init = result.init;
      const status = init && typeof init === "object" && "status" in init && typeof init.status === "number" ? init.status : 200;
      return outcomeOf(new Response(null, { status }));
    }
    return outcomeOf(result);
  } catch (thrown) {
    if (thrown instanceof Response) return outcomeOf(thrown);
    throw thrown;
  }
}

test("every route in app/routes has an access rule", () => {
  const missing = routeFiles.filter((file) => !rules[file]);
  expect(missing, "add these routes to the rules in tests/route-access.db.test.ts").toEqual([]);
  const stale = Object.keys(rules).filter((file) => !routeFiles.includes(file));
  expect(stale, "these rules name routes that no longer exist").toEqual([]);
});

describe.each(routeFiles)("%s", (file) => {
  test.each(who)("as %s", async (role) => {
    const route = (await import(`../app/routes/${file}`)) as { loader?: Handler; action?: Handler };
    const rule = rules[file];
    expect(rule, `no access rule for ${file}`).toBeDefined();
    // Exports and rules must match both ways: an action without a rule is a hole.
    expect(Boolean(route.loader), `${file}: loader rule vs export`).toBe(Boolean(rule?.loader));
    expect(Boolean(route.action), `${file}: action rule vs export`).toBe(Boolean(rule?.action));
    if (route.loader && rule?.loader) expect(await call(route.loader, role, "GET")).toBe(rule.loader[role]);
    if (route.action && rule?.action) expect(await call(route.action, role, "POST")).toBe(rule.action[role]);
  });
});
