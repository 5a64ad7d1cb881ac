import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";

const header = ["Họ và tên", "Email", "Mã cán bộ", "Chức vụ", "Đối tượng", "Mã đơn vị"];

async function spreadsheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("an admin checks a 1,000-row file, sees exactly its 3 errors, fixes it and imports it", async ({ page }, testInfo) => {
  // Each project and run imports its own people, so runs never meet.
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const surname = `${testInfo.project.name === "desktop" ? "Trần Thị Nhập" : "Lê Văn Nhập"} ${Date.now().toString(36)}`;
  const rows = Array.from({ length: 1000 }, (_, index) => [
    `${surname} ${index + 1}`,
    `nhap${index + 1}.${tag}@lamdong.test`,
    `E2E-${tag}-${index + 1}`,
    "Chuyên viên",
    index % 2 ? "Công chức" : "Viên chức",
    "LDG-SNV-CCVC",
  ]);
  const broken = rows.map((row) => [...row]);
  (broken[9] ?? [])[1] = "sai-dia-chi"; // line 11
  (broken[19] ?? [])[4] = "Hợp đồng"; // line 21
  (broken[29] ?? [])[5] = "LDG-KHONG-CO"; // line 31

  await page.goto("/login?redirectTo=%2Fadmin%2Fpeople");
  await page.getByLabel("Địa chỉ thư điện tử").fill("quantri@lamdong.test");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("link", { name: "Nhập danh sách" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh sách người dùng");

  await page.getByLabel("Tệp danh sách").setInputFiles({
    name: "danh-sach.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await spreadsheet(broken),
  });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  const report = page.getByRole("alert");
  await expect(report.getByRole("heading")).toHaveText("Tệp có 3 lỗi. Chưa có gì được ghi.");
  await expect(report.getByRole("row")).toHaveCount(4);
  await expect(report.getByRole("row").nth(1)).toContainText("11");
  await expect(report.getByRole("row").nth(2)).toContainText("Đối tượng không hợp lệ: Hợp đồng");
  await expect(report.getByRole("row").nth(3)).toContainText("Không có đơn vị mã LDG-KHONG-CO");

  await page.goto(`/admin/people?q=${encodeURIComponent(surname)}`);
  await expect(page.getByText("0 người", { exact: true })).toBeVisible();

  await page.goto("/admin/people/import");
  await page.getByLabel("Tệp danh sách").setInputFiles({
    name: "danh-sach.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await spreadsheet(rows),
  });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByRole("heading", { name: "Tệp hợp lệ: 1.000 dòng" })).toBeVisible();
  await expect(page.getByText("1.000 người mới, 0 người được cập nhật, 0 người không đổi.")).toBeVisible();
  await page.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Đã nhập xong: 1.000 người mới, 0 người được cập nhật, 0 người không đổi.",
  );
  await page.goto(`/admin/people?q=${encodeURIComponent(`${surname} 1000`)}`);
  await expect(page.getByText(`nhap1000.${tag}@lamdong.test`)).toBeVisible();
});
