import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/demo-data/people";

const account = (prefix: string) => {
  const found = demoAccounts.find((candidate) => candidate.email.startsWith(prefix));
  if (!found) throw new Error(`no demo account ${prefix}`);
  return found;
};

async function trySignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Signs in and waits until it has happened (the header offers to sign out). */
async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await trySignIn(page, email, password);
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
}

const navigation = (page: Page) => page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link");

const expectedNavigation: Record<string, string[]> = {
  hocvien: ["Trang chủ", "Việc học của tôi", "Khoá học", "Phiên đăng nhập"],
  giangvien: ["Trang chủ", "Việc học của tôi", "Khoá học", "Soạn bài", "Phiên đăng nhập"],
  quanly: ["Trang chủ", "Việc học của tôi", "Khoá học", "Nhân sự đơn vị", "Đào tạo bắt buộc", "Báo cáo", "Phiên đăng nhập"],
  quantri: ["Trang chủ", "Việc học của tôi", "Khoá học", "Soạn bài", "Đào tạo bắt buộc", "Báo cáo", "Đơn vị", "Người dùng", "Năng lực số", "Chứng chỉ", "Nhật ký", "Hộp thư đi", "Phiên đăng nhập"],
};

for (const [prefix, links] of Object.entries(expectedNavigation)) {
  test(`${prefix}: signs in, sees that role's navigation, signs out`, async ({ page }) => {
    const person = account(prefix);
    await signIn(page, person.email);
    await expect(page).toHaveURL("/");
    await expect(page.getByText(`Xin chào, ${person.fullName}`)).toBeVisible();
    await expect(navigation(page)).toHaveText(links);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
    await expect(navigation(page)).toHaveText(["Trang chủ"]);
  });
}

test("signing out clears what the browser kept for the person (unsent answers, unsaved text)", async ({ page }) => {
  await signIn(page, account("hocvien").email);
  // What quiz pages and the lesson editor keep while a save has not got through.
  await page.evaluate(() => {
    localStorage.setItem("hocso:quiz:/courses/x/quiz/y/z:1", JSON.stringify({ seq: 0, fields: [["answer", "1"]] }));
    localStorage.setItem("hocso:studio:item", JSON.stringify({ body: "chưa lưu" }));
  });
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
});

// Wrong passwords are tried on addresses nobody has: they get the same answer
// as a real account (no enumeration) without locking a demo account that
// other tests sign in with.
const NOBODY = "khong.co.ai@lamdong.test";

test("a wrong password gets a Vietnamese error, linked from a summary; the e-mail is kept", async ({ page }) => {
  await trySignIn(page, NOBODY, "not the password");
  await expect(page.getByRole("alert")).toContainText("Địa chỉ thư điện tử hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Địa chỉ thư điện tử")).toHaveValue(NOBODY);
  await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
});

test("an empty form names each missing field, and the summary links to it", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Nhập địa chỉ thư điện tử" })).toBeVisible();
  await summary.getByRole("link", { name: "Nhập mật khẩu" }).click();
  await expect(page.getByLabel("Mật khẩu")).toBeFocused();
});

test("a learner opening an admin address gets the Vietnamese 403 page", async ({ page }) => {
  await signIn(page, account("hocvien").email);
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn không có quyền xem trang này");
});

test("anonymous visitors are asked to sign in, then brought back", async ({ page }) => {
  await page.goto("/admin/units");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Funits$/);
  await page.getByLabel("Địa chỉ thư điện tử").fill(account("quantri").email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL("/admin/units");
  await expect(page.getByText("Sở Khoa học và Công nghệ")).toBeVisible();
});

test("people search works with or without diacritics", async ({ page }) => {
  await signIn(page, account("quantri").email);
  for (const query of ["nguyen van an", "Nguyễn Văn Ân"]) {
    await page.goto(`/admin/people?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole("cell", { name: /Nguyễn Văn Ân/ })).toBeVisible();
  }
});

test("'Your sessions' lists a second browser and ends it; that browser is signed out", async ({ page, browser }, testInfo) => {
  // Each project its own account, so one run never ends the other's sessions.
  const trainer = account(testInfo.project.name === "desktop" ? "giangvien" : "quanly");
  await signIn(page, trainer.email);

  const other = await browser.newContext({
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  });
  const otherPage = await other.newPage();
  await signIn(otherPage, trainer.email);
  await expect(otherPage.getByText(`Xin chào, ${trainer.fullName}`)).toBeVisible();

  await page.goto("/account/sessions");
  const row = page.getByRole("row", { name: /Firefox trên Linux/ });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("row", { name: /Phiên này/ })).toHaveCount(1);
  await row.getByRole("button", { name: "Kết thúc phiên trên Firefox trên Linux" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã kết thúc phiên đăng nhập.");
  await expect(page.getByRole("row", { name: /Firefox trên Linux/ })).toHaveCount(0);

  await otherPage.goto("/account/sessions");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a learner signs in, sees the sessions page and signs out", async ({ page }) => {
    await signIn(page, account("hocvien").email);
    await page.getByRole("link", { name: "Phiên đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiên đăng nhập của bạn");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  });

  test("a wrong password is answered with the error summary", async ({ page }) => {
    await trySignIn(page, `nojs.${NOBODY}`, "still not the password");
    await expect(page.getByText("Địa chỉ thư điện tử hoặc mật khẩu không đúng.")).toBeVisible();
    await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
  });
});
