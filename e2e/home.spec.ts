import { expect, test, type Page } from "@playwright/test";
import { setPasswordByMail } from "./fixtures";

test.describe("home page", () => {
  test("is in Vietnamese, names the province from the database, and has a working skip link", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Học Số – Nền tảng học tập chuyển đổi số cho cán bộ, công chức, viên chức");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Học kỹ năng số, mọi lúc, trên mọi thiết bị");
    // Demo data, read from PostgreSQL.
    await expect(page.getByText("UBND tỉnh Lâm Đồng")).toBeVisible();
    await expect(page.getByText("15 sở, ban, ngành")).toBeVisible();

    // The first Tab stop is the skip link; it shows itself and jumps to the content.
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main-content$/);
    await expect(page.locator("main#main-content")).toBeFocused();
  });

  test("does not shift while it loads, even when the web font comes late", async ({ page }) => {
    // A slow phone network: the font arrives after the text is first painted
    // in the fallback font, whose metrics are adjusted to match it.
    await page.route("**/*.woff2", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto("/");
    await page.evaluate(() => document.fonts.ready);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    // Lighthouse calls under 0.1 good; this page should barely move.
    expect(shift).toBeLessThan(0.02);
  });

  test("fits a 360 px screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("pages that do not exist", () => {
  test("answer 404 with a Vietnamese page and a way home", async ({ page }) => {
    const response = await page.goto("/khong-co-trang-nay");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Không tìm thấy trang – Học Số");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    await page.getByRole("link", { name: "Về trang chủ" }).click();
    await expect(page).toHaveURL("/");
  });
});

test.describe("language", () => {
  test("switches to English and back, and is remembered", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learn digital skills, any time, on any device");
    await page.goto("/khong-co-trang-nay");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  });
});

test.describe("language of a signed-in person", () => {
  test("follows them to another device, and back", async ({ browser }, testInfo) => {
    // A password set by mail, three contexts, four sign-ins: about 11 s on
    // a quiet machine, and past the default 30 s on a busy one.
    test.setTimeout(60_000);
    // Each project its own demo person: both runs share one database.
    const email = testInfo.project.name === "desktop" ? "hai.tq@lamdong.test" : "son.tv@lamdong.test";
    const password = "nương chè Bảo Lộc sau mưa";
    await setPasswordByMail(browser, email, password);
    const signInOn = async (page: Page) => {
      await page.goto("/login?redirectTo=%2Flearning");
      await page.getByLabel(/Địa chỉ thư điện tử|Email address/).fill(email);
      await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
      await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
      await expect(page).toHaveURL("/learning");
    };
    const office = await (await browser.newContext()).newPage();
    await signInOn(office);
    await expect(office.locator("html")).toHaveAttribute("lang", "vi");
    await office.getByRole("button", { name: "English" }).click();
    await expect(office.getByRole("heading", { level: 1 })).toHaveText("My learning");

    // A phone that has never been told a language: Vietnamese until they sign in.
    const phone = await (await browser.newContext()).newPage();
    await phone.goto("/login");
    await expect(phone.locator("html")).toHaveAttribute("lang", "vi");
    await signInOn(phone);
    await expect(phone.locator("html")).toHaveAttribute("lang", "en");
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText("My learning");
    await phone.goto("/courses");
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Courses");

    // Back to Vietnamese on the phone: the office PC has it at its next sign-in.
    await phone.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(phone.locator("html")).toHaveAttribute("lang", "vi");
    await office.getByRole("button", { name: "Sign out" }).click();
    await signInOn(office);
    await expect(office.locator("html")).toHaveAttribute("lang", "vi");
    await expect(office.getByRole("heading", { level: 1 })).toHaveText("Việc học của tôi");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page reads and the language switch works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Học kỹ năng số, mọi lúc, trên mọi thiết bị");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("health checks", () => {
  test("liveness and readiness answer", async ({ request }) => {
    const live = await request.get("/healthz");
    expect(live.status()).toBe(200);
    expect(await live.text()).toBe("ok");
    const ready = await request.get("/readyz");
    expect(ready.status()).toBe(200);
    expect(await ready.text()).toBe("ready");
    expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("built assets are cached for a year, pages are compressed", async ({ page, request }) => {
    await page.goto("/");
    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    expect(stylesheet).toMatch(/^\/assets\//);
    const asset = await request.get(stylesheet ?? "");
    expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const html = await request.get("/", { headers: { "Accept-Encoding": "gzip" } });
    expect(html.headers()["content-encoding"]).toBe("gzip");
  });
});
