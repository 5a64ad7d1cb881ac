import { expect, test } from "@playwright/test";
import { publishCourse, signIn, uniqueTag } from "./fixtures";

// The core learner path with JavaScript off (a blocked script, an old
// phone, a proxy that strips it): every step is a plain link or form.
// Sign in, find the course, read the lesson and mark it done, take and
// submit the quiz, download the certificate.

const GIFT = `::Thư công vụ::Việc công gửi bằng hộp thư nào? {
  =Hộp thư công vụ #Đúng.
  ~Hộp thư cá nhân #Không dùng cho việc công.
}

::Mật khẩu::Được cho đồng nghiệp mượn mật khẩu hộp thư công vụ. {F}
`;

test("without JavaScript a learner reads a lesson, passes the quiz and downloads the certificate", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Thư công vụ không cần JavaScript ${uniqueTag(testInfo.project.name)}`;
  await publishCourse(page, title, { "Dùng thư công vụ": "Việc công gửi bằng hộp thư công vụ." }, { title: "Kiểm tra cuối khoá", gift: GIFT, passPercent: 100 });

  const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
  const learner = await context.newPage();
  await signIn(learner, "hocvien@lamdong.test", "/courses");
  await learner.getByRole("searchbox", { name: "Tìm khoá học" }).fill(title);
  await learner.getByRole("button", { name: "Tìm", exact: true }).click();
  await learner.getByRole("link", { name: title }).click();
  await learner.getByRole("button", { name: "Bắt đầu học" }).click();
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Dùng thư công vụ");
  await learner.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(learner.getByText(/Đã ghi nhận bạn học xong|Bạn đã học xong bài này/).first()).toBeVisible();

  await learner.goto("/courses");
  await learner.getByRole("searchbox", { name: "Tìm khoá học" }).fill(title);
  await learner.getByRole("button", { name: "Tìm", exact: true }).click();
  await learner.getByRole("link", { name: title }).click();
  await learner.getByRole("link", { name: "Kiểm tra cuối khoá" }).click();
  await learner.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(learner.getByText("Câu 1/2")).toBeVisible();
  await learner.getByLabel("Hộp thư công vụ").check();
  await learner.getByRole("button", { name: "Lưu và sang câu tiếp" }).click();
  await expect(learner.getByText("Câu 2/2")).toBeVisible();
  await learner.getByLabel("Sai").check();
  await learner.getByRole("button", { name: "Lưu và xem lại trước khi nộp" }).click();
  await learner.getByRole("button", { name: "Nộp bài" }).click();
  await expect(learner.getByText("Bạn đạt 100% (2/2 điểm).")).toBeVisible();

  await learner.goto("/learning");
  const done = learner.getByRole("region", { name: "Đã hoàn thành" }).getByRole("listitem").filter({ hasText: title });
  // The link is a plain address: the browser opens or saves the PDF it returns.
  const pdf = await learner.request.get((await done.getByRole("link", { name: "Tải chứng chỉ (PDF)" }).getAttribute("href")) ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await context.close();
});
