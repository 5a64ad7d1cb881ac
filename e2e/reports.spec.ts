import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// HR's completion report, as the manager of Sở KH&CN uses it on the demo
// province: their department, down to an office, a person and their dates;
// the overdue list; the tables as Excel; a detailed file made in the
// background and downloaded once ready.

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test("a manager drills down from their department to a person, and downloads the table as Excel", async ({ page }) => {
  await signIn(page, "quanly@lamdong.test", "/manage/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo hoàn thành đào tạo bắt buộc" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sở Khoa học và Công nghệ", exact: true })).toBeVisible();
  await expect(page.getByText(/lượt được giao đã hoàn thành \(\d+%\), \d+ quá hạn/)).toBeVisible();
  // Only their own units: no other department anywhere on the page.
  await expect(page.getByText("Sở Nội vụ")).toHaveCount(0);
  // Each chart has its table.
  await expect(page.getByRole("img", { name: /Tỉ lệ hoàn thành theo đơn vị/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Hoàn thành theo đơn vị/ })).toBeVisible();

  const excel = await download(page, () => page.getByRole("link", { name: "Excel (.xlsx)" }).first().click());
  expect(excel.name).toMatch(/^bao-cao-don-vi-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(excel.bytes.subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("link", { name: "Phòng Chuyển đổi số" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Phòng Chuyển đổi số", exact: true })).toBeVisible();
  const people = page.getByRole("table", { name: "Người thuộc trực tiếp Phòng Chuyển đổi số" });
  await expect(people).toBeVisible();
  const first = people.getByRole("rowheader").first().getByRole("link");
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: `Đào tạo của ${name}` })).toBeVisible();
  await expect(page.getByText(/Đơn vị vào ngày .*: Phòng Chuyển đổi số/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Các khoá học được giao" })).toBeVisible();
  await page.getByRole("link", { name: "Về báo cáo của Phòng Chuyển đổi số" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Phòng Chuyển đổi số", exact: true })).toBeVisible();
});

test("the overdue list, longest overdue first, and a detailed file made in the background", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "quanly@lamdong.test", "/manage/reports");
  await page.getByRole("link", { name: "Xem danh sách người quá hạn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Người quá hạn" })).toBeVisible();
  const days = await page.getByRole("table").getByRole("row").locator("td:last-child").allTextContents();
  expect(days.length).toBeGreaterThan(0);
  const numbers = days.map((text) => Number(text.replace(/\D/g, "")));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await page.getByRole("link", { name: "Về báo cáo" }).click();

  await page.getByLabel("Định dạng").selectOption("csv");
  await page.getByRole("button", { name: "Chuẩn bị tệp chi tiết" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tệp báo cáo chi tiết" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Đã nhận yêu cầu.");
  // The job writes it; the page looks again by itself until it is ready.
  const ready = page.getByRole("link", { name: /^Tải về \(\d+ dòng/ }).first();
  await expect(ready).toBeVisible({ timeout: 45_000 });
  const file = await download(page, () => ready.click());
  expect(file.name).toMatch(/^bao-cao-chi-tiet-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = file.bytes.toString("utf8");
  expect(text.startsWith("\uFEFFMã đơn vị,Đơn vị,Người,Mã cán bộ,Nhóm,Khoá học")).toBe(true);
  expect(text).toContain("LDG-SKHCN-CDS,Phòng Chuyển đổi số,");
  expect(text).not.toContain("LDG-SNV");
});

test("the report fits a 360 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "quanly@lamdong.test", "/manage/reports");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the report prints as a document: figures and tables, no forms, no download links", async ({ page }) => {
  await signIn(page, "quanly@lamdong.test", "/manage/reports");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("table", { name: /Hoàn thành theo đơn vị/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Tỉ lệ hoàn thành theo đơn vị/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Xem" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Excel (.xlsx)" }).first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeHidden();
});
