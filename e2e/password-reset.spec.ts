import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";

test("a forgotten password: link by mail (read in the Outbox), a new password, then sign in", async ({ page, browser }, testInfo) => {
  // Each project its own demo person, so the two runs never use each other's links.
  const person =
    testInfo.project.name === "desktop"
      ? { email: "an.nv@lamdong.test", name: "Nguyễn Văn Ân" }
      : { email: "khanh.nc@lamdong.test", name: "Nguyễn Công Khánh" };
  const email = person.email;
  const newPassword = "đồi chè xanh mướt sau mưa";

  await page.goto("/login");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  // Wait for the new page: the sign-in page has a field with the same label.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đặt lại mật khẩu");
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(page.getByRole("status")).toContainText("Nếu địa chỉ này có tài khoản");

  // No SMTP server here: an administrator finds the mail in the Outbox.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto("/login?redirectTo=%2Fadmin%2Foutbox");
  await adminPage.getByLabel("Địa chỉ thư điện tử").fill("quantri@lamdong.test");
  await adminPage.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await adminPage.getByRole("button", { name: "Đăng nhập" }).click();
  await adminPage.getByLabel("Tìm theo địa chỉ người nhận").fill(email);
  await adminPage.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(adminPage).toHaveURL(/\/admin\/outbox\?to=/);
  // Only their mail (a reminder run elsewhere can add hundreds); their
  // reminders may be among it: the mail with the link.
  const mail = adminPage.getByRole("article").filter({ hasText: `Gửi tới: ${email}` }).filter({ hasText: "/reset-password/" }).first();
  await expect(mail.getByRole("heading")).toHaveText("Đặt lại mật khẩu Học Số");
  const link = (await mail.textContent())?.match(/http:\/\/[^\s]+\/reset-password\/[a-z2-7]{32}/)?.[0];
  expect(link).toBeDefined();
  await admin.close();

  await page.goto(new URL(link ?? "").pathname);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("matkhau12345");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("matkhau12345");
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.getByRole("alert")).toContainText("Mật khẩu này quá dễ đoán");

  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(newPassword);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(newPassword);
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.getByRole("status")).toContainText("Đã đổi mật khẩu.");

  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(newPassword);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText(`Xin chào, ${person.name}`)).toBeVisible();

  // The link was used up.
  await page.goto(new URL(link ?? "").pathname);
  await expect(page.getByText("Đường dẫn này không còn dùng được")).toBeVisible();
});
