// Lighthouse (12.2.3, its default mobile preset: a mid-range phone on a slow
// 4G line, simulated) on the pages learners and managers use most:
//   npm run build && npm run lighthouse [-- --runs 3] [-- --json out.json]
// Runs the production build on a fresh demo database, signs in with
// Playwright to get each role's session cookie, and gives it to Lighthouse.
// Scores are noisy on a shared machine, so each page is run `--runs` times
// and the median kept; the figures go to docs/benchmarks.md by hand. The
// byte budgets that must never slip are tests (e2e/budgets.spec.ts).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { launchChromium, signIn, startDemoServer } from "./lib/demo-server";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "3" }, json: { type: "string" } } });
const runs = Math.max(1, Number(options.runs) || 1);

type Target = { name: string; path: string; as?: string; startQuiz?: boolean };
const targets: Target[] = [
  { name: "home (anonymous)", path: "/" },
  { name: "catalogue", path: "/courses", as: "hocvien@lamdong.test" },
  { name: "lesson", path: "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao", as: "hocvien@lamdong.test" },
  // The question page of an attempt started here (its address holds the attempt).
  { name: "quiz question", path: "/courses/an-toan-thong-tin-cho-can-bo/quiz/kiem-tra-cuoi-khoa", as: "hocvien@lamdong.test", startQuiz: true },
  { name: "learner dashboard", path: "/learning", as: "hocvien@lamdong.test" },
  { name: "HR dashboard (reports)", path: "/manage/reports", as: "quanly@lamdong.test" },
];
const categories = ["performance", "accessibility", "best-practices"] as const;
const goals: Record<(typeof categories)[number], number> = { performance: 95, accessibility: 100, "best-practices": 95 };

const { baseUrl, stop } = await startDemoServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic"],
});

// failing: audit id → what it measured, in the runs where it scored below 90.
type Row = { name: string; url: string; scores: Record<string, number[]>; failing: Map<string, string[]> };
const rows: Row[] = [];
try {
  const cookies = new Map<string, string>();
  const browser = await launchChromium();
  const addresses = new Map<Target, string>();
  for (const target of targets) {
    if (!target.as) {
      addresses.set(target, target.path);
      continue;
    }
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    if (!cookies.has(target.as)) {
      await signIn(page, baseUrl, target.as);
      const jar = await context.cookies();
      cookies.set(target.as, jar.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "));
    } else {
      await context.addCookies(cookies.get(target.as)!.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name: name!, value: value.join("="), url: baseUrl };
      }));
    }
    await page.goto(`${baseUrl}${target.path}`);
    if (target.startQuiz) {
      const before = page.url();
      await page.getByRole("button", { name: /Bắt đầu làm bài|Làm tiếp/ }).click();
      await page.waitForURL((url) => url.href !== before);
    }
    addresses.set(target, new URL(page.url()).pathname);
    await context.close();
  }
  await browser.close();

  for (const target of targets) {
    const url = `${baseUrl}${addresses.get(target)}`;
    const row: Row = { name: target.name, url: addresses.get(target)!, scores: {}, failing: new Map() };
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...categories],
        extraHeaders: target.as ? { Cookie: cookies.get(target.as)! } : undefined,
      });
      if (!result) throw new Error(`Lighthouse gave nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      for (const category of categories) {
        (row.scores[category] ??= []).push(Math.round((lhr.categories[category]?.score ?? 0) * 100));
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
            row.failing.set(audit.id, [...(row.failing.get(audit.id) ?? []), String(audit.displayValue ?? Math.round(audit.score * 100))]);
          }
        }
      }
    }
    rows.push(row);
    console.error(`${target.name}: ${categories.map((c) => `${c} ${row.scores[c]!.join("/")}`).join(", ")}`);
  }
} finally {
  await chrome.kill();
  await stop();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`\n| page | performance | accessibility | best practices | runs |\n| --- | ---: | ---: | ---: | ---: |`);
for (const row of rows) console.log(`| ${row.name} | ${categories.map((c) => median(row.scores[c]!)).join(" | ")} | ${runs} |`);
const below = rows.flatMap((row) => categories.filter((c) => median(row.scores[c]!) < goals[c]).map((c) => `${row.name}: ${c} ${median(row.scores[c]!)} < ${goals[c]}`));
for (const row of rows) {
  const audits = [...row.failing].map(([id, values]) => `${id} (${values.join(", ")}; in ${values.length} of ${runs} runs)`);
  if (audits.length) console.log(`\n${row.name} — audits below 90: ${audits.join("; ")}`);
}
if (options.json) writeFileSync(options.json, JSON.stringify(rows.map((row) => ({ ...row, failing: Object.fromEntries(row.failing) })), null, 2));
if (below.length) {
  console.log(`\nBelow the goals (performance ≥ 95, accessibility 100, best practices ≥ 95):\n${below.join("\n")}`);
  process.exitCode = 1;
}
