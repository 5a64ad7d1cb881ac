// throughput: requests per second and latency of the app's key pages under
// autocannon, each next to a bare `node:http` server measured in the same
// run on the same machine (issue 11). A ratio of the two is what can be
// compared between runs and machines; the absolute numbers cannot.
//
// The bare server and the app each run in a process of their own (one core
// each, as far as the machine allows); autocannon runs here, on the other.
// The bare server is measured first and last: the ratio uses their mean, and
// the spread between the two shows how noisy the run was.
import { spawn } from "node:child_process";
import type { EventEmitter } from "node:events";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";
import { findFreePort } from "../server/embedded-postgres";
import { makeLearners, startBenchProvince, type BenchLearner } from "./lib/bench-province";
import { summarise } from "./lib/bench-server";

const SLUG = "chuyen-doi-so-nhan-thuc-chung";
const LESSON = "chuyen-doi-so-la-gi";
const QUIZ = "kiem-tra-cuoi-khoa";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
/** Issue 11's targets, at 50 connections. */
const TARGET_SHARE = 0.08;
const TARGET_P99_MS = 50;

type Context = { learner?: BenchLearner; seq?: number; base?: string; measured?: boolean };
type Case = {
  name: string;
  /** One connection's round of requests; only those marked `measured` count. */
  requests: (autocannon.Request & { measured?: boolean })[];
  /** The status every measured answer must have. */
  expect: number;
  /** Whose page it is: each connection takes the next of these. */
  people?: BenchLearner[];
  target?: boolean;
};
type Row = { name: string; requestsPerSecond: number; p50: number; p99: number; unexpected: number; target?: boolean };

/** The smallest server Node can be: what every figure is compared with. */
async function startBareServer() {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    ["-e", `require("node:http").createServer((q, s) => { s.setHeader("content-type", "text/plain"); s.end("hello"); }).listen(${port}, "127.0.0.1", () => console.log("up"))`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))) };
}

