// `npm audit --omit=dev` for CI: fails on any high or critical advisory in
// what production installs. Where the registry's advisory endpoint cannot be
// reached (these build machines only proxy package downloads), it says so
// and does not fail: a check that cannot run is reported, not faked.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.log(`npm audit: no report (${run.stderr.trim().split("\n").at(-1) ?? "no output"}); not checked`);
  process.exit(0);
}
if (!report.metadata) {
  console.log(`npm audit: the advisory service did not answer (${report.message ?? report.error?.summary ?? "unknown error"}); not checked`);
  process.exit(0);
}
const { high = 0, critical = 0, moderate = 0, low = 0 } = report.metadata.vulnerabilities ?? {};
console.log(`npm audit (production dependencies): ${critical} critical, ${high} high, ${moderate} moderate, ${low} low`);
if (high + critical > 0) {
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    if (entry.severity === "high" || entry.severity === "critical") console.log(`  ${entry.severity}: ${name} ${entry.range ?? ""}`);
  }
  process.exit(1);
}
