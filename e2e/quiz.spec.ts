import { expect, test, type Page } from "@playwright/test";
import { publishCourse, signIn, uniqueTag } from "./fixtures";

// The quiz engine end to end: a trainer writes a timed, ten-question quiz of
// every kind and decides what learners see in review; a learner answers it,
// reloads half-way without losing anything (answers sent, and answers chosen
// but not yet sent), is refused a stale second tab's
// submit, submits, and sees the review the settings allow; the trainer sees
// the attempt and the question statistics.

const GIFT = `$CATEGORY: $course$/top/An toàn thông tin
::Hộp thư::Việc công gửi bằng hộp thư nào? {=Hộp thư công vụ #Đúng. ~Hộp thư cá nhân #Không dùng cho việc công. ~Tin nhắn Zalo}

::Cho mượn mật khẩu::Được cho đồng nghiệp mượn mật khẩu hộp thư công vụ. {F#Không bao giờ cho mượn.#Đúng, không cho ai mượn.}

::Dấu hiệu lừa đảo::Dấu hiệu nào cho thấy một thư có thể là lừa đảo? (Chọn tất cả đáp án đúng) {
  ~%50%Tên miền người gửi lạ
  ~%50%Giục làm gấp, doạ phạt
  ~%-100%Thư gửi trong giờ hành chính
}

::Thủ đô::Thủ đô của Việt Nam là thành phố nào? {=Hà Nội ####Xem lại bài Địa lý hành chính.}

$CATEGORY: $course$/top/Chuyển đổi số
::Năm mục tiêu::Chương trình Chuyển đổi số quốc gia có tầm nhìn đến năm nào? {#2030}

::Ghép công cụ::Ghép mỗi việc với công cụ phù hợp. {
  =Ký văn bản điện tử -> Chữ ký số
  =Nộp hồ sơ trực tuyến -> Cổng Dịch vụ công
  =Định danh điện tử -> VNeID
}

::Độ dài mật khẩu::Mật khẩu nên dài ít nhất {=12 ~4 ~6} ký tự.

::Cổng dịch vụ công::Địa chỉ nào là Cổng Dịch vụ công quốc gia? {=dichvucong.gov.vn ~dichvucong.gov.vn.xyz.com ~dich-vu-cong.com}

::Đọc mã OTP::Có thể đọc mã OTP cho cán bộ kỹ thuật qua điện thoại. {F}

// [option:ignore-marks]
::Sao lưu::Việc tạo bản sao dữ liệu để phòng mất mát gọi là gì? {=sao lưu}
`;

/** Answers question `n` as the test means to: every one right except the capital. */
async function answer(page: Page, n: number) {
  switch (n) {
    case 1: return page.getByLabel("Hộp thư công vụ").check();
    case 2: return page.getByLabel("Sai").check();
    case 3:
      await page.getByLabel("Tên miền người gửi lạ").check();
      return page.getByLabel("Giục làm gấp, doạ phạt").check();
    case 4: return page.getByRole("textbox", { name: "Câu trả lời" }).fill("Huế");
    case 5: return page.getByRole("textbox", { name: "Câu trả lời" }).fill("2030");
    case 6:
      await page.getByLabel("Ký văn bản điện tử").selectOption({ label: "Chữ ký số" });
      await page.getByLabel("Nộp hồ sơ trực tuyến").selectOption({ label: "Cổng Dịch vụ công" });
      return page.getByLabel("Định danh điện tử").selectOption({ label: "VNeID" });
    case 7: return page.getByLabel("12", { exact: true }).check();
    case 8: return page.getByLabel("dichvucong.gov.vn", { exact: true }).check();
    case 9: return page.getByLabel("Sai").check();
    default: return page.getByRole("textbox", { name: "Câu trả lời" }).fill("Sao luu");
  }
}

