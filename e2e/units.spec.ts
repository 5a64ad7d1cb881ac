import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";

test("an admin adds a unit to the tree, then renames it", async ({ page }, testInfo) => {
  // Unique per run, so the test can run again on the same database.
  const run = Date.now().toString(36).toUpperCase();
  const code = `LDG-E2E-${testInfo.project.name.toUpperCase()}-${run}`;
  const name = `Phòng Thử nghiệm ${testInfo.project.name} ${run}`;
  await page.goto("/login?redirectTo=%2Fadmin%2Funits");
  await page.getByLabel("Địa chỉ thư điện tử").fill("quantri@lamdong.test");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();

  await page.getByRole("link", { name: "Thêm đơn vị" }).click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Nhập tên đơn vị" })).toBeVisible();

  await page.getByLabel("Tên đơn vị").fill(name);
  await page.getByLabel("Loại đơn vị").selectOption({ label: "Phòng, ban" });
  await page.getByLabel("Trực thuộc").selectOption({ label: "Sở Khoa học và Công nghệ (LDG-SKHCN)" });
  await page.getByLabel("Mã đơn vị").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã thêm đơn vị ${name}.`);

  await page.getByRole("link", { name }).click();
  await expect(page.getByText(`Mã đơn vị: ${code}`)).toBeVisible();
  await page.getByLabel("Tên đơn vị").fill(`${name} (đổi tên)`);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã lưu đơn vị ${name} (đổi tên).`);
  await expect(page.getByRole("link", { name: `${name} (đổi tên)` })).toBeVisible();
});
