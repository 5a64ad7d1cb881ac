import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { locales } from "~/i18n/i18n";
import { translatorFor } from "~/i18n/translate.server";
import { writeDraftContent } from "~/models/course.server";
import { storeImage } from "~/models/media.server";
import { loader as lessonLoader } from "~/routes/courses.$slug.$itemKey";
import { loader as previewLoader } from "~/routes/studio.$courseId.preview.$itemKey";
import { courseContentSchema, itemsInOrder, type CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { publicBaseUrl } from "~/utils/env.server";
import { renderLessonHtml, RENDERER_VERSION } from "~/utils/lesson-markdown.server";
import { importContent } from "../../prisma/content";
import { oneLessonCourse } from "../../tests/helpers/courses";
import { makeUnits, sessionCookieFor, signedInAs, makePerson } from "../../tests/helpers/people";
import { callAs } from "../../tests/helpers/requests";
import { publishCourse } from "./course-publish.server";
import { lessonView } from "./course-view.server";
import { markdownLabels, renderKeyFor, renderMarkdown, storedLessonHtml, storeMissingLessonHtml } from "./lesson-html.server";

// The real renderer, watched: how many times a page or publish ran it.
vi.mock("~/utils/lesson-markdown.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/lesson-markdown.server")>();
  return { ...actual, renderLessonHtml: vi.fn(actual.renderLessonHtml) };
});
const renders = () => vi.mocked(renderLessonHtml).mock.calls.length;

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** A lesson using everything the renderer adds around the markdown: labels, image sizes, players, links. */
function richBody(imageId: string) {
  return [
    "# Tiêu đề",
    "> [!NOTE]\n> Ghi chú.",
    "> [!WARNING]\n> Cảnh báo.",
    "| Cột | Số |\n|:--|--:|\n| a | 1 |",
    "```\nmã\n```",
    `![Ảnh](/media/${imageId}.png)`,
    "![](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
    "[Nơi khác](https://example.org/trang) và [trang này](" + publicBaseUrl() + "/courses)",
    "<script>alert(1)</script>",
  ].join("\n\n");
}

function richCourse(slug: string, imageId: string): CourseContent {
  const course = oneLessonCourse(slug, "Khoá hiển thị");
  const lesson = (key: string, body: string) => ({ key, kind: "LESSON" as const, title: `Bài ${key}`, minutes: 5, body, passPercent: null });
  return { ...course, modules: [{ key: "p", title: "Phần", items: [lesson("mot", richBody(imageId)), lesson("hai", "Bài **hai**.")] }] };
}

const storedRows = (versionId: string) =>
  prisma.lessonHtml.findMany({ select: { itemKey: true, locale: true, renderKey: true, html: true }, where: { versionId }, orderBy: [{ itemKey: "asc" }, { locale: "asc" }] });

async function publishedVersionId(courseId: string) {
  const course = await prisma.course.findUniqueOrThrow({ select: { publishedVersionId: true }, where: { id: courseId } });
  return course.publishedVersionId!;
}

let imageId: string;
beforeAll(async () => {
  await makeUnits();
  imageId = (await storeImage({ bytes: PNG, originalName: "anh.png", uploadedById: null })).id;
});
beforeEach(() => vi.mocked(renderLessonHtml).mockClear());

