import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemoData } from "../prisma/seed";
import { findFreePort } from "../server/embedded-postgres";
import { assertFreshBuild } from "./helpers/build";
import { linksOf, postFormsOf, type FoundForm } from "./helpers/html-forms";
import { sessionCookieFor } from "./helpers/people";
import type { Role } from "~/utils/permissions";
import { DEMO_DOMAIN } from "../prisma/demo-data/people";
import { createNotifications } from "~/models/notification.server";
import { insertResetToken } from "~/models/password-reset.server";
import { findUserForSignIn } from "~/models/user.server";
import { generateSessionToken, sessionIdFromToken } from "~/utils/session.server";

// Bad input never crashes the server and never changes anything (issue 10).
//
// The production build runs on the demo data. As each role, a crawler walks
// the pages and collects every form that posts; then each form's action is
// sent malformed versions of that form — fields missing, of the wrong type,
// a megabyte long, in broken UTF-8, repeated, under the wrong content type,
// a 10 MB body — as its own role and as every other. Every answer must be
// below 500, and every refusal (4xx) must leave the database exactly as it
// was. Actions the crawl cannot reach (ones only JavaScript posts to) are
// given their fields by hand below, and a test fails if an action is missed.

beforeAll(assertFreshBuild);

// The newcomer has not yet accepted the privacy notice: every page sends them to it.
type Who = "anonymous" | "newcomer" | Role;
const ROLES: { who: Who; email?: string }[] = [
  { who: "newcomer", email: `moi@${DEMO_DOMAIN}` },
  { who: "LEARNER", email: `hocvien@${DEMO_DOMAIN}` },
  { who: "TRAINER", email: `giangvien@${DEMO_DOMAIN}` },
  { who: "MANAGER", email: `quanly@${DEMO_DOMAIN}` },
  { who: "ADMIN", email: `quantri@${DEMO_DOMAIN}` },
  { who: "anonymous" },
];

// Rows these keep for every request, whatever its fate: sessions slide,
// write and sign-in counters count.
const BOOKKEEPING = new Set(["session", "write_rate", "login_throttle"]);

let server: ChildProcess | undefined;
let origin = "";
let database: pg.Client;
let fingerprintSql = "";
const userIds = new Map<Who, string>();
let routes: AgnosticRouteObject[] = [];
let routesWithAction = new Set<string>();

beforeAll(async () => {
  await seedDemoData();
  for (const { who, email } of ROLES) {
    if (!email) continue;
    const user = await findUserForSignIn(email);
    if (!user) throw new Error(`no demo account ${email}`);
    userIds.set(who, user.id);
  }

  // The route table of the build under test, to name the action each form reaches.
  // By path at run time: the build does not exist when the code is typechecked.
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as {
    routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: { action?: unknown } }>;
  };
  const nest = (parentId: string | undefined): AgnosticRouteObject[] =>
    Object.values(build.routes)
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, path: route.path, index: true }
          : { id: route.id, path: route.path, children: nest(route.id) },
      );
  routes = nest(undefined);
  routesWithAction = new Set(Object.values(build.routes).filter((route) => route.module.action).map((route) => route.id));

  database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const tables = await database.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  // A row inserted or updated carries a newer xmin; one deleted lowers the count.
  fingerprintSql = tables.rows
    .filter(({ name }) => !BOOKKEEPING.has(name))
    .map(({ name }) => `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${name}"`)
    .join(" UNION ALL ");

  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["build/main.js", "serve"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      WRITE_LIMIT_PER_MINUTE: "100000",
      WRITE_LIMIT_PER_ADDRESS_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const ready = await fetch(`${origin}/readyz`).catch(() => null);
    if (ready?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server never became ready");
}, 180_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await database?.end();
});

