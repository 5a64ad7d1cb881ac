// `npm run load`: many learners at once for minutes, under autocannon,
// against the production build on a fresh demo database (issue 10).
//
// Each autocannon connection is one learner, signed in. A learner goes
// round: the catalogue, a lesson, starts the final quiz, opens its first
// question, saves an answer, goes to the summary and submits — and every
// ten rounds signs in again with their password (a new day). Each learner
// makes one request a second (autocannon's slowest per-connection rate), far
// busier than a person reading; 200 learners make 200 requests a second,
// spread over the second as people's would be (they join in small waves,
// each at its own moment, each at its own point of the cycle).
//
// Prints latency (p50, p95, p99, max) over every request and by kind, the
// answers by status, and the server's memory sampled every 10 s. Fails
// (exit 1) on any error, any answer ≥ 400, p95 over 300 ms, or memory that
// is still growing once the server is warm: the last minute's average more
// than a tenth above the minute after warm-up. (Warm-up, the first minute or
// third of the run: the heap sizes itself, code is compiled, the caches of
// published versions, lesson HTML and routes fill. Comparing with it would
// compare with a server that has not yet served anything.)
//
//   npm run load                                   # 200 learners, 300 s
//   npm run load -- --learners 50 --seconds 60
//   npm run load -- --processes 2                  # learners shared between two web processes
import { readdirSync, readFileSync } from "node:fs";
import type { EventEmitter } from "node:events";
import type { IncomingHttpHeaders } from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { makeLearners, startBenchProvince } from "./lib/bench-province";
import { startServer, summarise } from "./lib/bench-server";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const learners = option("learners", 200);
const seconds = option("seconds", 300);
const ROUNDS = 10;
const WAVE_SIZE = option("wave-size", 5);
const RAMP = option("ramp", 10);
const PROCESSES = option("processes", 1);
const PASSWORD = "mat-khau-do-tai-2026";
const SLUG = "chuyen-doi-so-nhan-thuc-chung";
const LESSON = "chuyen-doi-so-la-gi";
const QUIZ = "kiem-tra-cuoi-khoa";

type Kind = "sign in" | "catalogue" | "lesson" | "start quiz" | "question" | "save answer" | "submit";
type Context = { cookie?: string; email?: string; question?: string; kind?: Kind };
type Step = autocannon.Request & { kind: Kind };

/**
 * CPU time (user and system, ms) a process has used so far; with
 * `children`, also that of its ended children it waited for.
 */
function cpuMilliseconds(pid: number | string, { children = false } = {}) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime, stime (then cutime, cstime), in clock ticks (100 a second on Linux).
  const indices = children ? [11, 12, 13, 14] : [11, 12];
  return indices.reduce((ticks, index) => ticks + (Number(fields[index]) || 0), 0) * 10;
}

/**
 * CPU time every PostgreSQL process on the machine has used so far, its
 * ended backends included (only the load's own database runs during it).
 */
function databaseCpuMilliseconds() {
  let sum = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") sum += cpuMilliseconds(entry, { children: true });
    } catch {
      // The process ended while being read.
    }
  }
  return sum;
}

function residentMegabytes(pid: number) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : 0;
}

