import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Every page of the app, as the role that uses it, reached on the demo data
// the way a person would (pages whose address holds an id are opened from a
// link). The accessibility and byte-budget checks go through this list, and
// a test holds it to the route files: a new page that is not here fails.

export type Visit = {
  /** The route, as app/routes names it: "/admin/people/:userId". */
  route: string;
  /** Where to go; by default the route itself (routes without parameters). */
  from?: string | ((browser: Browser) => Promise<string>);
  /** Then follow these links in turn: by exact name, or the first in the page whose address matches. */
  via?: (string | RegExp)[];
  /** Then press this button (a form that leads to the page). */
  press?: RegExp;
};

const ID = "[0-9a-f-]{36}";
const link = (pattern: string) => new RegExp(`^${pattern}$`);
const STUDIO_COURSE = "Dịch vụ công trực tuyến và định danh điện tử";
const STUDIO_QUIZ = "Soạn “Bài kiểm tra cuối khoá”";

/** A certificate's code, as its holder (the demo learner) finds it on their page. */
async function demoCertificateCode(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "hocvien@lamdong.test", "/learning");
  const href = await page.locator('main a[href^="/verify/"]').first().getAttribute("href");
  await context.close();
  if (!href) throw new Error("the demo learner has no certificate");
  return href.slice("/verify/".length);
}

export const pagesByRole: [who: string, visits: Visit[]][] = [
  [
    "",
    [
      { route: "/" },
      { route: "/login" },
      { route: "/forgot-password" },
      { route: "/verify" },
      { route: "/privacy" },
      { route: "/*", from: "/khong-co-trang-nay" },
      // A link that is no longer valid (the page a person meets most often after a day).
      { route: "/reset-password/:token", from: `/reset-password/${"a".repeat(32)}` },
    ],
  ],
  [
    "hocvien@lamdong.test",
    [
      { route: "/learning" },
      { route: "/courses" },
      { route: "/notifications" },
      { route: "/account/sessions" },
      { route: "/account/password" },
      { route: "/courses/:slug", from: "/courses/chuyen-doi-so-nhan-thuc-chung" },
      { route: "/courses/:slug/:itemKey", from: "/courses/an-toan-thong-tin-cho-can-bo/nhan-dien-lua-dao" },
      { route: "/courses/:slug/quiz/:itemKey", from: "/courses/an-toan-thong-tin-cho-can-bo/quiz/kiem-tra-cuoi-khoa" },
      { route: "/courses/:slug/quiz/:itemKey/:attemptId/:number", from: "/courses/an-toan-thong-tin-cho-can-bo/quiz/kiem-tra-cuoi-khoa", press: /^(Bắt đầu làm bài|Làm tiếp bài đang dở)$/ },
      { route: "/courses/:slug/quiz/:itemKey/:attemptId/review", from: "/courses/dich-vu-cong-truc-tuyen-va-vneid/quiz/kiem-tra-cuoi-khoa", via: [/\/review$/] },
      { route: "/verify/:code", from: "/learning", via: [link("/verify/[^/]+")] },
    ],
  ],
  [
    // The demo's newcomer, who has not accepted the privacy notice: every page leads to it.
    "moi@lamdong.test",
    [{ route: "/privacy", from: "/learning" }],
  ],
  [
    "quanly@lamdong.test",
    [
      { route: "/manage/reports" },
      { route: "/manage/reports/overdue" },
      { route: "/manage/reports/exports" },
      { route: "/manage/reports/people/:userId", from: "/manage/reports/overdue", via: [link(`/manage/reports/people/${ID}`)] },
      { route: "/manage/assignments" },
      { route: "/manage/assignments/new" },
      { route: "/manage/assignments/:assignmentId", from: "/manage/assignments", via: [link(`/manage/assignments/${ID}`)] },
      { route: "/manage/people" },
    ],
  ],
  [
    "giangvien@lamdong.test",
    [
      { route: "/studio" },
      { route: "/studio/new" },
      { route: "/studio/banks" },
      { route: "/studio/banks/:bankId", from: "/studio/banks", via: [link(`/studio/banks/${ID}`)] },
      { route: "/studio/:courseId", from: "/studio", via: [STUDIO_COURSE] },
      { route: "/studio/:courseId/preview", from: "/studio", via: [STUDIO_COURSE, /\/preview$/] },
      { route: "/studio/:courseId/preview/:itemKey", from: "/studio", via: [STUDIO_COURSE, /\/preview$/, link(`/studio/${ID}/preview/[^/]+`)] },
      { route: "/studio/:courseId/publish", from: "/studio", via: [STUDIO_COURSE, /\/publish$/] },
      { route: "/studio/:courseId/versions", from: "/studio", via: [STUDIO_COURSE, /\/versions$/] },
      { route: "/studio/:courseId/items/:itemId", from: "/studio", via: [STUDIO_COURSE, STUDIO_QUIZ] },
      { route: "/studio/:courseId/items/:itemId/settings", from: "/studio", via: [STUDIO_COURSE, STUDIO_QUIZ, /\/settings$/] },
      { route: "/studio/:courseId/items/:itemId/import", from: "/studio", via: [STUDIO_COURSE, STUDIO_QUIZ, /\/import$/] },
      { route: "/studio/:courseId/quizzes/:itemKey", from: "/studio", via: [STUDIO_COURSE, STUDIO_QUIZ, link(`/studio/${ID}/quizzes/[^/]+`)] },
      {
        route: "/studio/:courseId/quizzes/:itemKey/:attemptId",
        from: "/studio",
        via: [STUDIO_COURSE, STUDIO_QUIZ, link(`/studio/${ID}/quizzes/[^/]+`), link(`/studio/${ID}/quizzes/[^/]+/${ID}`)],
      },
    ],
  ],
  [
    "quantri@lamdong.test",
    [
      { route: "/admin/people" },
      { route: "/admin/people/import" },
      { route: "/admin/people/:userId", from: "/admin/people", via: [link(`/admin/people/${ID}`)] },
      { route: "/admin/people/:userId/anonymise", from: "/admin/people", via: [link(`/admin/people/${ID}`), link(`/admin/people/${ID}/anonymise`)] },
      { route: "/admin/units" },
      { route: "/admin/units/new" },
      { route: "/admin/units/:unitId", from: "/admin/units", via: [link(`/admin/units/${ID}`)] },
      { route: "/admin/certificates" },
      { route: "/admin/certificates/template" },
      { route: "/admin/certificates/:code/reissue", from: async (browser) => `/admin/certificates?code=${await demoCertificateCode(browser)}`, via: [/\/reissue$/] },
      { route: "/admin/competencies" },
      { route: "/admin/audit" },
      { route: "/admin/outbox" },
    ],
  ],
];