async function run(baseUrl: string, test: Case, seconds: number): Promise<Row> {
  let next = 0;
  const samples: number[] = [];
  let unexpected = 0;
  const requests = test.requests.map((request) => ({
    ...request,
    setupRequest: (req: autocannon.Request, context: Context) => {
      context.learner ??= test.people?.[next++ % test.people.length];
      context.measured = request.measured ?? true;
      const prepared = typeof request.setupRequest === "function" ? request.setupRequest(req, context) : req;
      const cookie = context.learner?.cookie;
      return { ...prepared, headers: { ...prepared.headers, ...(cookie ? { cookie } : {}), origin: baseUrl } };
    },
  }));
  let finished: (result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve) => (finished = resolve));
  const started = performance.now();
  const instance = autocannon({ url: baseUrl, connections: CONNECTIONS, duration: seconds, requests, timeout: 30 }, (error, result) => {
    if (error) throw error;
    finished(result);
  });
  // The tracker emits the client first (autocannon's run.js); @types/autocannon leaves it out.
  (instance as unknown as EventEmitter).on("response", (client: { requestIterator?: { context?: Context } }, status: number, _bytes: number, ms: number) => {
    if (client.requestIterator?.context?.measured === false) return;
    samples.push(ms);
    if (status !== test.expect) unexpected++;
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  const figures = summarise(samples);
  return { name: test.name, requestsPerSecond: samples.length / elapsed, p50: figures.p50, p99: figures.p99, unexpected: unexpected + result.errors + result.timeouts, target: test.target };
}

const form = (fields: Record<string, string>) => ({
  method: "POST" as const,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

async function signInWithPassword(baseUrl: string, email: string): Promise<BenchLearner> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().join(";").match(/hocso_session=[a-z2-7]+/)?.[0];
  if (!cookie) throw new Error(`could not sign in as ${email} (${response.status})`);
  return { userId: "", email, cookie };
}

/** A quiz attempt under way for each learner: where its first question is. */
async function startAttempts(baseUrl: string, learners: BenchLearner[]) {
  return Promise.all(
    learners.map(async (learner) => {
      const response = await fetch(`${baseUrl}/courses/${SLUG}/quiz/${QUIZ}`, { ...form({}), redirect: "manual", headers: { ...form({}).headers, cookie: learner.cookie, origin: baseUrl } });
      const location = response.headers.get("location");
      if (response.status !== 302 || !location) throw new Error(`quiz start: ${response.status}`);
      return { ...learner, question: location };
    }),
  );
}

export async function throughput() {
  const bare = await startBareServer();
  const { server, stop } = await startBenchProvince("hoc-so-throughput");
  try {
    const learners = await makeLearners(CONNECTIONS, { emailPrefix: "thonglg" });
    const savers = await startAttempts(server.baseUrl, await makeLearners(CONNECTIONS, { emailPrefix: "luubai" }));
    const submitters = await makeLearners(CONNECTIONS, { emailPrefix: "nopbai" });
    const manager = await signInWithPassword(server.baseUrl, "quanly@lamdong.test");
    const bareCase: Case = { name: "bare node:http (hello)", requests: [{ method: "GET", path: "/" }], expect: 200 };
    const cases: Case[] = [
      // The app's HTTP layer alone (middleware, no Remix, no database): what every page pays before its own work.
      { name: "health check (/healthz)", requests: [{ method: "GET", path: "/healthz" }], expect: 200 },
      { name: "home (anonymous)", requests: [{ method: "GET", path: "/" }], expect: 200 },
      { name: "catalogue", requests: [{ method: "GET", path: "/courses" }], expect: 200, people: learners, target: true },
      { name: "course page", requests: [{ method: "GET", path: `/courses/${SLUG}` }], expect: 200, people: learners },
      { name: "lesson page", requests: [{ method: "GET", path: `/courses/${SLUG}/${LESSON}` }], expect: 200, people: learners, target: true },
      {
        name: "quiz: save an answer",
        people: savers,
        expect: 302,
        requests: [
          {
            ...form({}),
            setupRequest: (request, context: Context) => {
              const learner = context.learner as (typeof savers)[number];
              return { ...request, path: learner.question, ...form({ seq: String(context.seq ?? 0), answer: "1", go: "next" }) };
            },
            onResponse: (status, _body, context: Context) => {
              if (status === 302) context.seq = (context.seq ?? 0) + 1;
            },
          },
        ],
      },
      {
        // Each submit needs an attempt of its own: the start is made, not measured.
        name: "quiz: submit (after an unmeasured start)",
        people: submitters,
        expect: 302,
        requests: [
          {
            ...form({}),
            path: `/courses/${SLUG}/quiz/${QUIZ}`,
            measured: false,
            onResponse: (_status, _body, context: Context, headers) => {
              context.base = String(headers?.location ?? "").replace(/\/\d+$/, "");
            },
          },
          { ...form({ seq: "0" }), setupRequest: (request, context: Context) => ({ ...request, path: `${context.base}/review` }) },
        ],
      },
      { name: "HR dashboard (manager)", requests: [{ method: "GET", path: "/manage/reports" }], expect: 200, people: [manager] },
    ];

    const rows: Row[] = [];
    await run(bare.baseUrl, bareCase, WARM_UP_SECONDS);
    const bareFirst = await run(bare.baseUrl, bareCase, SECONDS);
    // BENCH_ONLY=lesson: only the cases whose name matches (while profiling one page).
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
    for (const test of cases.filter((test) => !only || only.test(test.name))) {
      // The first requests compile queries and fill caches: warm up, then measure.
      await run(server.baseUrl, test, WARM_UP_SECONDS);
      rows.push(await run(server.baseUrl, test, SECONDS));
    }
    const bareLast = await run(bare.baseUrl, bareCase, SECONDS);
    const bareRate = (bareFirst.requestsPerSecond + bareLast.requestsPerSecond) / 2;

    console.log(`\n## throughput\n`);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s of warm-up; ${os.cpus().length} cores; ${new Date().toISOString()}`);
    console.log(`bare server: ${Math.round(bareFirst.requestsPerSecond)} requests/s first, ${Math.round(bareLast.requestsPerSecond)} last (the ratios use the mean)\n`);
    console.log("| request | requests/s | p50 ms | p99 ms | share of bare | target (≥ 8 %, p99 ≤ 50 ms) | unexpected answers |");
    console.log("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
    for (const row of [{ ...bareFirst, name: `${bareFirst.name}, first` }, ...rows, { ...bareLast, name: `${bareLast.name}, last` }]) {
      const share = row.requestsPerSecond / bareRate;
      const target = row.target ? (share >= TARGET_SHARE && row.p99 <= TARGET_P99_MS ? "met" : "NOT met") : "";
      console.log(`| ${row.name} | ${Math.round(row.requestsPerSecond)} | ${row.p50} | ${row.p99} | ${(share * 100).toFixed(2)} % | ${target} | ${row.unexpected} |`);
    }
    if (rows.some((row) => row.unexpected > 0)) {
      console.log("\nSome answers were not what a browser would get (see the last column): the figures above do not measure the real pages.");
      process.exitCode = 1;
    }
  } finally {
    await stop();
    await bare.stop();
  }
}
