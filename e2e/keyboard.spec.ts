import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data/people";
import { publishCourse, uniqueTag } from "./fixtures";

const GIFT = `::Thư công vụ::Việc công gửi bằng hộp thư nào? {
  =Hộp thư công vụ #Đúng.
  ~Hộp thư cá nhân #Không dùng cho việc công.
}

::Mật khẩu::Được cho đồng nghiệp mượn mật khẩu hộp thư công vụ. {F}
`;

// Keyboard only: every step below is reached with Tab and done with Enter or
// Space, never a click, the way someone who cannot use a mouse works.

/** Presses Tab until `target` has the focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, "reachable with Tab").toBeFocused();
}

async function signInByKeyboard(page: Page, email: string, redirectTo: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await tabTo(page, page.getByLabel("Địa chỉ thư điện tử"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Mật khẩu"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
}

test("a learner signs in, reads a lesson and takes the quiz by keyboard alone", async ({ page: trainer, browser }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Thư công vụ bằng bàn phím ${uniqueTag(testInfo.project.name)}`;
  await publishCourse(trainer, title, { "Dùng thư công vụ": "Việc công gửi bằng hộp thư công vụ." }, { title: "Kiểm tra cuối khoá", gift: GIFT, passPercent: 100 });
  const page = await (await browser.newContext({ ...testInfo.project.use, locale: "vi-VN" })).newPage();

  await signInByKeyboard(page, "hocvien@lamdong.test", "/courses");
  await tabTo(page, page.getByRole("searchbox", { name: "Tìm khoá học" }));
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: title }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Bắt đầu học" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dùng thư công vụ");
  await tabTo(page, page.getByRole("button", { name: "Đánh dấu đã học xong" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Đã ghi nhận bạn học xong|Bạn đã học xong bài này/).first()).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Kiểm tra cuối khoá" }).first(), 150);
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Bắt đầu làm bài" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Câu 1/2")).toBeVisible();
  // A radio group: Tab reaches it, the arrow keys choose within it.
  await tabTo(page, page.getByRole("radio", { name: "Hộp thư cá nhân" }).or(page.getByRole("radio", { name: "Hộp thư công vụ" })).first());
  await page.keyboard.press("Space");
  if (!(await page.getByRole("radio", { name: "Hộp thư công vụ" }).isChecked())) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Hộp thư công vụ" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Lưu và sang câu tiếp" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Câu 2/2")).toBeVisible();
  await tabTo(page, page.getByRole("radio", { name: "Đúng" }).or(page.getByRole("radio", { name: "Sai" })).first());
  await page.keyboard.press("Space");
  if (!(await page.getByRole("radio", { name: "Sai" }).isChecked())) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Sai" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Lưu và xem lại trước khi nộp" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Xem lại trước khi nộp" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Nộp bài" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Bạn đạt 100% (2/2 điểm).")).toBeVisible();
  await page.context().close();
});

test("a manager exports the report by keyboard alone", async ({ page }) => {
  await signInByKeyboard(page, "quanly@lamdong.test", "/manage/reports");
  const excel = page.getByRole("link", { name: "Excel (.xlsx)" }).first();
  await tabTo(page, excel, 150);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^bao-cao-don-vi-.*\.xlsx$/);
});