async function fingerprint(): Promise<Map<string, string>> {
  const { rows } = await database.query<{ t: string; f: string }>(fingerprintSql);
  return new Map(rows.map((row) => [row.t, row.f]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>) {
  return [...after].filter(([table, value]) => before.get(table) !== value).map(([table]) => table);
}

async function cookieFor(who: Who) {
  const userId = userIds.get(who);
  if (!userId || who === "anonymous") return undefined;
  return sessionCookieFor(userId, who === "newcomer" ? "LEARNER" : who);
}

/** The route a GET of this URL renders, or (`post`) whose action a POST reaches. */
function routeIdOf(url: string, { post = false } = {}): string | undefined {
  const { pathname, searchParams } = new URL(url);
  const matches = matchRoutes(routes, pathname) ?? [];
  const leaf = matches.at(-1)?.route;
  // A POST to a path with both a layout and an index reaches the index only with ?index.
  if (post && leaf?.index && !searchParams.has("index") && matches.length > 1) return matches.at(-2)?.route.id;
  return leaf?.id;
}

// Downloads, media and signing out are not pages to walk.
const SKIP = /\.(pdf|csv|xlsx|gift|jwt|json|png|jpe?g|webp|gif)$|^\/(logout|media\/|assets\/)/;

/** The pages `who` reaches by links from these, and the post forms on them. */
async function crawl(who: Who, starts: string[]) {
  const cookie = await cookieFor(who);
  const queue = [...starts];
  const seen = new Set(queue);
  const perRoute = new Map<string, number>();
  const forms: FoundForm[] = [];
  const pages: string[] = [];
  while (queue.length && seen.size < 600) {
    const url = queue.shift() ?? "";
    const response = await fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
    if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) continue;
    const html = await response.text();
    pages.push(url);
    forms.push(...postFormsOf(html, url));
    for (const link of linksOf(html, url)) {
      const { pathname } = new URL(link);
      if (seen.has(link) || SKIP.test(pathname)) continue;
      // A few pages of each kind are enough: the 200th person's page has the same forms.
      const routeId = routeIdOf(link) ?? pathname;
      if ((perRoute.get(routeId) ?? 0) >= 6) continue;
      perRoute.set(routeId, (perRoute.get(routeId) ?? 0) + 1);
      seen.add(link);
      queue.push(link);
    }
  }
  return { forms, pages };
}

/**
 * What the crawl alone would not find: pages that need a state first (an
 * unread notice, a second session, a quiz under way, a reset link) and the
 * actions only JavaScript posts to (autosave, preview, marking a lesson read).
 */
async function prepare(who: Who): Promise<string[]> {
  const starts = [`${origin}/`];
  const userId = userIds.get(who);
  if (who === "newcomer") return [`${origin}/privacy`];
  if (!userId || who === "anonymous") {
    const user = await findUserForSignIn(`hocvien@${DEMO_DOMAIN}`);
    const token = generateSessionToken();
    await insertResetToken({ id: sessionIdFromToken(token), userId: user?.id ?? "", expiresAt: new Date(Date.now() + 3_600_000) });
    return [...starts, `${origin}/reset-password/${token}`];
  }
  await createNotifications([{ userId, kind: "ASSIGNED", dedupeKey: `fuzz-${userId}`, params: { course: "—" }, link: "/learning" }]);
  await cookieFor(who); // a second session, to end from the sessions page
  if (who === "LEARNER") {
    const started = await fetch(`${origin}/courses/chuyen-doi-so-nhan-thuc-chung/quiz/kiem-tra-cuoi-khoa?index`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: origin, Cookie: (await cookieFor(who)) ?? "", "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const question = started.headers.get("location");
    if (!question) throw new Error(`the demo learner could not start the quiz (${started.status})`);
    starts.push(new URL(question, origin).href, new URL(question.replace(/\/\d+$/, "/review"), origin).href);
  }
  if (who === "TRAINER") {
    // Regrading is offered only once a newer version exists; the form is plain.
    const quiz = (
      await database.query<{ course_id: string; key: string }>(
        "SELECT i.course_id, i.key FROM course_item i JOIN course_trainer t ON t.course_id = i.course_id WHERE i.kind = 'QUIZ' AND t.user_id = $1 LIMIT 1",
        [userId],
      )
    ).rows[0];
    if (quiz) extraForms.set(who, [{ action: `${origin}/studio/${quiz.course_id}/quizzes/${quiz.key}?index`, multipart: false, fields: [["intent", "regrade"]], files: [] }]);
  }
  if (who === "ADMIN") {
    const code = (await database.query<{ code: string }>("SELECT code FROM certificate LIMIT 1")).rows[0]?.code;
    if (code) starts.push(`${origin}/admin/certificates?code=${code}`);
  }
  return starts;
}

const extraForms = new Map<Who, FoundForm[]>();

function scriptedForms(who: Who, pages: string[]): FoundForm[] {
  const forms: FoundForm[] = [...(extraForms.get(who) ?? [])];
  const lesson = pages.find((page) => routeIdOf(page) === "routes/courses.$slug.$itemKey");
  if (lesson) forms.push({ action: lesson, multipart: false, fields: [["intent", "complete"], ["auto", "1"]], files: [] });
  const item = pages.find((page) => routeIdOf(page) === "routes/studio.$courseId.items.$itemId");
  if (item) {
    forms.push({ action: `${item}/autosave`, multipart: false, fields: [["title", "Bài"], ["minutes", "5"], ["body", "Nội dung"], ["revision", "1"]], files: [] });
    forms.push({ action: `${origin}/studio/preview`, multipart: false, fields: [["kind", "LESSON"], ["body", "# Xem trước"]], files: [] });
  }
  return forms;
}

type Body = { contentType?: string; body: string | Uint8Array<ArrayBuffer> | FormData };
/** `bad`: no form of ours could be sent like this; `maybe`: bad for most forms (a form of only optional fields may take it). */
type Mutation = { name: string; kind: "bad" | "maybe"; make: (form: FoundForm) => Body | null };

const MEGABYTE = "ạ".repeat(350_000); // 3 bytes each in UTF-8: just over 1 MB.
const intentLike = (name: string) => name === "intent" || name === "_action";
const urlencoded = (fields: [string, string][]): Body => ({
  contentType: "application/x-www-form-urlencoded",
  body: new URLSearchParams(fields).toString(),
});
const asMultipart = (fields: [string, string][]): Body => {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return { body };
};
/** The form's own encoding, with these fields. */
const encode = (form: FoundForm, fields: [string, string][]) => (form.multipart ? asMultipart(fields) : urlencoded(fields));
const keepIntent = (form: FoundForm) => form.fields.filter(([name]) => intentLike(name));

// Each is bad input: a form that is incomplete, or complete but malformed.
const mutations: Mutation[] = [
  { name: "empty body", kind: "bad", make: (form) => encode(form, []) },
  { name: "every field but the intent missing", kind: "maybe", make: (form) => encode(form, [...keepIntent(form), ["unknown", "1"]]) },
  {
    name: "every field of the wrong type",
    kind: "bad",
    make: (form) => encode(form, form.fields.map(([name, value]) => [name, intentLike(name) ? value : "{\"$ne\":null}\u0000-1e309"])),
  },
  {
    name: "every field repeated with another value",
    kind: "maybe",
    make: (form) => encode(form, [...keepIntent(form), ...form.fields.filter(([name]) => !intentLike(name)).flatMap(([name]): [string, string][] => [[name, "x"], [name, "-1"]])]),
  },
  {
    name: "fields named like objects",
    kind: "maybe",
    make: (form) => encode(form, [...keepIntent(form), ["__proto__[admin]", "1"], ["constructor.prototype.x", "1"], ...form.fields.filter(([name]) => !intentLike(name)).map(([name]): [string, string] => [`${name}[0]`, "1"])]),
  },
  {
    name: "every field in broken UTF-8",
    kind: "bad",
    make: (form) => {
      const text = form.fields.map(([name, value]) => `${encodeURIComponent(name)}=${intentLike(name) ? encodeURIComponent(value) : "\u0000"}`).join("&");
      const bytes = Buffer.concat([Buffer.from(text.replaceAll("\u0000", "")), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80])]);
      return { contentType: "application/x-www-form-urlencoded", body: new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
    },
  },
  {
    name: "percent-encoded broken UTF-8 in every field",
    kind: "bad",
    make: (form) => ({
      contentType: "application/x-www-form-urlencoded",
      body: form.fields.map(([name, value]) => `${encodeURIComponent(name)}=${intentLike(name) ? encodeURIComponent(value) : "%FF%C3%28%ED%A0%80"}`).join("&"),
    }),
  },
  { name: "the form as JSON", kind: "bad", make: (form) => ({ contentType: "application/json", body: JSON.stringify(Object.fromEntries(form.fields)) }) },
  { name: "the form as text/plain", kind: "bad", make: (form) => ({ contentType: "text/plain", body: form.fields.map(([name, value]) => `${name}=${value}`).join("\n") }) },
  { name: "no content type", kind: "bad", make: (form) => ({ body: new URLSearchParams(form.fields).toString() }) },
  { name: "multipart without a boundary", kind: "bad", make: (form) => ({ contentType: "multipart/form-data", body: new URLSearchParams(form.fields).toString() }) },
  {
    name: "multipart cut off half-way",
    kind: "bad",
    make: (form) => ({
      contentType: "multipart/form-data; boundary=XyZ",
      body: `--XyZ\r\nContent-Disposition: form-data; name="${form.fields[0]?.[0] ?? "x"}"\r\n\r\nhalf a val`,
    }),
  },
  { name: "a 10 MB body", kind: "bad", make: (form) => encode(form, [...keepIntent(form), ["padding", "x".repeat(10 * 1024 * 1024)]]) },
];

/** One field at a time a megabyte long: the others as the page gave them. */
const megabyteMutations = (form: FoundForm): Mutation[] =>
  form.fields.map(([field]) => ({
    name: `“${field}” a megabyte long`,
    kind: "maybe",
    make: (form) => encode(form, form.fields.map(([name, value]) => [name, name === field ? MEGABYTE : value])),
  }));

type Result = { form: string; multipart: boolean; fieldCount: number; mutation: Mutation; who: Who; status: number; error?: string; changed: string[] };

let last: Map<string, string> | undefined;

/**
 * A POST over a plain socket: the server may answer (413) before the body is
 * all sent and close the connection; the answer still counts, where fetch
 * would only report a broken pipe.
 */
async function post(url: string, headers: Record<string, string>, made: Body): Promise<{ status: number; error?: string }> {
  // FormData and strings: let the platform encode them (multipart boundary included).
  const encoded = new Request(url, { method: "POST", body: made.body, headers: made.contentType ? { "Content-Type": made.contentType } : {} });
  const bytes = Buffer.from(await encoded.arrayBuffer());
  const contentType = made.contentType ?? (made.body instanceof FormData ? encoded.headers.get("content-type") : null);
  return new Promise((resolve) => {
    // A connection of its own (one the server had just closed would fail for
    // the test's sake), kept alive as a browser's is: so the server reads and
    // drops the rest of a body it refused, and the answer arrives.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const done = (result: { status: number; error?: string }) => {
      agent.destroy();
      resolve(result);
    };
    const request = http.request(url, {
      agent,
      method: "POST",
      headers: { ...headers, ...(contentType ? { "Content-Type": contentType } : {}), "Content-Length": String(bytes.length) },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      response.resume();
      response.on("end", () => done({ status: response.statusCode ?? 0 }));
      response.on("error", (error) => done({ status: 599, error: error.message }));
    });
    // After an answer, a write the server no longer reads may fail: that is not an error of the server.
    request.on("error", (error) => {
      if (!answered) done({ status: 599, error: error.message });
    });
    request.end(bytes);
  });
}

