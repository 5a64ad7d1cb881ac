import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// An administrator previews a new certificate wording as a PDF, then saves it
// as a new template version.
test("an administrator previews and saves the certificate template", async ({ page }) => {
  await signIn(page, "quantri@lamdong.test", "/admin/certificates");
  await page.getByRole("link", { name: "Mẫu chứng chỉ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mẫu chứng chỉ");
  await page.getByLabel("Họ tên người ký").fill("Trần Văn Bình");
  await page.getByLabel("Chức vụ người ký").fill("Giám đốc Sở Khoa học và Công nghệ");

  // The preview opens in a new tab, as the PDF of a sample certificate.
  const [preview, response] = await Promise.all([
    page.waitForEvent("popup"),
    page.context().waitForEvent("response", (candidate) => candidate.request().method() === "POST" && candidate.url().endsWith("/admin/certificates/template/preview.pdf")),
    page.getByRole("button", { name: /Xem trước/ }).click(),
  ]);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.status()).toBe(200);
  await preview.close();

  await page.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
  await expect(page.getByRole("status")).toContainText("Đã lưu mẫu chứng chỉ, phiên bản");
  await expect(page.getByLabel("Họ tên người ký")).toHaveValue("Trần Văn Bình");
});