describe("publishing stores each lesson's HTML", () => {
  test("in every locale, in the publish, equal to live rendering (labels, image sizes, players, links)", async () => {
    const content = richCourse("khoa-hien-thi", imageId);
    const courseId = await writeDraftContent({ content, trainerIds: [], sourceHash: null });
    await publishCourse({ courseId, content, changeNote: "Bản đầu", publishedById: null });
    const rows = await storedRows(await publishedVersionId(courseId));
    expect(rows.map((row) => `${row.itemKey}/${row.locale}`)).toEqual(["hai/en", "hai/vi", "mot/en", "mot/vi"]);
    for (const row of rows) {
      const body = itemsInOrder(content).find((item) => item.key === row.itemKey)!.body;
      expect(row.html).toBe(await renderMarkdown(body, translatorFor(row.locale as "vi" | "en")));
      expect(row.renderKey).toBe(renderKeyFor(row.locale as "vi" | "en"));
    }
    // What depends on the language differs, and is in the stored HTML.
    const mot = (locale: string) => rows.find((row) => row.itemKey === "mot" && row.locale === locale)!.html;
    expect(mot("vi")).toContain(`<strong>${translatorFor("vi")("markdown.note")}</strong>`);
    expect(mot("en")).toContain(`<strong>${translatorFor("en")("markdown.note")}</strong>`);
    expect(mot("vi")).toContain('width="1" height="1"');
    expect(mot("vi")).toContain("youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(mot("vi")).not.toContain("<script");
  });

  test("every demo lesson: the stored HTML is what live rendering gives, in both languages", async () => {
    await importContent({ contentDir: path.resolve("content"), log: () => {} });
    const versions = await prisma.course.findMany({ select: { publishedVersion: { select: { id: true, content: true } } }, where: { slug: { not: "khoa-hien-thi" } } });
    let compared = 0;
    for (const { publishedVersion } of versions) {
      const content = courseContentSchema.parse(publishedVersion!.content);
      const rows = await storedRows(publishedVersion!.id);
      const lessons = itemsInOrder(content).filter((item) => item.kind === "LESSON");
      expect(rows.length).toBe(lessons.length * locales.length);
      for (const lesson of lessons) {
        for (const locale of locales) {
          const t = translatorFor(locale);
          const live = await lessonView(content, lesson.key, t, null);
          const stored = await lessonView(content, lesson.key, t, { versionId: publishedVersion!.id, locale });
          expect(stored, `${content.slug}/${lesson.key}/${locale}`).toEqual(live);
          expect(rows.find((row) => row.itemKey === lesson.key && row.locale === locale)!.html).toBe(live!.html);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});

describe("a published version without stored HTML, or with HTML from another renderer", () => {
  async function publishedOneLesson(slug: string) {
    const content = oneLessonCourse(slug, "Khoá cũ");
    const courseId = await writeDraftContent({ content, trainerIds: [], sourceHash: null });
    await publishCourse({ courseId, content, changeNote: "Bản đầu", publishedById: null });
    return { content, courseId, versionId: await publishedVersionId(courseId) };
  }

  test("is rendered at its first view and stored; later views render nothing", async () => {
    const { versionId } = await publishedOneLesson("khoa-cu");
    // As a version published before lesson_html existed.
    await prisma.lessonHtml.deleteMany({ where: { versionId } });
    vi.mocked(renderLessonHtml).mockClear();
    const live = await renderMarkdown("Nội dung.", translatorFor("vi"));
    expect(await storedLessonHtml({ versionId, itemKey: "b", markdown: "Nội dung.", locale: "vi" })).toBe(live);
    expect((await storedRows(versionId)).map((row) => [row.locale, row.html])).toEqual([["vi", live]]);
    vi.mocked(renderLessonHtml).mockClear();
    expect(await storedLessonHtml({ versionId, itemKey: "b", markdown: "Nội dung.", locale: "vi" })).toBe(live);
    expect(renders()).toBe(0);
  });

  test("many first views at once all get the page, and leave one row", async () => {
    const { versionId } = await publishedOneLesson("khoa-dong-thoi");
    await prisma.lessonHtml.deleteMany({ where: { versionId } });
    const views = await Promise.all(Array.from({ length: 8 }, () => storedLessonHtml({ versionId, itemKey: "b", markdown: "Nội dung.", locale: "en" })));
    expect(new Set(views)).toEqual(new Set([await renderMarkdown("Nội dung.", translatorFor("en"))]));
    expect(await prisma.lessonHtml.count({ where: { versionId, locale: "en" } })).toBe(1);
  });

  test("HTML from the previous renderer version is rendered again and replaced", async () => {
    const { versionId } = await publishedOneLesson("khoa-doi-renderer");
    const previousKey = createHash("sha256")
      .update(JSON.stringify({ renderer: RENDERER_VERSION - 1, labels: markdownLabels(translatorFor("vi")), origin: new URL(publicBaseUrl()).origin }))
      .digest("hex");
    expect(previousKey).not.toBe(renderKeyFor("vi"));
    await prisma.lessonHtml.update({
      where: { versionId_itemKey_locale: { versionId, itemKey: "b", locale: "vi" } },
      data: { renderKey: previousKey, html: "<p>cũ</p>" },
    });
    vi.mocked(renderLessonHtml).mockClear();
    const html = await storedLessonHtml({ versionId, itemKey: "b", markdown: "Nội dung.", locale: "vi" });
    expect(html).toBe("<p>Nội dung.</p>");
    expect(renders()).toBe(1);
    const row = await prisma.lessonHtml.findUniqueOrThrow({ where: { versionId_itemKey_locale: { versionId, itemKey: "b", locale: "vi" } } });
    expect([row.renderKey, row.html]).toEqual([renderKeyFor("vi"), html]);
  });

  test("the content import brings every current version's HTML up to date, then has nothing to do", async () => {
    const { versionId } = await publishedOneLesson("khoa-bu");
    await prisma.lessonHtml.deleteMany({ where: { versionId } });
    await prisma.lessonHtml.updateMany({ where: { version: { course: { slug: "khoa-hien-thi" } } }, data: { renderKey: "0".repeat(64) } });
    expect(await storeMissingLessonHtml()).toBeGreaterThanOrEqual(2);
    expect((await storedRows(versionId)).map((row) => row.locale)).toEqual(["en", "vi"]);
    // Every current version now has each lesson in each language, rendered as this code would.
    const current = await prisma.course.findMany({ select: { publishedVersion: { select: { id: true, content: true } } }, where: { publishedVersionId: { not: null } } });
    for (const { publishedVersion } of current) {
      const lessons = itemsInOrder(courseContentSchema.parse(publishedVersion!.content)).filter((item) => item.kind === "LESSON");
      for (const locale of locales) {
        const keys = await prisma.lessonHtml.findMany({ select: { itemKey: true }, where: { versionId: publishedVersion!.id, locale, renderKey: renderKeyFor(locale) } });
        expect(keys.map((row) => row.itemKey).sort()).toEqual(lessons.map((lesson) => lesson.key).sort());
      }
    }
    vi.mocked(renderLessonHtml).mockClear();
    expect(await storeMissingLessonHtml()).toBe(0);
    expect(renders()).toBe(0);
  });
});

describe("the lesson page", () => {
  test("serves stored HTML without rendering; a draft preview renders live", async () => {
    const content = richCourse("khoa-trang-bai", imageId);
    const trainer = await makePerson({ email: "gv-bai@example.test", role: "TRAINER" });
    const courseId = await writeDraftContent({ content, trainerIds: [trainer.id], sourceHash: null });
    await publishCourse({ courseId, content, changeNote: "Bản đầu", publishedById: null });
    const versionId = await publishedVersionId(courseId);
    const { cookie } = await signedInAs("LEARNER", "hoc-vien-bai@example.test");

    vi.mocked(renderLessonHtml).mockClear();
    const page = await callAs(lessonLoader, cookie, `/courses/${content.slug}/mot`, { params: { slug: content.slug, itemKey: "mot" } });
    if (page instanceof Response) throw new Error(`status ${page.status}`);
    expect(renders()).toBe(0);
    const stored = await prisma.lessonHtml.findUniqueOrThrow({ where: { versionId_itemKey_locale: { versionId, itemKey: "mot", locale: "vi" } } });
    expect(page.lesson.html).toBe(stored.html);
    expect(page.lesson.html).toBe(await renderMarkdown(richBody(imageId), translatorFor("vi")));

    // The learner's language picks the stored row.
    vi.mocked(renderLessonHtml).mockClear();
    const english = await callAs(lessonLoader, `${cookie}; hocso_lang=en`, `/courses/${content.slug}/mot`, { params: { slug: content.slug, itemKey: "mot" } });
    if (english instanceof Response) throw new Error(`status ${english.status}`);
    expect(renders()).toBe(0);
    expect(english.lesson.html).toContain(`<strong>${translatorFor("en")("markdown.note")}</strong>`);

    // The studio's preview of the draft: rendered on each view.
    const trainerCookie = await sessionCookieFor(trainer.id, "TRAINER");
    vi.mocked(renderLessonHtml).mockClear();
    const preview = await callAs(previewLoader, trainerCookie, `/studio/${courseId}/preview/mot`, { params: { courseId, itemKey: "mot" } });
    if (preview instanceof Response) throw new Error(`status ${preview.status}`);
    expect(renders()).toBe(1);
    expect(preview.lesson.html).toBe(page.lesson.html);
  });
});
