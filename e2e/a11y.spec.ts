import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { open, pageRoutes, pagesByRole } from "./pages";

// WCAG 2.1 A and AA, checked by axe-core on every page (e2e/pages.ts), as
// the role that uses it, with the demo data: no violations. (Automated checks find about half of
// what a person with a screen reader would; the keyboard journeys and the
// manual review in docs/ cover more.)

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page, route: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  // It did look: rules passed on this page (an empty page would pass nothing).
  expect(results.passes.length, route).toBeGreaterThan(10);
  const found = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(found, `${route} (${page.url()})\n${found.join("\n")}`).toEqual([]);
}

test("every page of the app is on the list (e2e/pages.ts)", () => {
  const listed = new Set(pagesByRole.flatMap(([, visits]) => visits.map((visit) => visit.route)));
  expect(pageRoutes().filter((route) => !listed.has(route))).toEqual([]);
  expect([...listed].filter((route) => !pageRoutes().includes(route))).toEqual([]);
});

for (const [who, visits] of pagesByRole) {
  test(`WCAG 2.1 AA, no violations: ${who || "anonymous"}`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    if (who) await signIn(page, who, "/");
    for (const visit of visits) {
      await open(page, browser, visit);
      await expectNoViolations(page, visit.route);
    }
  });
}