const LESSON_PAGE = /^\/courses\/[^/]+\/[^/]+$/;

/** Tables a GET of the page changes now (a lesson records where the learner is). */
async function changedByReading(url: string, who: Who) {
  const page = new URL(url);
  page.searchParams.delete("index");
  const cookie = await cookieFor(who);
  const before = await fingerprint();
  await fetch(page, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} }).then((response) => response.arrayBuffer());
  last = await fingerprint();
  return changedTables(before, last);
}

async function send(form: FoundForm, mutation: Mutation, who: Who): Promise<Result | null> {
  const made = mutation.make(form);
  if (!made) return null;
  const cookie = await cookieFor(who);
  // A lesson page records the visit, at most once a minute: read it first,
  // so that the page a no-JavaScript post is answered with records none.
  if (LESSON_PAGE.test(new URL(form.action).pathname)) await changedByReading(form.action, who);
  const before = last ?? (await fingerprint());
  const { status, error } = await post(form.action, { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) }, made);
  last = await fingerprint();
  let changed = changedTables(before, last);
  // A no-JavaScript post is answered with the page, whose loader may record
  // the visit: what merely reading the page changes does not count.
  if (changed.length) {
    const reading = await changedByReading(form.action, who);
    changed = changed.filter((table) => !reading.includes(table));
  }
  const action = new URL(form.action);
  const intent = form.fields.filter(([name]) => intentLike(name)).map(([, value]) => value).join("");
  return { form: `${action.pathname}${action.search} ${intent}`.trim(), multipart: form.multipart, fieldCount: form.fields.filter(([name]) => !intentLike(name)).length, mutation, who, status, error, changed };
}