test("a learner takes a timed ten-question quiz, reloads half-way, is refused a stale submit and sees the review the settings allow", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const title = `An toàn khi làm việc số ${uniqueTag(testInfo.project.name)}`;
  await publishCourse(page, title, { "Nguyên tắc chung": "Dùng hộp thư công vụ; không cho ai mượn mật khẩu." }, {
    title: "Kiểm tra cuối khoá",
    gift: GIFT,
    passPercent: 80,
    settings: async (settings) => {
      await settings.getByLabel("Thời gian làm bài (phút)").fill("15");
      await settings.getByLabel("Số lần làm tối đa").fill("2");
      // Learners see right or wrong, marks and feedback, never the key.
      await settings.getByLabel("Đáp án đúng").selectOption({ label: "Không bao giờ" });
    },
  });

  await signIn(page, "hocvien@lamdong.test", "/courses");
  await page.getByRole("searchbox", { name: "Tìm khoá học" }).fill(title);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Kiểm tra cuối khoá" }).click();
  await expect(page.getByText("10 câu hỏi", { exact: true })).toBeVisible();
  await expect(page.getByText("15 phút cho mỗi lần làm")).toBeVisible();
  await expect(page.getByText("Tối đa 2 lần")).toBeVisible();
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();

  // The server's deadline, shown by the page.
  await expect(page.getByRole("timer")).toContainText("Thời gian còn lại:");
  await expect(page.getByRole("timer")).toContainText(/1[45]:\d\d/);
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByText(`Câu ${n}/10`)).toBeVisible();
    await answer(page, n);
    await page.getByRole("button", { name: "Lưu và sang câu tiếp" }).click();
  }
  // Half-way: a reload loses nothing.
  await expect(page.getByText("Câu 6/10")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Câu trước" }).click();
  await expect(page.getByText("Câu 5/10")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Câu trả lời" })).toHaveValue("2030");
  await page.getByRole("button", { name: "Câu trước" }).click();
  await expect(page.getByRole("textbox", { name: "Câu trả lời" })).toHaveValue("Huế");
  await page.goto(page.url().replace(/\/4$/, "/6"));
  for (let n = 6; n <= 10; n++) {
    await expect(page.getByText(`Câu ${n}/10`)).toBeVisible();
    await answer(page, n);
    // Chosen but not yet sent, then the page reloads: the choice is put back
    // (lists, a radio button, a text box), and only counts once sent (the
    // 9/10 below needs all three).
    if (n === 6 || n === 8 || n === 10) {
      await page.reload();
      await expect(page.getByRole("status").filter({ hasText: "Đã điền lại câu trả lời bạn chọn lần trước nhưng chưa lưu." })).toBeVisible();
    }
    await page.getByRole("button", { name: n < 10 ? "Lưu và sang câu tiếp" : "Lưu và xem lại trước khi nộp" }).click();
  }
  await expect(page.getByRole("heading", { name: "Xem lại trước khi nộp" })).toBeVisible();
  await expect(page.getByText("Chưa trả lời")).toHaveCount(0);

  // A second tab on the summary goes stale once the first changes an answer.
  const second = await page.context().newPage();
  await second.goto(page.url());
  await page.getByRole("link", { name: "Sửa câu 1", exact: true }).click();
  await page.getByLabel("Hộp thư công vụ").check();
  await page.getByRole("button", { name: "Xem lại trước khi nộp" }).click();
  await expect(page.getByRole("heading", { name: "Xem lại trước khi nộp" })).toBeVisible();
  await second.getByRole("button", { name: "Nộp bài" }).click();
  await expect(second.getByRole("alert")).toContainText("Bài chưa được nộp: câu trả lời vừa thay đổi ở một cửa sổ khác.");
  // The refused tab now holds the latest answers: submitting from it works.
  await second.getByRole("button", { name: "Nộp bài" }).click();
  await expect(second.getByText("Bạn đạt 90% (9/10 điểm).")).toBeVisible();
  await second.close();

  // The first tab's submit, a moment later, shows the same result: graded once.
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByText("Bạn đạt 90% (9/10 điểm).")).toBeVisible();
  await expect(page.getByText("Chúc mừng, bạn đã qua bài kiểm tra.")).toBeVisible();
  // The review the settings allow: right or wrong, marks, feedback; never the key.
  const capital = page.getByRole("listitem").filter({ hasText: "Thủ đô của Việt Nam là thành phố nào?" });
  await expect(capital).toContainText("Sai");
  await expect(capital).toContainText("Câu trả lời của bạn: Huế");
  await expect(capital).toContainText("Xem lại bài Địa lý hành chính.");
  await expect(page.getByText(/Đáp án đúng:/)).toHaveCount(0);
  const matching = page.getByRole("listitem").filter({ hasText: "Ghép mỗi việc với công cụ phù hợp." });
  await expect(matching).toContainText("Đúng");
  await expect(matching).toContainText("1 điểm");

  // The quiz page now shows the grade and the attempt left.
  await page.getByRole("link", { name: "Về trang khoá học" }).click();
  await page.getByRole("link", { name: "Kiểm tra cuối khoá" }).click();
  await expect(page.getByText("90% (lần cao nhất được tính)")).toBeVisible();
  await expect(page.getByText("– còn 1 lần.")).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();

  // The trainer sees the attempt and the statistics per question.
  await signIn(page, "giangvien@lamdong.test", "/studio");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Soạn “Kiểm tra cuối khoá”" }).click();
  await page.getByRole("link", { name: "Kết quả và thống kê" }).click();
  await expect(page.getByText("1 lượt, 1 đã nộp, 1 đạt")).toBeVisible();
  await expect(page.getByRole("row", { name: /Thủ đô/ })).toContainText("0%");
  await page.getByRole("link", { name: "Nguyễn Thị Lan" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Thủ đô của Việt Nam là thành phố nào?" })).toContainText("Đáp án đúng: Hà Nội");
});