async function main() {
  const { server, stop, databaseUrl } = await startBenchProvince("hoc-so-load");
  const others = await Promise.all(Array.from({ length: PROCESSES - 1 }, () => startServer(databaseUrl, { demo: false })));
  const servers = [server, ...others];
  try {
    // Each connection is one of these people, already signed in (earlier
    // that day); they sign in again with their password every ten rounds.
    const people = await makeLearners(learners, { emailPrefix: "tai", password: PASSWORD });
    let nextLearner = 0;
    const become = (context: Context) => {
      if (context.email) return;
      const person = people[nextLearner++ % people.length];
      context.email = person?.email;
      context.cookie = person?.cookie;
    };
    // Each server checks that a form comes from its own origin.
    const withCookie = (context: Context, request: autocannon.Request, origin: string) => {
      become(context);
      return { ...request, headers: { ...request.headers, cookie: context.cookie ?? "", origin } };
    };
    const form = (fields: Record<string, string>) => ({
      method: "POST" as const,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    const signInTo = (origin: string): Step => ({
      kind: "sign in",
      method: "POST",
      path: "/login",
      setupRequest: (request, context: Context) => {
        context.kind = "sign in";
        become(context);
        return { ...request, ...form({ email: context.email ?? "", password: PASSWORD, redirectTo: "/learning" }), headers: { ...form({}).headers, origin } };
      },
      onResponse: (_status, _body, context: Context, headers) => {
        const setCookie = [headers?.["set-cookie"] ?? []].flat().join(";");
        context.cookie = setCookie.match(/hocso_session=[a-z2-7]+/)?.[0] ?? context.cookie;
      },
    });
    const steps: Step[] = [
      { kind: "catalogue", method: "GET", path: "/courses" },
      { kind: "lesson", method: "GET", path: `/courses/${SLUG}/${LESSON}` },
      {
        kind: "start quiz",
        path: `/courses/${SLUG}/quiz/${QUIZ}?index`,
        ...form({}),
        onResponse: (_status: number, _body: string, context: Context, headers?: IncomingHttpHeaders) => {
          const location = [headers?.location ?? ""].flat()[0] ?? "";
          context.question = location || undefined;
        },
      },
      { kind: "question", method: "GET", path: "/" },
      { kind: "save answer", path: "/", ...form({ seq: "0", answer: "1", go: "summary" }) },
      { kind: "submit", path: "/", ...form({ seq: "1" }) },
    ];
    const roundTo = (origin: string) => steps.map((step): Step => ({
      ...step,
      setupRequest: (request, context: Context) => {
        context.kind = step.kind;
        // The question page, the save and the submit follow the attempt just started.
        const question = context.question ?? `/courses/${SLUG}/quiz/${QUIZ}`;
        const pathFor: Partial<Record<Kind, string>> = { question, "save answer": question, submit: question.replace(/\/\d+$/, "/review") };
        return withCookie(context, { ...request, path: pathFor[step.kind] ?? request.path }, origin);
      },
    }));
    // The cycle: a sign-in, then ten rounds. Each wave starts it at another
    // slot, so that sign-ins (argon2, slow on purpose) come evenly over time
    // instead of all the learners' together every cycle.
    const requestsFor = (wave: number, origin: string) => {
      const slots = [[signInTo(origin)], ...Array.from({ length: ROUNDS }, () => roundTo(origin))];
      return [...slots.slice(wave % slots.length), ...slots.slice(0, wave % slots.length)].flat();
    };

    // Every answer's time, by kind: autocannon's own histogram keeps 2xx only (our posts redirect).
    const times = new Map<Kind | "all", number[]>([["all", []]]);
    const statuses = new Map<number, number>();
    const memory: number[] = [];
    const rss = () => servers.reduce((sum, one) => sum + residentMegabytes(one.pid), 0);
    const cpu = () => servers.reduce((sum, one) => sum + cpuMilliseconds(one.pid), 0);
    // The servers' CPU per answer, once all learners have joined and the
    // server is warm: the figure to compare between builds (latency depends
    // on how busy the shared machine is; CPU per answer much less).
    // The database's and this load generator's too: on this machine all
    // three share the same cores.
    const loadCpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
    let counted = null as { cpu: number; database: number; load: number; answers: number } | null;
    const countFrom = setTimeout(
      () => (counted = { cpu: cpu(), database: databaseCpuMilliseconds(), load: loadCpu(), answers: times.get("all")?.length ?? 0 }),
      Math.min(30, seconds / 2) * 1000,
    );
    const sampler = setInterval(() => memory.push(rss()), 10_000);
    memory.push(rss());

    // autocannon paces each connection at one request a second on a timer
    // started with the connection, so connections made together fire
    // together, and would sign in again together every ten rounds. People
    // do not: the learners come in waves of WAVE_SIZE over the first RAMP
    // seconds, each wave at its own point of the second, so that requests
    // spread evenly over each second.
    const started = performance.now();
    const waves = Math.ceil(learners / WAVE_SIZE);
    const groups = Array.from({ length: waves }, (_, wave) => Math.min(WAVE_SIZE, learners - wave * WAVE_SIZE));
    const startAt = (wave: number) => (wave * 1000) / waves + 1000 * Math.floor((wave * RAMP) / waves);
    const runs = groups.map(async (connections, wave) => {
      await new Promise((resolve) => setTimeout(resolve, startAt(wave)));
      const url = servers[wave % servers.length]!.baseUrl;
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          { url, connections, connectionRate: 1, duration: seconds, requests: requestsFor(wave, url), timeout: 30 },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        // The tracker emits the client first (autocannon's run.js); @types/autocannon leaves it out.
        (instance as unknown as EventEmitter).on("response", (client: { requestIterator?: { context?: Context } }, status: number, _bytes: number, ms: number) => {
          const kind = client.requestIterator?.context?.kind;
          times.get("all")?.push(ms);
          if (kind) {
            const samples = times.get(kind) ?? [];
            samples.push(ms);
            times.set(kind, samples);
          }
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
      });
    });
    const results = await Promise.all(runs);
    const result = { errors: results.reduce((sum, one) => sum + one.errors, 0), timeouts: results.reduce((sum, one) => sum + one.timeouts, 0) };
    clearInterval(sampler);
    clearTimeout(countFrom);
    const answersCounted = Math.max(1, (times.get("all")?.length ?? 0) - (counted?.answers ?? 0));
    const cpuPerAnswer = counted ? (cpu() - counted.cpu) / answersCounted : NaN;
    const databasePerAnswer = counted ? (databaseCpuMilliseconds() - counted.database) / answersCounted : NaN;
    const loadPerAnswer = counted ? (loadCpu() - counted.load) / answersCounted : NaN;
    memory.push(rss());
    const elapsed = (performance.now() - started) / 1000;

    const all = summarise(times.get("all") ?? []);
    console.log(`\nload: ${learners} learners, 1 request/s each, joining over ${RAMP} s in waves of ${WAVE_SIZE}, ${seconds} s, ${os.cpus().length} cores, ${new Date().toISOString()}`);
    console.log(`${all.count} requests in ${elapsed.toFixed(0)} s (${Math.round(all.count / elapsed)} requests/s); errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
    for (const [kind, samples] of times) {
      const figures = summarise(samples);
      console.log(`| ${kind} | ${figures.count} | ${figures.p50} | ${figures.p95} | ${figures.p99} | ${figures.max} |`);
    }
    console.log(`server CPU per answer after the first ${Math.min(30, seconds / 2)} s: ${cpuPerAnswer.toFixed(2)} ms`);
    console.log(`database CPU per answer: ${databasePerAnswer.toFixed(2)} ms; load generator: ${loadPerAnswer.toFixed(2)} ms`);
    console.log(`answers by status: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(", ")}`);
    // memory[k] was sampled k × 10 s after the start (the last one at the end).
    const perMinute = 6;
    const warmUp = Math.min(perMinute, Math.floor(seconds / 30));
    const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const warm = average(memory.slice(warmUp + 1, warmUp + 1 + perMinute));
    const lastMinute = average(memory.slice(-perMinute));
    console.log(`server memory (RSS, MB, every 10 s): ${memory.map((value) => value.toFixed(0)).join(" ")}`);
    console.log(`warm (the minute after the first ${warmUp * 10} s) ${warm.toFixed(0)} MB, last minute ${lastMinute.toFixed(0)} MB (${lastMinute >= warm ? "+" : ""}${((lastMinute / warm - 1) * 100).toFixed(1)} %)`);

    const failures = [
      result.errors + result.timeouts > 0 && `${result.errors + result.timeouts} connection errors or timeouts`,
      [...statuses].some(([status]) => status >= 400) && "answers of 400 or more",
      all.p95 > 300 && `p95 ${all.p95} ms > 300 ms`,
      lastMinute > warm * 1.1 && "memory still growing once warm (more than 10 %)",
    ].filter(Boolean);
    if (failures.length) {
      console.log(`FAILED: ${failures.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(others.map((one) => one.stop()));
    await stop();
  }
}

await main();
