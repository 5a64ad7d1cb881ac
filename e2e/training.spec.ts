import { expect, test } from "@playwright/test";
import { publishCourse, qrUrlInPdf, signIn, uniqueTag } from "./fixtures";

// Mandatory training end to end: HR assigns a course to a unit with a due
// date; a learner of that unit sees it on "Việc học của tôi", reads the
// lesson and passes the quiz; the course shows completed; HR sees them done.

const GIFT = `::Thư công vụ::Việc công gửi bằng hộp thư nào? {
  =Hộp thư công vụ #Đúng.
  ~Hộp thư cá nhân #Không dùng cho việc công.
}

::Mật khẩu::Được cho đồng nghiệp mượn mật khẩu hộp thư công vụ. {F}
`;

test("HR assigns a course to a unit; a learner there reads it and passes the quiz; HR sees them done", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Quy chế dùng thư công vụ ${uniqueTag(testInfo.project.name)}`;
  await publishCourse(page, title, { "Thư công vụ là gì": "Dùng hộp thư công vụ cho việc công; không dùng thư cá nhân." }, { title: "Kiểm tra cuối khoá", gift: GIFT, passPercent: 100 });

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
  await expect(page.getByText(/Đã ghi nhận bạn học xong|Bạn đã học xong bài này/).first()).toBeVisible();

  // The quiz: one question per page, answers kept across a reload.
  await page.goto(`/courses`);
  await page.getByRole("searchbox", { name: "Tìm khoá học" }).fill(title);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Kiểm tra cuối khoá" }).click();
  await expect(page.getByText("2 câu hỏi", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page.getByText("Câu 1/2")).toBeVisible();
  await page.getByLabel("Hộp thư công vụ").check();
  await page.getByRole("button", { name: "Lưu và sang câu tiếp" }).click();
  await expect(page.getByText("Câu 2/2")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Câu trước" }).click();
  await expect(page.getByText("Câu 1/2")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Hộp thư công vụ" })).toBeChecked();
  await page.getByRole("button", { name: "Lưu và sang câu tiếp" }).click();
  await page.getByLabel("Sai").check();
  await page.getByRole("button", { name: "Lưu và xem lại trước khi nộp" }).click();
  await expect(page.getByRole("heading", { name: "Xem lại trước khi nộp" })).toBeVisible();
  // A second tab on the same summary goes stale when the first changes an answer.
  const second = await page.context().newPage();
  await second.goto(page.url());
  await page.getByRole("link", { name: "Sửa câu 2" }).click();
  await page.getByLabel("Sai").check();
  await page.getByRole("button", { name: "Lưu và xem lại trước khi nộp" }).click();
  await expect(page.getByRole("heading", { name: "Xem lại trước khi nộp" })).toBeVisible();
  await second.getByRole("button", { name: "Nộp bài" }).click();
  await expect(second.getByRole("alert")).toContainText("Bài chưa được nộp: câu trả lời vừa thay đổi ở một cửa sổ khác.");
  await second.close();
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByText("Bạn đạt 100% (2/2 điểm).")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Bạn đã hoàn thành khoá học “${title}”.` })).toBeVisible();
  await page.goto("/learning");
  await expect(page.getByRole("region", { name: "Được giao" }).getByRole("listitem").filter({ hasText: title })).toContainText("Đã hoàn thành");
  // The certificate: a PDF for the learner, a public page for anyone.
  const done = page.getByRole("region", { name: "Đã hoàn thành" }).getByRole("listitem").filter({ hasText: title });
  const pdf = await page.request.get(await done.getByRole("link", { name: "Tải chứng chỉ (PDF)" }).getAttribute("href") ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const pdfBytes = await pdf.body();
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  // Someone holding the paper scans its QR code: a fresh browser, no account.
  const scanned = qrUrlInPdf(pdfBytes);
  const verifyPath = (await done.getByRole("link", { name: "Trang xác minh" }).getAttribute("href")) ?? "";
  expect(new URL(scanned).pathname).toBe(verifyPath);
  const stranger = await page.context().browser()!.newContext();
  const anyone = await stranger.newPage();
  await anyone.goto(new URL(new URL(scanned).pathname, page.url()).href);
  await expect(anyone.getByRole("status")).toHaveText("Chứng chỉ hợp lệ.");
  await expect(anyone.getByText("Nguyễn Thị Lan")).toBeVisible();
  const code = verifyPath.split("/").at(-1) ?? "";
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  // An administrator revokes it; the public page says so at once.
  await signIn(page, "quantri@lamdong.test", `/admin/certificates?code=${code}`);
  await page.getByLabel("Lý do thu hồi").fill("Cấp nhầm khi kiểm thử");
  await page.getByRole("button", { name: "Thu hồi chứng chỉ" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thu hồi chứng chỉ.");
  await anyone.reload();
  await expect(anyone.getByRole("status")).toContainText("Chứng chỉ đã bị thu hồi ngày");
  await stranger.close();
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  // HR sees the learner as done.
  await signIn(page, "quanly@lamdong.test", rulePage.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("row", { name: /Nguyễn Thị Lan/ })).toContainText("Đã hoàn thành");
});
