// service: what one page costs the server, one request at a time, with no
// HTTP in between: the production build's request handler called in this
// process on a fresh demo database (the database in a process of its own).
// Used to measure each optimisation step; absolute times vary between runs
// and machines, so compare figures from the same run, or steps run back to
// back, never across days. `BENCH_PROFILE=dir`: this process's CPU profile.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { makeLearners, startBenchProvince } from "./lib/bench-province";

const PAGES = {
  "home (signed in)": "/",
  catalogue: "/courses",
  "course page": "/courses/chuyen-doi-so-nhan-thuc-chung",
  "lesson page": "/courses/chuyen-doi-so-nhan-thuc-chung/chuyen-doi-so-la-gi",
};
const WARM_UP = 50;
const MEASURED = 300;

export async function service() {
  const { stop } = await startBenchProvince("hoc-so-service");
  try {
    const [learner] = await makeLearners(1, { emailPrefix: "motluot" });
    // React picks its production build when first loaded: say so before the app's build loads it.
    process.env.NODE_ENV = "production";
    const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
    const handler = createRequestHandler(build, "production");
    const { runWithRequestContext } = await import("../app/utils/request-context.server");
    const profiler = process.env.BENCH_PROFILE ? new Session() : null;
    profiler?.connect();
    console.log("\n## service\n");
    console.log(`one request at a time, in-process, median of ${MEASURED} after ${WARM_UP}; ${new Date().toISOString()}\n`);
    console.log("| page | median ms | p90 ms | bytes |\n| --- | ---: | ---: | ---: |");
    for (const [name, page] of Object.entries(PAGES)) {
      const one = () =>
        runWithRequestContext({ requestId: "bench", responseCookies: [], cspNonce: "YmVuY2hiZW5jaGJlbmNoYg==" }, async () => {
          const response = await handler(new Request(`http://localhost${page}`, { headers: { cookie: learner!.cookie } }));
          if (response.status !== 200) throw new Error(`${page}: ${response.status}`);
          return (await response.arrayBuffer()).byteLength;
        });
      for (let i = 0; i < WARM_UP; i++) await one();
      if (profiler) await profiler.post("Profiler.enable").then(() => profiler.post("Profiler.start"));
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < MEASURED; i++) {
        const started = performance.now();
        bytes = await one();
        times.push(performance.now() - started);
      }
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        await writeFile(path.join(process.env.BENCH_PROFILE!, `service-${name.replace(/\W+/g, "-")}.cpuprofile`), JSON.stringify(profile));
      }
      times.sort((a, b) => a - b);
      console.log(`| ${name} | ${times[MEASURED / 2]!.toFixed(1)} | ${times[Math.floor(MEASURED * 0.9)]!.toFixed(1)} | ${bytes} |`);
    }
    profiler?.disconnect();
  } finally {
    await stop();
  }
}