const describe = (result: Result) =>
  `${result.status} ${result.who} ${result.form} — ${result.mutation.name}${result.error ? ` (${result.error})` : ""}${result.changed.length ? ` [changed ${result.changed.join(", ")}]` : ""}`;

test("a write that does not say how long it is (a chunked stream) is refused: it could not be held to the ceiling", async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(`${origin}/login`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.write("email=a%40b.vn&");
    request.end("password=x");
  });
  expect(status).toBe(411);
});

test("malformed posts to every action, as every role: never a 500, and a refusal changes nothing", async () => {
  // Forms, each kept once (by its action and field names), with the least powerful role that finds it.
  const found = new Map<string, { form: FoundForm; who: Who }>();
  for (const { who } of ROLES) {
    const { forms, pages } = await crawl(who, await prepare(who));
    for (const form of [...forms, ...scriptedForms(who, pages)]) {
      const key = `${routeIdOf(form.action, { post: true })} ${form.fields.map(([name, value]) => (intentLike(name) ? `${name}=${value}` : name)).sort().join(",")}`;
      if (!found.has(key)) found.set(key, { form, who });
    }
  }

  const reached = new Set([...found.values()].map(({ form }) => routeIdOf(form.action, { post: true })));
  const missed = [...routesWithAction].filter((id) => !reached.has(id));
  expect(missed, "actions no crawled form posts to: give them fields in the list above").toEqual([]);

  const results: Result[] = [];
  for (const { form, who: finder } of found.values()) {
    for (const { who } of ROLES) {
      const own = who === finder;
      const set = own ? [...mutations, ...megabyteMutations(form)] : mutations.slice(0, 4);
      for (const mutation of set) {
        const result = await send(form, mutation, who);
        if (result) results.push(result);
      }
    }
  }

  if (process.env.FUZZ_DEBUG) (await import("node:fs")).writeFileSync("/tmp/fuzz-results.txt", results.map(describe).join("\n"));
  // Over 499 (599: the connection broke) is a crash, whatever was sent.
  expect(results.filter((result) => result.status >= 500).map(describe), "no malformed post may crash the server").toEqual([]);
  expect(results.filter((result) => result.status >= 400 && result.changed.length).map(describe), "a refused post must change nothing").toEqual([]);
  // A form of no fields but its intent (sign out, mark all read, start the quiz) has nothing else to get wrong.
  const taken = results.filter((result) => result.mutation.kind === "bad" && result.status < 400 && result.changed.length && result.fieldCount > 0);
  expect(taken.map(describe), "bad input that was taken in and changed data").toEqual([]);
  // A form's body past the ceiling is refused before it is read, with its own
  // answer. (An upload form may carry 10 MB — two images — and answers it on its page.)
  const tenMegabytes = results.filter((result) => result.mutation.name === "a 10 MB body" && !result.multipart);
  expect(tenMegabytes.length).toBeGreaterThan(50);
  expect(tenMegabytes.filter((result) => result.status !== 413).map(describe)).toEqual([]);
  console.log(`fuzz: ${found.size} forms, ${results.length} posts`);
}, 900_000);
