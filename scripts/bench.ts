// `npm run bench`: the project's own measurements (docs/benchmarks.md says
// how to read them). Needs a build (`npm run build`). Timings on a shared
// 2-core machine are noisy, so each figure is either a size (exact) or a
// ratio measured side by side in the same run, never an absolute time.
//
// lesson-js: the JavaScript a lesson page makes the browser download, and
// what rendering markdown in the browser would add to it (react-markdown,
// remark-gfm, rehype-sanitize, bundled and minified as Vite would).
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Page } from "@playwright/test";
import { service } from "./bench-service";
import { throughput } from "./bench-throughput";
import { launchChromium, signIn, startDemoServer } from "./lib/demo-server";

type ScriptLoad = { url: string; encoded: number; decoded: number };

/**
 * Every script the page loads, unpacked and gzipped as our server sends
 * them (compression's default level). The page routes every request, which
 * turns the browser cache off: each page counts all it needs.
 */
async function scriptsOf(page: Page, url: string): Promise<ScriptLoad[]> {
  const loads: Promise<ScriptLoad>[] = [];
  const listener = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() !== "script") return;
    loads.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        return { url: new URL(response.url()).pathname, encoded: gzipSync(body).length, decoded: body.length };
      })(),
    );
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", listener);
  return Promise.all(loads);
}

async function markdownParserCost() {
  const result = await build({
    stdin: {
      contents: `import Markdown from "react-markdown"; import remarkGfm from "remark-gfm"; import rehypeSanitize from "rehype-sanitize"; export { Markdown, remarkGfm, rehypeSanitize };`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    // React is on every page already: only what the parser adds counts.
    external: ["react", "react/jsx-runtime"],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const code = result.outputFiles[0]!.contents;
  return { raw: code.length, gzip: gzipSync(code).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** certificate-pdf: time to make one certificate PDF (median of 30, after 3 to warm up). */
async function certificatePdf() {
  const { renderCertificatePdf } = await import("~/services/certificate-pdf.server");
  const certificate = {
    id: "bench", code: "7KQ2M9XH4T", enrolmentId: "bench", userId: "bench",
    holderName: "Nguyễn Thị Hồng Nhung", unitName: "Phòng Chuyển đổi số", courseTitle: "Chuyển đổi số: nhận thức chung",
    minutes: 90, completedOn: new Date("2026-11-20T00:00:00Z"), issuerName: "Sở Khoa học và Công nghệ tỉnh Lâm Đồng",
    signerName: "Trần Văn Bình", signerTitle: "Giám đốc", issuedAt: new Date("2026-11-20T08:15:00Z"),
    expiresOn: null, revokedAt: null, revokeReason: null, templateId: null,
  };
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 33; i++) {
    const started = performance.now();
    size = (await renderCertificatePdf(certificate, "https://hocso.example/verify/7KQ2M9XH4T")).length;
    if (i >= 3) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log("\n## certificate-pdf\n");
  console.log(`one A4 certificate: median ${times[15]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms, ${kb(size)}`);
}

/** lesson-js: the scripts each page makes the browser load (see the header). */
async function lessonJs() {
  const { baseUrl, stop } = await startDemoServer();
  try {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.route("**", (route) => route.continue());
    await signIn(page, baseUrl, "hocvien@lamdong.test");
    const pages = {
      "lesson page": "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao",
      "catalogue": "/courses",
      "home page": "/",
    };
    console.log("\n## lesson-js\n");
    console.log("| page | scripts | on the wire (gzip) | unpacked |");
    console.log("| --- | ---: | ---: | ---: |");
    for (const [name, path] of Object.entries(pages)) {
      const scripts = await scriptsOf(page, `${baseUrl}${path}`);
      const encoded = scripts.reduce((sum, script) => sum + script.encoded, 0);
      const decoded = scripts.reduce((sum, script) => sum + script.decoded, 0);
      console.log(`| ${name} | ${scripts.length} | ${kb(encoded)} | ${kb(decoded)} |`);
      if (name === "lesson page") {
        const parserShipped = scripts.some((script) => /micromark|remark|rehype|mdast|hast/i.test(script.url));
        console.log(`|  (markdown parser among the lesson page's scripts: ${parserShipped ? "YES" : "no"}) | | | |`);
      }
    }
    const parser = await markdownParserCost();
    console.log(`| markdown parser, if it ran in the browser (extra) | — | ${kb(parser.gzip)} | ${kb(parser.raw)} |`);
    await browser.close();
  } finally {
    await stop();
  }
}

// `npm run bench` runs every section; `npm run bench -- throughput` (or
// service, certificate-pdf, lesson-js) runs the ones named.
const SECTIONS = { throughput, service, "certificate-pdf": certificatePdf, "lesson-js": lessonJs };
const named = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
for (const name of named) if (!(name in SECTIONS)) throw new Error(`unknown section ${name}; sections: ${Object.keys(SECTIONS).join(", ")}`);
const chosen = Object.keys(SECTIONS).filter((name) => named.length === 0 || named.includes(name)) as (keyof typeof SECTIONS)[];
if (chosen.length === 1) {
  await SECTIONS[chosen[0]!]();
} else {
  // Each section in a process of its own: no section measures another's
  // caches, connections or garbage (and each has its own database).
  for (const name of chosen) {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench.ts", name], { stdio: "inherit" });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) process.exitCode = code ?? 1;
  }
}
