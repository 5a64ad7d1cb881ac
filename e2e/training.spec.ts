import { expect, test } from "@playwright/test";
import { publishCourse, signIn, uniqueTag } from "./fixtures";

// Mandatory training end to end: HR assigns a course to a unit with a due
// date; a learner of that unit sees it on "Việc học của tôi", finishes it;
// HR sees them as done.

test("HR assigns a course to a unit; a learner there sees it, finishes it; HR sees them done", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const title = `Quy chế dùng thư công vụ ${uniqueTag(testInfo.project.name)}`;
  await publishCourse(page, title, { "Thư công vụ là gì": "Dùng hộp thư công vụ cho việc công; không dùng thư cá nhân." });

  // The manager of Sở KH&CN assigns it to one of their offices.
  await signIn(page, "quanly@lamdong.test", "/manage/assignments");
  await page.getByRole("link", { name: "Giao khoá học" }).click();
  await page.getByLabel("Khoá học").selectOption({ label: title });
  await page.getByLabel("Một đơn vị").check();
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Phòng Chuyển đổi số (LDG-SKHCN-CDS)" });
  await page.getByLabel("Một ngày cố định").check();
  await page.getByLabel("Ngày hạn").fill("2027-06-30");
  await page.getByRole("button", { name: "Giao khoá học" }).click();
  await expect(page.getByRole("status")).toContainText("Đã giao khoá học; hiện áp dụng cho");
  const rulePage = page.url();
  const learnerRow = page.getByRole("row", { name: /Nguyễn Thị Lan/ });
  await expect(learnerRow).toContainText("Chưa hoàn thành");
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  // The learner (in that office) sees it, due 30/06/2027, and finishes it.
  await signIn(page, "hocvien@lamdong.test", "/learning");
  const assigned = page.getByRole("region", { name: "Được giao" });
  await expect(assigned.getByRole("link", { name: title })).toBeVisible();
  await expect(assigned.getByRole("listitem").filter({ hasText: title })).toContainText("Hạn: 30 tháng 6, 2027");
  await assigned.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Bắt đầu học" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thư công vụ là gì");
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).or(page.getByText("Bạn đã học xong bài này.")).first().click();
  await expect(page.getByRole("status").filter({ hasText: /hoàn thành khoá học|Bạn đã học xong/ })).toBeVisible();
  await page.goto("/learning");
  await expect(page.getByRole("region", { name: "Được giao" }).getByRole("listitem").filter({ hasText: title })).toContainText("Đã hoàn thành");
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  // HR sees the learner as done.
  await signIn(page, "quanly@lamdong.test", rulePage.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("row", { name: /Nguyễn Thị Lan/ })).toContainText("Đã hoàn thành");
});
