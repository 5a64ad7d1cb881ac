import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// WCAG 2.1 A and AA, checked by axe-core on the main pages of every role,
// with the demo data: no violations. (Automated checks find about half of
// what a person with a screen reader would; the keyboard journeys and the
// manual review in docs/ cover more.)

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  // It did look: rules passed on this page (an empty page would pass nothing).
  expect(results.passes.length, path).toBeGreaterThan(10);
  const found = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(found, `${path}\n${found.join("\n")}`).toEqual([]);
}

const pages: [who: string, paths: string[]][] = [
  ["", ["/", "/login", "/courses", "/forgot-password", "/khong-co-trang-nay"]],
  ["hocvien@lamdong.test", ["/learning", "/courses/chuyen-doi-so-nhan-thuc-chung", "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao", "/courses/an-toan-thong-tin-cho-can-bo/quiz/kiem-tra-cuoi-khoa", "/notifications", "/account/sessions"]],
  ["quanly@lamdong.test", ["/manage/reports", "/manage/reports/overdue", "/manage/assignments", "/manage/people"]],
  ["giangvien@lamdong.test", ["/studio", "/studio/banks"]],
  ["quantri@lamdong.test", ["/admin/people", "/admin/units", "/admin/certificates", "/admin/audit", "/admin/competencies"]],
];

for (const [who, paths] of pages) {
  test(`WCAG 2.1 AA, no violations: ${who || "anonymous"}`, async ({ page }) => {
    test.setTimeout(90_000);
    if (who) await signIn(page, who, "/");
    for (const path of paths) await expectNoViolations(page, path);
  });
}
