// `npm run bench:quiz`: many learners on one quiz at once, through HTTP,
// against the production build on a fresh demo database.
//
// 1. Taking the quiz: N learners at the same time, each starting the quiz,
//    opening each question, thinking (a random pause, 5–15 s by default),
//    saving the answer, and at the end submitting, as a browser does.
// 2. A burst: N other learners, their answers already saved, all press
//    "Nộp bài" in the same instant (the end of a timed exam in a hall).
//
// Prints the latency of saves, pages and submits (p50, p95, p99, max) and
// checks the database afterwards: every attempt graded once. Needs a build.
//
//   npm run bench:quiz                               # 200 learners, 5–15 s per question
//   npm run bench:quiz -- --learners 50 --think 2
import os from "node:os";
import { performance } from "node:perf_hooks";
import { makeLearners, startBenchProvince } from "./lib/bench-province";
import { summarise } from "./lib/bench-server";

const SLUG = "chuyen-doi-so-nhan-thuc-chung";
const QUIZ = "kiem-tra-cuoi-khoa";
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const learners = option("learners", 200);
/** Mean seconds a learner spends on a question; each pause is drawn from ±50 % of it. */
const thinkSeconds = option("think", 10);
const think = () => new Promise((resolve) => setTimeout(resolve, thinkSeconds * 1000 * (0.5 + Math.random())));

async function main() {
  const { server, stop } = await startBenchProvince("hoc-so-bench");
  try {
    const people = await makeLearners(2 * learners + 20, { emailPrefix: "dokiemtra" });
    const { prisma } = await import("../app/utils/db.server");

    const post = async (cookie: string, url: string, body: Record<string, string>) => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${url}`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie, origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
      });
      await response.arrayBuffer();
      return { ms: performance.now() - started, status: response.status, location: response.headers.get("location") ?? "" };
    };
    const get = async (cookie: string, url: string) => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${url}`, { headers: { cookie } });
      await response.arrayBuffer();
      return { ms: performance.now() - started, status: response.status };
    };

    const saves: number[] = [];
    const pages: number[] = [];
    const errors: string[] = [];
    const submits: number[] = [];
    /** One learner's whole quiz, pausing `pause()` on each question; submits at the end when asked to. */
    const takeQuiz = async ({ cookie }: { cookie: string }, { pause, submit }: { pause: () => Promise<unknown>; submit: boolean }) => {
      const start = await post(cookie, `/courses/${SLUG}/quiz/${QUIZ}`, {});
      if (start.status !== 302) throw new Error(`start: ${start.status}`);
      const base = start.location.replace(/\/1$/, "");
      let seq = 0;
      for (let number = 1; ; number++) {
        const page = await get(cookie, `${base}/${number}`);
        pages.push(page.ms);
        if (page.status !== 200) break;
        await pause();
        const saved = await post(cookie, `${base}/${number}`, { seq: String(seq), answer: String(number % 3), go: "next" });
        saves.push(saved.ms);
        if (saved.status !== 302) errors.push(`save ${saved.status}`);
        seq++;
        if (saved.location.endsWith("/review")) break;
      }
      if (submit) {
        pages.push((await get(cookie, `${base}/review`)).ms);
        await pause();
        const submitted = await post(cookie, `${base}/review`, { seq: String(seq) });
        if (submitted.status !== 302) errors.push(`submit ${submitted.status}`);
        submits.push(submitted.ms);
      }
      return { base, seq };
    };
    const noPause = async () => undefined;
    const takers = people.slice(0, learners);
    const burst = people.slice(learners, 2 * learners);

    // Warm up (the first requests compile and fill caches), then measure.
    await Promise.all(people.slice(2 * learners).map((person) => takeQuiz(person, { pause: noPause, submit: true })));
    // The burst's learners answer first, unmeasured.
    const ready = await Promise.all(burst.map((person) => takeQuiz(person, { pause: noPause, submit: false })));
    saves.length = 0;
    pages.length = 0;
    submits.length = 0;

    const answeringStarted = performance.now();
    // They do not all start in the same second either.
    await Promise.all(takers.map(async (person) => (await think(), takeQuiz(person, { pause: think, submit: true }))));
    const answeringSeconds = (performance.now() - answeringStarted) / 1000;
    const requests = saves.length + pages.length + submits.length;

    // The burst: everyone presses "Nộp bài" at the same moment.
    const burstSubmits = await Promise.all(
      ready.map(async ({ base, seq }, index) => {
        const submitted = await post(burst[index]!.cookie, `${base}/review`, { seq: String(seq) });
        if (submitted.status !== 302) errors.push(`burst submit ${submitted.status}`);
        return submitted.ms;
      }),
    );

    const graded = await prisma.quizAttempt.count({ where: { state: "SUBMITTED", enrolment: { userId: { in: [...takers, ...burst].map((person) => person.userId) } } } });
    const rows = [
      ["save (POST)", summarise(saves)],
      ["next page (GET)", summarise(pages)],
      ["submit (POST)", summarise(submits)],
      [`burst: ${learners} submits in the same instant`, summarise(burstSubmits)],
    ] as const;
    console.log(`\nquiz: ${learners} learners at once, ${thinkSeconds} s per question on average, ${os.cpus().length} cores, ${new Date().toISOString()}`);
    console.log(`taking the quiz: ${answeringSeconds.toFixed(1)} s, ${requests} requests, ${Math.round(requests / answeringSeconds)} requests/s`);
    console.log("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
    for (const [name, figures] of rows) console.log(`| ${name} | ${figures.count} | ${figures.p50} | ${figures.p95} | ${figures.p99} | ${figures.max} |`);
    console.log(`graded attempts: ${graded} of ${2 * learners}; errors: ${errors.length ? errors.join(", ") : "none"}`);
    if (graded !== 2 * learners || errors.length) process.exitCode = 1;
  } finally {
    await stop();
  }
}

await main();
