import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The privacy notice at a person's first sign-in, and their data as a file
// (ADR 026). The demo's newcomers have not accepted the notice yet: one for
// the desktop run, one for the phone run (a first sign-in happens once), and
// moi@ stays as she is for the page checks (e2e/pages.ts).
const NEWCOMERS: Record<string, { email: string; fullName: string }> = {
  desktop: { email: "moi2@lamdong.test", fullName: "Lò Văn Mạnh" },
  phone: { email: "moi3@lamdong.test", fullName: "Hoàng Thị Mai" },
};

test("a newcomer reads the notice, may decline (signed out), accepts, and downloads their data", async ({ page }, testInfo) => {
  const newcomer = NEWCOMERS[testInfo.project.name];
  if (!newcomer) throw new Error(`no newcomer for the ${testInfo.project.name} run`);
  const { email, fullName } = newcomer;
  await signIn(page, email, "/learning");
  await expect(page).toHaveURL("/privacy?redirectTo=%2Flearning");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thông báo về dữ liệu cá nhân");
  await expect(page.getByRole("heading", { name: "Dữ liệu chúng tôi giữ về bạn" })).toBeVisible();
  // Any other page leads back here until they answer.
  await page.goto("/courses");
  await expect(page).toHaveURL("/privacy?redirectTo=%2Fcourses");

  await page.getByRole("button", { name: "Tôi không đồng ý" }).click();
  await expect(page.getByRole("status")).toContainText("Bạn đã đăng xuất");
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();

  await signIn(page, email, "/learning");
  await page.getByRole("button", { name: "Tôi đã đọc và đồng ý" }).click();
  await expect(page).toHaveURL("/learning");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Việc học của tôi");

  await page.goto("/account/sessions");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải dữ liệu của bạn (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^hoc-so-du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(data.profile).toMatchObject({ email, fullName, privacyNoticeVersion: 1 });
  expect(data.privacyConsents).toHaveLength(1);
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|argon2/);
});