const templateRegExp = (route: string) => new RegExp(`^${route.replace(/:[a-zA-Z]+/g, "[^/]+").replace("*", ".+")}$`);

/** Goes to the page of `visit`, as a person would, and checks it is that route. */
export async function open(page: Page, browser: Browser, visit: Visit) {
  const from = typeof visit.from === "function" ? await visit.from(browser) : (visit.from ?? visit.route);
  await page.goto(from);
  for (const step of visit.via ?? []) {
    const before = page.url();
    if (typeof step === "string") {
      await page.getByRole("link", { name: step, exact: true }).first().click();
    } else {
      // The page may still be rendering after a client-side navigation: look until it shows.
      const find = async () => {
        const hrefs = await page.locator("main a[href]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
        return hrefs.find((candidate) => step.test(new URL(candidate, "http://x").pathname));
      };
      await expect.poll(find, { message: `${visit.route}: a link like ${step} on ${page.url()}` }).toBeTruthy();
      await page.goto((await find())!);
    }
    await page.waitForURL((url) => url.href !== before);
  }
  if (visit.press) {
    const before = page.url();
    // The other project (desktop or phone) may press the same button at the
    // same moment as the same person: one is refused, and the page, reloaded,
    // then offers to go on with the attempt the other started.
    for (let attempt = 1; page.url() === before; attempt++) {
      await page.getByRole("button", { name: visit.press }).click();
      const moved = await page.waitForURL((url) => url.href !== before, { timeout: 10_000 }).then(() => true, () => false);
      if (!moved && attempt === 3) throw new Error(`${visit.route}: pressing ${visit.press} led nowhere`);
      if (!moved) await page.reload();
    }
  }
  await page.waitForLoadState("networkidle");
  expect(new URL(page.url()).pathname, visit.route).toMatch(templateRegExp(visit.route));
}

/**
 * The pages app/routes holds, as route patterns: the files (or folders) with
 * a component, named by Remix's flat-routes rules ("admin.people_.$userId" →
 * "/admin/people/:userId"). Resource routes (no component) are not pages.
 */
export function pageRoutes(folder = "app/routes"): string[] {
  return readdirSync(folder)
    .filter((name) => !/\.test\.tsx?$/.test(name))
    .flatMap((name) => {
      const file = existsSync(path.join(folder, name, "route.tsx")) ? path.join(folder, name, "route.tsx") : path.join(folder, name);
      if (!file.endsWith(".tsx") || !/export default/.test(readFileSync(file, "utf8"))) return [];
      const segments = name
        .replace(/\.tsx$/, "")
        .split(/\.(?![^[]*\])/)
        .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
        .map((segment) => segment.replace(/_$/, "").replace(/\[(.*?)\]/g, "$1"))
        .map((segment) => (segment === "$" ? "*" : segment.startsWith("$") ? `:${segment.slice(1)}` : segment));
      return [`/${segments.join("/")}`];
    })
    .sort();
}
