// `npm run bench:reports`: the HR completion report on the benchmark
// province (`npm run bench:seed` first: 50,000 people, ~1,000,000
// enrolments), through HTTP against the production build, one request at a
// time, as an HR officer clicks:
//
//   1. the province-wide dashboard (an administrator, today's figures);
//   2. one unit's drill-down (a random office: its figures and its people);
//   3. a department manager's dashboard (their subtree only);
//   4. rebuilding the summaries from scratch (today's, and one closed month);
//   5. how long after a learner's completion the dashboard shows it;
//   6. the overdue list (first page), and the province's detailed file
//      (every requirement, CSV and .xlsx) as the background job writes it.
//
// Prints p50/p95/p99/max per page. Needs a build (`npm run build`).
//
//   npm run bench:reports                    # 200 requests per page
//   npm run bench:reports -- --requests 50
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { benchServer } from "./lib/bench-database";
import { startServer, summarise } from "./lib/bench-server";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const REQUESTS = option("requests", 200);
/** `--pages-only`: skip the rebuilds, the completion check and the detailed files. */
const PAGES_ONLY = process.argv.includes("--pages-only");

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function main() {
  if (!existsSync("build/main.js")) throw new Error("No production build: run `npm run build` first.");
  const database = await benchServer();
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("../app/utils/db.server");
  const people = await prisma.user.count().catch(() => 0);
  if (people < 1000) throw new Error("The benchmark province is missing: run `npm run bench:seed` first.");
  const { upsertPerson } = await import("../app/models/user.server");
  const { createSession } = await import("../app/utils/session.server");
  const { recordPrivacyConsent } = await import("../app/models/privacy-consent.server");
  const { PRIVACY_NOTICE_VERSION } = await import("../app/utils/privacy");
  const { markItemDone } = await import("../app/models/enrolment.server");
  const { buildMonth, rebuildCompletionSummary } = await import("../app/models/completion-report.server");
  const { dayOf } = await import("../app/utils/format");

  // An administrator (the whole province) and a manager of one department.
  const department = await prisma.orgUnit.findFirstOrThrow({ select: { id: true, code: true }, where: { code: "DO-01" } });
  const signIn = async (email: string, role: "ADMIN" | "MANAGER") => {
    const user = await upsertPerson({
      email, fullName: role === "ADMIN" ? "Quản Trị Đo" : "Quản Lý Đo", staffCategory: "CONG_CHUC", unitCode: department.code,
      since: new Date("2024-01-01"), passwordHash: null, roles: [{ role, ...(role === "MANAGER" ? { scopeUnitCode: department.code } : {}) }],
    });
    // Past the privacy notice, as anyone who has signed in before.
    await recordPrivacyConsent({ userId: user.id, noticeVersion: PRIVACY_NOTICE_VERSION });
    const session = await createSession({ userId: user.id, isAdmin: role === "ADMIN", userAgent: "bench", ipAddress: "127.0.0.1" });
    return `hocso_session=${session.token}`;
  };
  const admin = await signIn("quantri@do.hocso.test", "ADMIN");
  const manager = await signIn("quanly@do.hocso.test", "MANAGER");
  const offices = (await prisma.orgUnit.findMany({ select: { id: true }, where: { kind: "OFFICE" } })).map((unit) => unit.id);

  const server = await startServer(database.url, { demo: false });
  try {
    const get = async (cookie: string, path: string) => {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return text;
    };
    const closedMonths = await prisma.completionMonthBuild.count();
    const first = await timed(() => get(admin, "/manage/reports"));
    console.log(`first dashboard load: ${first.ms.toFixed(0)} ms (${closedMonths ? "closed months already frozen" : "froze the 11 closed months of the trend"})`);
    for (let index = 0; index < 20; index++) await get(admin, "/manage/reports");

    const samples = async (path: () => string, cookie: string) => {
      const times: number[] = [];
      for (let index = 0; index < REQUESTS; index++) times.push((await timed(() => get(cookie, path()))).ms);
      return summarise(times);
    };
    const pick = () => offices[Math.floor(Math.random() * offices.length)]!;
    const rows: [string, ReturnType<typeof summarise>][] = [
      ["province-wide dashboard (administrator)", await samples(() => "/manage/reports", admin)],
      ["one unit's drill-down (random office, with its people)", await samples(() => `/manage/reports?unit=${pick()}`, admin)],
      ["a department manager's dashboard (their subtree)", await samples(() => "/manage/reports", manager)],
      ["the province's overdue list (first page of 50)", await samples(() => "/manage/reports/overdue", admin)],
    ];

    if (PAGES_ONLY) {
      console.log("| page | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|");
      for (const [label, figures] of rows) console.log(`| ${label} | ${figures.p50} | ${figures.p95} | ${figures.p99} | ${figures.max} |`);
      return;
    }
    // Rebuilding from scratch, three times each; the slowest counts.
    const rebuilds: number[] = [];
    for (let index = 0; index < 3; index++) rebuilds.push((await timed(() => rebuildCompletionSummary())).ms);
    const today = dayOf(new Date());
    const lastMonthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
    const months: number[] = [];
    for (let index = 0; index < 3; index++) months.push((await timed(() => buildMonth(lastMonthEnd, { rebuild: true }))).ms);

    // A completion, then the dashboard until it shows: read the province's
    // "done" from the CSV export of the same page.
    const provinceDone = async () => {
      const csv = await get(admin, "/manage/reports/export.csv");
      const line = csv.split("\r\n").find((row) => row.startsWith("DO,"));
      return Number(line?.split(",")[3]);
    };
    const learners = await prisma.$queryRaw<{ user_id: string; enrolment_id: string }[]>`
      SELECT DISTINCT ON (e.user_id) e.user_id::text, e.id::text AS enrolment_id
        FROM enrolment e JOIN assignment a ON a.course_id = e.course_id
        JOIN person_assignment pa ON pa.assignment_id = a.id AND pa.user_id = e.user_id AND pa.ended_on IS NULL AND pa.done_on IS NULL
       WHERE e.status = 'IN_PROGRESS' LIMIT 20`;
    const visible: number[] = [];
    for (const learner of learners) {
      const before = await provinceDone();
      const started = performance.now();
      const outcome = await markItemDone({ userId: learner.user_id, enrolmentId: learner.enrolment_id, itemKey: "b" });
      if (outcome.status !== "completed") throw new Error(`completion: ${outcome.status}`);
      while ((await provinceDone()) <= before) {
        if (performance.now() - started > 10_000) throw new Error("the completion did not show within 10 s");
      }
      visible.push(performance.now() - started);
    }

    // The province's detailed file, as the job writes it (in this process, not the server's).
    const { createReportExport } = await import("../app/models/report-export.server");
    const { runReportExport } = await import("../app/services/report-export.server");
    const adminUser = await prisma.user.findFirstOrThrow({ select: { id: true }, where: { email: "quantri@do.hocso.test" } });
    const files: string[] = [];
    for (const format of ["csv", "xlsx"] as const) {
      const exportId = await createReportExport({ requestedById: adminUser.id, format, query: "", scopeUnitIds: null, locale: "vi", expiresAt: new Date(Date.now() + 3600_000) });
      const written = await timed(() => runReportExport({ exportId }));
      const row = await prisma.reportExport.findUniqueOrThrow({ select: { rowCount: true, byteSize: true }, where: { id: exportId } });
      files.push(`${format}: ${row.rowCount} rows, ${(Number(row.byteSize) / 1e6).toFixed(1)} MB in ${(written.ms / 1000).toFixed(1)} s`);
    }

    const counts = await prisma.$queryRaw<{ people: number; enrolments: number; requirements: number }[]>`
      SELECT (SELECT count(*) FROM app_user)::int AS people, (SELECT count(*) FROM enrolment)::int AS enrolments,
             (SELECT count(*) FROM person_assignment)::int AS requirements`;
    console.log(`\nprovince: ${JSON.stringify(counts[0])}; ${REQUESTS} requests per page, one at a time, over HTTP (server rendering included)\n`);
    console.log("| page | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|");
    for (const [label, figures] of rows) console.log(`| ${label} | ${figures.p50} | ${figures.p95} | ${figures.p99} | ${figures.max} |`);
    const slowest = (values: number[]) => Math.max(...values).toFixed(0);
    console.log(`\nrebuild today's figures from scratch (hoc_so_rebuild_completion_summary): slowest of 3 ${slowest(rebuilds)} ms`);
    console.log(`rebuild one closed month (buildMonth, rebuild): slowest of 3 ${slowest(months)} ms`);
    const shown = summarise(visible);
    console.log(`completion → shown on the dashboard (${visible.length} learners): p50 ${shown.p50} ms, max ${shown.max} ms`);
    console.log(`the province's detailed file (background job): ${files.join("; ")}`);
  } finally {
    await server.stop();
    await prisma.$disconnect();
    await database.stop();
  }
}

await main();
