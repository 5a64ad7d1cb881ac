// Takes the README's screenshots of the main pages with Playwright:
//   npm run build && npm run screenshots
// Runs the production build on a fresh demo database (e2e/server.ts) and
// writes PNGs to docs/screenshots/. Re-run it whenever pages change.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { launchChromium, signIn, startDemoServer } from "./lib/demo-server";

// `open`: links to follow from `path`, in order (pages whose address holds
// an id); `press`: then a button to press (a form). fullPage false: the
// first screen only (long lessons).
type Shot = { file: string; path: string; width: number; height: number; signInAs?: string; open?: string[]; press?: string; fullPage?: boolean };

const shots: Shot[] = [
  { file: "home-desktop.png", path: "/", width: 1280, height: 900 },
  { file: "home-phone.png", path: "/", width: 360, height: 740 },
  { file: "not-found-phone.png", path: "/khong-co-trang-nay", width: 360, height: 740 },
  { file: "sign-in-phone.png", path: "/login", width: 360, height: 740 },
  { file: "admin-units-desktop.png", path: "/admin/units", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "admin-people-desktop.png", path: "/admin/people?q=nguyen", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "sessions-phone.png", path: "/account/sessions", width: 360, height: 740, signInAs: "hocvien@lamdong.test" },
  // A newcomer's first sign-in leads to the privacy notice.
  { file: "privacy-phone.png", path: "/learning", width: 360, height: 740, signInAs: "moi@lamdong.test", fullPage: false },
  { file: "catalogue-desktop.png", path: "/courses", width: 1280, height: 900, signInAs: "hocvien@lamdong.test" },
  { file: "course-phone.png", path: "/courses/chuyen-doi-so-nhan-thuc-chung", width: 360, height: 740, signInAs: "hocvien@lamdong.test", fullPage: false },
  { file: "lesson-phone.png", path: "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao", width: 360, height: 740, signInAs: "hocvien@lamdong.test", fullPage: false },
  { file: "learning-phone.png", path: "/learning", width: 360, height: 740, signInAs: "hocvien@lamdong.test" },
  { file: "assignment-desktop.png", path: "/manage/assignments", width: 1280, height: 900, signInAs: "quanly@lamdong.test", open: ["Chuyển đổi số: nhận thức chung"] },
  { file: "reports-desktop.png", path: "/manage/reports", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "reports-overdue-phone.png", path: "/manage/reports/overdue", width: 360, height: 740, signInAs: "quanly@lamdong.test" },
  { file: "studio-course-desktop.png", path: "/studio", width: 1280, height: 900, signInAs: "giangvien@lamdong.test", open: ["Chữ ký số và văn bản điện tử"] },
  { file: "studio-editor-desktop.png", path: "/studio", width: 1280, height: 900, signInAs: "giangvien@lamdong.test", open: ["Chữ ký số và văn bản điện tử", "Soạn “Chữ ký điện tử và chữ ký số khác nhau thế nào?”"], fullPage: false },
  { file: "quiz-question-phone.png", path: "/courses/an-toan-thong-tin-cho-can-bo/quiz/kiem-tra-cuoi-khoa", width: 360, height: 740, signInAs: "hocvien@lamdong.test", press: "Bắt đầu làm bài", fullPage: false },
  { file: "quiz-settings-desktop.png", path: "/studio", width: 1280, height: 900, signInAs: "giangvien@lamdong.test", open: ["Dịch vụ công trực tuyến và định danh điện tử", "Soạn “Bài kiểm tra cuối khoá”", "Cài đặt bài kiểm tra"] },
  { file: "certificate-template-desktop.png", path: "/admin/certificates/template", width: 1280, height: 900, signInAs: "quantri@lamdong.test" },
  { file: "quiz-results-desktop.png", path: "/studio", width: 1280, height: 900, signInAs: "giangvien@lamdong.test", open: ["Chuyển đổi số: nhận thức chung", "Soạn “Bài kiểm tra cuối khoá”", "Kết quả và thống kê"], fullPage: false },
];

/**
 * Page 1 of a certificate as a picture: the template page's preview (a
 * sample for "Nguyễn Thị Hồng Nhung", "Chuyển đổi số: nhận thức chung", with
 * the demo's template) drawn by pdftoppm, as a reader would see it.
 */
async function certificatePicture(browser: Browser) {
  const page = await browser.newPage();
  await signIn(page, baseUrl, "quantri@lamdong.test");
  await page.goto(`${baseUrl}/admin/certificates/template`);
  const fields = Object.fromEntries(
    await Promise.all(
      ["heading", "intro", "completedText", "issuerName", "signerName", "signerTitle", "colour"].map(async (name) => [name, await page.locator(`[name="${name}"]`).inputValue()] as const),
    ),
  );
  const response = await page.request.post(`${baseUrl}/admin/certificates/template/preview.pdf`, { multipart: fields, headers: { Origin: baseUrl } });
  if (response.headers()["content-type"] !== "application/pdf") throw new Error(`no certificate preview: ${response.status()}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "hoc-so-shot-"));
  writeFileSync(path.join(folder, "certificate.pdf"), await response.body());
  execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", path.join(folder, "certificate.pdf"), "docs/screenshots/certificate"]);
  console.log("docs/screenshots/certificate.png");
  await page.close();
}

const { baseUrl, stop } = await startDemoServer();

try {
  const browser = await launchChromium();
  mkdirSync("docs/screenshots", { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.width < 600 ? 2 : 1,
      locale: "vi-VN",
    });
    if (shot.signInAs) await signIn(page, baseUrl, shot.signInAs);
    await page.goto(`${baseUrl}${shot.path}`, { waitUntil: "networkidle" });
    for (const link of shot.open ?? []) {
      const before = page.url();
      await page.getByRole("link", { name: link, exact: true }).click();
      await page.waitForURL((url) => url.href !== before);
      await page.waitForLoadState("networkidle");
    }
    if (shot.press) {
      const before = page.url();
      await page.getByRole("button", { name: shot.press }).click();
      await page.waitForURL((url) => url.href !== before);
      await page.waitForLoadState("networkidle");
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `docs/screenshots/${shot.file}`, fullPage: shot.fullPage ?? true });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
  await certificatePicture(browser);
  await browser.close();
} finally {
  await stop();
}
