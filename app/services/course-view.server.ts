import type { Translate } from "~/i18n/i18n";
import { listCompetencyAreas } from "~/models/competency.server";
import { getMediaSizes } from "~/models/media.server";
import { itemsInOrder, type CourseContent } from "~/utils/course-content";
import { parseGift } from "~/utils/gift";
import { mediaIdsIn, renderLessonHtml, type RenderLabels } from "~/utils/lesson-markdown.server";
import { publicBaseUrl } from "~/utils/env.server";

// What the course and lesson pages show, built from course content: the
// same for a published version (learners) and a draft (the studio's
// "preview as a learner"), so the preview is exactly what learners get.

export function markdownLabels(t: Translate): RenderLabels {
  return {
    note: t("markdown.note"),
    tip: t("markdown.tip"),
    important: t("markdown.important"),
    warning: t("markdown.warning"),
    caution: t("markdown.caution"),
    table: t("markdown.table"),
    code: t("markdown.code"),
    video: t("markdown.video"),
    openVideo: t("markdown.openVideo"),
  };
}

/** Markdown to safe HTML, with our images' sizes looked up. */
export async function renderMarkdown(markdown: string, t: Translate) {
  return renderLessonHtml(markdown, {
    labels: markdownLabels(t),
    media: await getMediaSizes(mediaIdsIn(markdown)),
    origin: new URL(publicBaseUrl()).origin,
  });
}

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

/** One lesson, with its neighbours for "previous" and "next" (lessons only). */
export async function lessonView(content: CourseContent, key: string, t: Translate) {
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
    html: await renderMarkdown(lesson.body, t),
    previous: neighbour(lessons[index - 1]),
    next: neighbour(lessons[index + 1]),
  };
}

export type LessonView = NonNullable<Awaited<ReturnType<typeof lessonView>>>;
