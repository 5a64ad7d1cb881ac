import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";

// Steps several journeys share.

export async function signIn(page: Page, email: string, redirectTo = "/") {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
}

/**
 * Gives a demo person (who has no password: only the four demo accounts
 * do) `password`, the way they would: a reset link by mail, read in the
 * administrator's Outbox (there is no SMTP server here).
 */
export async function setPasswordByMail(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/forgot-password");
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(page.getByRole("status")).toContainText("Nếu địa chỉ này có tài khoản");
  await signIn(page, "quantri@lamdong.test", `/admin/outbox?to=${email}`);
  // Only their mail (a reminder run elsewhere can add hundreds); their
  // reminders may be among it: the mail with the link.
  const mail = page.getByRole("article").filter({ hasText: `Gửi tới: ${email}` }).filter({ hasText: "/reset-password/" }).first();
  const link = (await mail.textContent())?.match(/http:\/\/[^\s]+\/reset-password\/[a-z2-7]{32}/)?.[0];
  if (!link) throw new Error(`no reset mail for ${email}`);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(password);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(password);
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.getByRole("status")).toContainText("Đã đổi mật khẩu.");
  await context.close();
}

/** A title no other run uses: the project's name and the time. */
export function uniqueTag(projectName: string) {
  return `${projectName === "desktop" ? "Bàn" : "Điện"} ${Date.now().toString(36)}`;
}

/**
 * As the demo trainer: a published course of one section with these
 * lessons (title → markdown). Leaves the page on the studio course page.
 */
export async function publishCourse(
  page: Page,
  title: string,
  lessons: Record<string, string>,
  quiz?: { title: string; gift: string; passPercent: number; settings?: (page: Page) => Promise<void> },
) {
  await signIn(page, "giangvien@lamdong.test", "/studio/new");
  await page.getByLabel("Tên khoá học").fill(title);
  await page.getByLabel("Tóm tắt").fill("Khoá học ngắn để kiểm thử.");
  await page.getByLabel("Thời gian học dự kiến (phút)").fill("10");
  await page.getByRole("button", { name: "Tạo khoá học" }).click();
  await page.getByRole("textbox", { name: "Tên phần" }).fill("Phần chính");
  await page.getByRole("button", { name: "Thêm phần" }).click();
  for (const [lesson, body] of Object.entries(lessons)) {
    await page.getByRole("textbox", { name: "Tên bài" }).fill(lesson);
    await page.getByRole("button", { name: "Thêm bài học" }).click();
    await page.getByRole("link", { name: `Soạn “${lesson}”` }).click();
    await page.getByLabel("Nội dung bài học (markdown)").fill(body);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText(/^Đã lưu lúc/)).toBeVisible();
    await page.getByRole("link", { name: /Về khoá học/ }).click();
    // The editor has a "Tên bài" field too: wait until the outline is back.
    await expect(page.getByRole("heading", { name: "Cấu trúc khoá học" })).toBeVisible();
  }
  if (quiz) {
    await page.getByRole("textbox", { name: "Tên bài" }).fill(quiz.title);
    await page.getByRole("button", { name: "Thêm bài kiểm tra" }).click();
    await page.getByRole("link", { name: `Soạn “${quiz.title}”` }).click();
    await page.getByLabel("Điểm đạt (%)").fill(String(quiz.passPercent));
    await page.getByLabel("Câu hỏi (định dạng GIFT)").fill(quiz.gift);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText(/^Đã lưu lúc/)).toBeVisible();
    if (quiz.settings) {
      await page.getByRole("link", { name: "Cài đặt bài kiểm tra" }).click();
      await quiz.settings(page);
      await page.getByRole("button", { name: "Lưu cài đặt" }).click();
      await expect(page.getByRole("status")).toContainText("Đã lưu cài đặt.");
      await page.getByRole("link", { name: /Quay lại soạn/ }).click();
    }
    await page.getByRole("link", { name: /Về khoá học/ }).click();
    // The editor has a "Tên bài" field too: wait until the outline is back.
    await expect(page.getByRole("heading", { name: "Cấu trúc khoá học" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Xuất bản" }).click();
  await page.getByLabel("Ghi chú thay đổi").fill("Phiên bản đầu tiên");
  await page.getByRole("button", { name: "Xuất bản phiên bản mới" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã xuất bản phiên bản 1.");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
}

/**
 * The address in a PDF's QR code, read the way a phone camera would: page 1
 * drawn as an image (pdftoppm, from poppler-utils), then the code decoded.
 */
export function qrUrlInPdf(pdf: Buffer): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hoc-so-qr-"));
  try {
    writeFileSync(path.join(folder, "page.pdf"), pdf);
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", path.join(folder, "page.pdf"), path.join(folder, "page")]);
    const image = PNG.sync.read(readFileSync(path.join(folder, "page.png")));
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    if (!code) throw new Error("no QR code found on page 1");
    return code.data;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
