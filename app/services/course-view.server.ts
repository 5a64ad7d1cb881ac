import type { Locale, Translate } from "~/i18n/i18n";
import { listCompetencyAreas } from "~/models/competency.server";
import { itemsInOrder, type CourseContent } from "~/utils/course-content";
import { parseGift } from "~/utils/gift";
import { renderMarkdown, storedLessonHtml } from "./lesson-html.server";

// What the course and lesson pages show, built from course content: the
// same for a published version (learners) and a draft (the studio's
// "preview as a learner"), so the preview is exactly what learners get.

export async function courseOverview(content: CourseContent, t: Translate) {
  const areas = await listCompetencyAreas({ includeArchived: true });
  const names = new Map(areas.flatMap((area) => area.competences.map((competence) => [competence.code, competence.name] as const)));
  const firstLesson = itemsInOrder(content).find((item) => item.kind === "LESSON");
  return {
    slug: content.slug,
    title: content.title,
    summary: content.summary,
    level: content.level,
    estimatedMinutes: content.estimatedMinutes,
    coverImage: content.coverImage,
    descriptionHtml: await renderMarkdown(content.description, t),
    competences: content.competences.map((code) => ({ code, name: names.get(code) ?? code })),
    lessonCount: itemsInOrder(content).filter((item) => item.kind === "LESSON").length,
    firstLessonKey: firstLesson?.key ?? null,
    modules: content.modules.map((module) => ({
      key: module.key,
      title: module.title,
      items: module.items.map((item) => {
        const quiz = item.kind === "QUIZ" ? parseGift(item.body) : null;
        return {
          key: item.key,
          kind: item.kind,
          title: item.title,
          minutes: item.minutes,
          questions: quiz ? quiz.questions.length : null,
          passPercent: item.passPercent,
        };
      }),
    })),
  };
}

export type CourseOverview = Awaited<ReturnType<typeof courseOverview>>;

/** One lesson's place in its course, with its neighbours for "previous" and "next" (lessons only); no text. */
export function findLesson(content: CourseContent, key: string) {
  const lessons = itemsInOrder(content).filter((item) => item.kind === "LESSON");
  const index = lessons.findIndex((item) => item.key === key);
  const lesson = lessons[index];
  if (!lesson) return null;
  const neighbour = (item: (typeof lessons)[number] | undefined) => (item ? { key: item.key, title: item.title } : null);
  return {
    courseSlug: content.slug,
    courseTitle: content.title,
    key: lesson.key,
    title: lesson.title,
    minutes: lesson.minutes,
    moduleTitle: lesson.moduleTitle,
    position: index + 1,
    total: lessons.length,
    previous: neighbour(lessons[index - 1]),
    next: neighbour(lessons[index + 1]),
  };
}

/** Where a published lesson's HTML is stored: its version, in the reader's language. */
export type StoredHtml = { versionId: string; locale: Locale };

/**
 * A lesson's HTML: from a published version, stored once (no markdown work
 * on the request); from a draft (`stored` null), rendered live.
 */
export async function lessonHtml(content: CourseContent, key: string, t: Translate, stored: StoredHtml | null) {
  const body = itemsInOrder(content).find((item) => item.key === key && item.kind === "LESSON")?.body ?? "";
  return stored ? storedLessonHtml({ ...stored, itemKey: key, markdown: body }) : renderMarkdown(body, t);
}

/** One lesson with its HTML, as the lesson page shows it; null when the course has no such lesson. */
export async function lessonView(content: CourseContent, key: string, t: Translate, stored: StoredHtml | null) {
  const lesson = findLesson(content, key);
  return lesson ? { ...lesson, html: await lessonHtml(content, lesson.key, t, stored) } : null;
}

export type LessonView = NonNullable<Awaited<ReturnType<typeof lessonView>>>;
