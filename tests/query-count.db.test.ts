import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemoData } from "../prisma/seed";
import { DEMO_DOMAIN } from "../prisma/demo-data/people";
import { findUserForSignIn } from "~/models/user.server";
import { assertFreshBuild } from "./helpers/build";
import { sessionCookieFor } from "./helpers/people";
import { startProductionServer, type ProductionServer } from "./helpers/production-server";

// How many SQL statements each key page sends, read from the Server-Timing
// header the production server adds with SERVER_TIMING=true
// (app/utils/query-count.server.ts). Each page is held to its number: a
// statement more is a choice to make on purpose (raise the number here and
// say why in the commit), and a query inside a loop shows up as a page whose
// number grows with the data.

const SLUG = "chuyen-doi-so-nhan-thuc-chung";
const LESSON = "chuyen-doi-so-la-gi";
const QUIZ = "kiem-tra-cuoi-khoa";

/**
 * Statements per page, for a signed-in person: one finds the session, the
 * person, their roles and unread notices together (app/models/session.server.ts).
 */
const BUDGET = {
  "home (anonymous)": 0, // the unit counts are kept a minute (app/utils/remember.server.ts)
  "home (learner)": 1,
  // Session; the courses with this person's enrolments; the competency
  // framework for the filter (one statement, app/models/competency.server.ts).
  catalogue: 3,
  // A published version's content and its lessons' stored HTML are read
  // once per process (app/models/version-content.server.ts,
  // app/services/lesson-html.server.ts): they never change.
  "course page": 3,
  // Session; the course with the person's enrolment and its progress
  // (app/models/enrolment.server.ts). The lesson's HTML is in
  // memory after the first visit; the second visit within a minute writes
  // no "last seen" again.
  "lesson page": 2,
  "learner dashboard": 10,
  "HR dashboard": 12,
  // The write counted; session; the course with the enrolment and its
  // progress; the attempts so far; the attempt made in one statement (and,
  // for a timed quiz, the person's extra time).
  "quiz: start": 5,
  "quiz: question page": 2,
  "quiz: save an answer": 4,
  // The write counted; session; the attempt (the guard); the grade written
  // if nothing changed since that read (app/models/quiz-attempt.server.ts).
  // A pass adds a transaction: the quiz done, the course completed.
  "quiz: submit": 4,
};

let server: ProductionServer;
const cookies = new Map<string, string>();

beforeAll(async () => {
  assertFreshBuild();
  await seedDemoData();
  for (const [who, role] of [["hocvien", "LEARNER"], ["quanly", "MANAGER"]] as const) {
    const user = await findUserForSignIn(`${who}@${DEMO_DOMAIN}`);
    if (!user) throw new Error(`no demo account ${who}`);
    cookies.set(who, await sessionCookieFor(user.id, role));
  }
  server = await startProductionServer({ SERVER_TIMING: "true", WRITE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000" });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** The page's answer and the statements it sent. */
async function visit(who: string | null, path: string, form?: Record<string, string>) {
  const response = await fetch(`${server.origin}${path}`, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      ...(who ? { cookie: cookies.get(who)! } : {}),
      ...(form ? { origin: server.origin, "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  await response.arrayBuffer();
  const timing = response.headers.get("server-timing") ?? "";
  const queries = Number(timing.match(/db;desc="(\d+) queries"/)?.[1] ?? NaN);
  return { status: response.status, location: response.headers.get("location") ?? "", queries };
}

test("each key page sends no more SQL statements than its budget", async () => {
  // Twice each: the first visit of a process may do one-off work (a cache filled).
  const pages: [string, string | null, string][] = [
    ["home (anonymous)", null, "/"],
    ["home (learner)", "hocvien", "/"],
    ["catalogue", "hocvien", "/courses"],
    ["course page", "hocvien", `/courses/${SLUG}`],
    ["lesson page", "hocvien", `/courses/${SLUG}/${LESSON}`],
    ["learner dashboard", "hocvien", "/learning"],
    ["HR dashboard", "quanly", "/manage/reports"],
  ];
  const counts: Record<string, number> = {};
  for (const [name, who, path] of pages) {
    await visit(who, path);
    const { status, queries } = await visit(who, path);
    expect(status, name).toBe(200);
    counts[name] = queries;
  }
  const start = await visit("hocvien", `/courses/${SLUG}/quiz/${QUIZ}`, {});
  expect(start.status).toBe(302);
  counts["quiz: start"] = start.queries;
  const question = await visit("hocvien", start.location);
  expect(question.status).toBe(200);
  counts["quiz: question page"] = question.queries;
  const save = await visit("hocvien", start.location, { seq: "0", answer: "1", go: "summary" });
  expect(save.status).toBe(302);
  counts["quiz: save an answer"] = save.queries;
  const submit = await visit("hocvien", start.location.replace(/\/\d+$/, "/review"), { seq: "1" });
  expect(submit.status).toBe(302);
  counts["quiz: submit"] = submit.queries;
  expect(counts).toEqual(BUDGET);
}, 120_000);
