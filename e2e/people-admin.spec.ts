import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";

test("an admin grants and revokes a role, and moves a person to another unit with history kept", async ({ page }, testInfo) => {
  // A different demo person per project, so the two runs do not meet.
  const name = testInfo.project.name === "desktop" ? "Nguyễn Công Long" : "Nguyễn Mỹ Thảo";
  await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/people?q=${name}`)}`);
  await page.getByLabel("Địa chỉ thư điện tử").fill("quantri@lamdong.test");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Giảng viên" });
  await page.getByRole("button", { name: "Cấp vai trò" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã cấp vai trò.");
  await page.getByRole("button", { name: "Thu hồi vai trò Giảng viên" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thu hồi vai trò.");
  await expect(page.getByText("Chỉ là học viên.")).toBeVisible();

  // A manager needs a unit: the form says so.
  await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Cán bộ quản lý" });
  await page.getByRole("button", { name: "Cấp vai trò" }).click();
  await expect(page.getByRole("alert")).toContainText("Vai trò Cán bộ quản lý cần chọn đơn vị phụ trách");

  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Phòng Chuyển đổi số (LDG-SKHCN-CDS)" });
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã lưu thông tin của ${name}.`);
  const history = page.getByRole("heading", { name: "Quá trình công tác" }).locator("xpath=following-sibling::ul[1]").getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("Phòng Chuyển đổi số (LDG-SKHCN-CDS): Từ");

  // An accommodation: half as long again on every timed quiz.
  await page.getByLabel("Thêm thời gian cho mọi bài kiểm tra có giới hạn thời gian").selectOption({ label: "Thêm 50% thời gian" });
  await page.getByRole("button", { name: "Lưu thời gian làm bài" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu: thêm 50% thời gian làm bài.");
  await expect(page.getByLabel("Thêm thời gian cho mọi bài kiểm tra có giới hạn thời gian")).toHaveValue("50");
});
