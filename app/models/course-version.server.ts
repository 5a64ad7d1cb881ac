import { createHash } from "node:crypto";
import { Prisma, type CourseLevel } from "~/generated/prisma/client";
import { parseGift } from "~/utils/gift";
import { banksOf, drawShortfall, type BankQuestions } from "~/utils/quiz";
import { findBankQuestions } from "./question-bank.server";
import { quizSettingsOf } from "~/utils/quiz-settings";
import { canonicalJson, courseContentSchema, itemsInOrder, type CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { queryRows } from "~/utils/sql.server";
import { getVersionById } from "./version-content.server";
import { CourseRuleError } from "./course.server";
import { createLessonHtmlIn, saveLessonHtml, type LessonHtmlRow } from "./lesson-html.server";

// Published versions: immutable snapshots of a course (a database trigger
// refuses UPDATE and DELETE). What learners read, search and, later, are
// enrolled in: a learner keeps the version they started.

export function contentHash(content: CourseContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export type PublishProblem = { key: "studio.publish.empty" | "studio.publish.emptyLesson" | "studio.publish.badQuiz" | "studio.publish.badDraw"; title?: string };

/** The shared banks this content's quizzes draw from, as they are now. */
export async function banksFor(content: CourseContent) {
  const slugs = itemsInOrder(content).flatMap((item) => (item.kind === "QUIZ" ? banksOf(quizSettingsOf(item.quiz)) : []));
  return findBankQuestions([...new Set(slugs)]);
}

/** What stops this content from being published; empty when it can be. */
export function publishProblems(content: CourseContent, banks: BankQuestions = new Map()): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const items = itemsInOrder(content);
  if (!items.some((item) => item.kind === "LESSON")) problems.push({ key: "studio.publish.empty" });
  for (const item of items) {
    if (item.kind === "LESSON" && !item.body.trim()) problems.push({ key: "studio.publish.emptyLesson", title: item.title });
    if (item.kind === "QUIZ") {
      const quiz = parseGift(item.body);
      if (!quiz.ok || quiz.questions.length === 0) problems.push({ key: "studio.publish.badQuiz", title: item.title });
      else if (drawShortfall(quiz.questions, quizSettingsOf(item.quiz).draw, banks) > 0) {
        problems.push({ key: "studio.publish.badDraw", title: item.title });
      }
    }
  }
  return problems;
}

/**
 * Freezes content as the course's next version and makes it the one new
 * learners get, with its lessons' HTML (rendered by the caller, before the
 * transaction: see app/services/course-publish.server.ts). Unchanged content
 * makes no version (importing the same files twice changes nothing).
 */
export async function publishContent({
  courseId,
  content,
  changeNote,
  publishedById,
  lessonHtml,
}: {
  courseId: string;
  content: CourseContent;
  changeNote: string;
  publishedById: string | null;
  lessonHtml: readonly LessonHtmlRow[];
}) {
  const hash = contentHash(content);
  const result = await prisma.$transaction(async (tx) => {
    // One publisher at a time per course: version numbers never collide.
    const [course] = await tx.$queryRaw<{ published_version_id: string | null; status: string }[]>`
      SELECT published_version_id, status::text FROM course WHERE id = ${courseId}::uuid FOR UPDATE`;
    if (!course) throw new CourseRuleError("studio.error.notFound");
    // An archived course stays archived: only "Mở lại" brings it back.
    const status = course.status === "ARCHIVED" ? "ARCHIVED" : "PUBLISHED";
    const latest = await tx.courseVersion.findFirst({
      select: { id: true, number: true, contentHash: true },
      where: { courseId },
      orderBy: { number: "desc" },
    });
    if (latest?.contentHash === hash) {
      if (course.published_version_id !== latest.id) {
        await tx.course.update({ where: { id: courseId }, data: { publishedVersionId: latest.id, status } });
      }
      return { versionId: latest.id, number: latest.number, created: false };
    }
    const version = await tx.courseVersion.create({
      select: { id: true, number: true },
      data: {
        courseId,
        number: (latest?.number ?? 0) + 1,
        title: content.title,
        summary: content.summary,
        level: content.level,
        estimatedMinutes: content.estimatedMinutes,
        competenceCodes: content.competences,
        content: JSON.parse(canonicalJson(content)) as Prisma.InputJsonValue,
        contentHash: hash,
        changeNote,
        publishedById,
      },
    });
    await createLessonHtmlIn(tx, version.id, lessonHtml);
    await tx.course.update({ where: { id: courseId }, data: { publishedVersionId: version.id, status } });
    return { versionId: version.id, number: version.number, created: true };
  });
  // Unchanged content: the version may predate stored HTML; what was rendered
  // fills it in (rows already rendered the same way stay untouched).
  if (!result.created) await saveLessonHtml(result.versionId, lessonHtml);
  return { number: result.number, created: result.created };
}

export async function listCourseVersions({ courseId }: { courseId: string }) {
  return prisma.courseVersion.findMany({
    select: { id: true, number: true, title: true, changeNote: true, publishedAt: true, publishedBy: { select: { fullName: true } } },
    where: { courseId },
    orderBy: { number: "desc" },
  });
}

export async function getVersionContent({ courseId, number }: { courseId: string; number: number }) {
  const version = await prisma.courseVersion.findUnique({
    select: { number: true, content: true, publishedAt: true, changeNote: true },
    where: { courseId_number: { courseId, number } },
  });
  return version ? { ...version, content: courseContentSchema.parse(version.content) } : null;
}

/** The newest version of a course, published or archived since: what regrading corrects to. */
export async function getLatestVersion({ courseId }: { courseId: string }) {
  const version = await prisma.courseVersion.findFirst({
    select: { number: true, content: true },
    where: { courseId },
    orderBy: { number: "desc" },
  });
  return version ? { number: version.number, content: courseContentSchema.parse(version.content) } : null;
}

// ---------------------------------------------------------------------------
// The catalogue: published courses, newest version of each.

export type CatalogueFilters = {
  q?: string;
  areaCode?: string;
  level?: CourseLevel;
  length?: "short" | "medium" | "long";
};

const LENGTHS = {
  short: Prisma.sql`v.estimated_minutes <= 60`,
  medium: Prisma.sql`v.estimated_minutes > 60 AND v.estimated_minutes <= 180`,
  long: Prisma.sql`v.estimated_minutes > 180`,
};

type CatalogueRow = {
  slug: string;
  title: string;
  summary: string;
  level: CourseLevel;
  estimated_minutes: number;
  competence_codes: string[];
  lessons: number;
  cover: { url: string; width: number; height: number } | null;
};

/**
 * Search with or without diacritics: every word must appear in the title or
 * summary once both are folded (hoc_so_fold: unaccent + lower, see the
 * courses migration). Only when nothing matches that way does it fall back to
 * trigram word similarity, which forgives a typo ("chu ki so").
 */
export async function searchCatalogue(filters: CatalogueFilters) {
  const exact = await queryCatalogue(filters, false);
  return exact.length || !filters.q?.trim() ? exact : queryCatalogue(filters, true);
}

async function queryCatalogue(filters: CatalogueFilters, fuzzy: boolean) {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.status = 'PUBLISHED'`];
  const query = filters.q?.trim().slice(0, 100);
  if (query) {
    const words = query.split(/\s+/).slice(0, 8);
    const like = (word: string) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const allWords = Prisma.join(
      words.map((word) => Prisma.sql`hoc_so_fold(v.title || ' ' || v.summary) LIKE hoc_so_fold(${like(word)})`),
      " AND ",
    );
    conditions.push(
      fuzzy ? Prisma.sql`word_similarity(hoc_so_fold(${query}), hoc_so_fold(v.title || ' ' || v.summary)) >= 0.5` : allWords,
    );
  }
  if (filters.level) conditions.push(Prisma.sql`v.level = ${filters.level}::course_level`);
  if (filters.length) conditions.push(LENGTHS[filters.length]);
  if (filters.areaCode) {
    conditions.push(Prisma.sql`v.competence_codes && ARRAY(
      SELECT k.code FROM competence k JOIN competency_area a ON a.id = k.area_id WHERE a.code = ${filters.areaCode})::varchar[]`);
  }
  const order = query
    ? Prisma.sql`word_similarity(hoc_so_fold(${query}), hoc_so_fold(v.title || ' ' || v.summary)) DESC, v.title COLLATE "vi-x-icu"`
    : Prisma.sql`v.title COLLATE "vi-x-icu"`;
  const rows = await queryRows<CatalogueRow>(Prisma.sql`
    SELECT c.slug, v.title, v.summary, v.level, v.estimated_minutes, v.competence_codes,
           NULLIF(v.content->'coverImage', 'null'::jsonb) AS cover,
           (SELECT count(*)::int FROM jsonb_array_elements(v.content->'modules') m,
                   jsonb_array_elements(m->'items') i WHERE i->>'kind' = 'LESSON') AS lessons
      FROM course c JOIN course_version v ON v.id = c.published_version_id
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ${order}
     LIMIT 200`);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    level: row.level,
    estimatedMinutes: row.estimated_minutes,
    competenceCodes: row.competence_codes,
    lessons: row.lessons,
    cover: row.cover ? { url: row.cover.url, width: row.cover.width, height: row.cover.height } : null,
  }));
}

/** A course by its address, as a learner's page first needs it. */
export async function findCourseForLearner({ slug }: { slug: string }) {
  return prisma.course.findUnique({ select: { id: true, status: true, publishedVersionId: true }, where: { slug } });
}

/** A course as learners see it: its newest published version. */
export async function getPublishedCourse({ slug }: { slug: string }) {
  const course = await findCourseForLearner({ slug });
  return course ? publishedCourseOf(course) : null;
}

/** The newest published version of a course found by findCourseForLearner; null unless it is published. */
export async function publishedCourseOf(course: { id: string; status: string; publishedVersionId: string | null }) {
  if (course.status !== "PUBLISHED" || !course.publishedVersionId) return null;
  const version = await getVersionById(course.publishedVersionId);
  if (!version) return null;
  const content = version.content;
  const prerequisites = content.prerequisites.length
    ? await prisma.course.findMany({
        select: { slug: true, status: true, publishedVersion: { select: { title: true } } },
        where: { slug: { in: [...content.prerequisites] } },
      })
    : [];
  return {
    courseId: course.id,
    versionId: version.id,
    versionNumber: version.number,
    publishedAt: version.publishedAt,
    content,
    // A prerequisite never published shows nothing of its draft.
    prerequisites: prerequisites
      .filter((row) => row.publishedVersion)
      .map((row) => ({ slug: row.slug, title: row.publishedVersion!.title, available: row.status === "PUBLISHED" })),
  };
}

/** Published courses, for choosing one (HR assigning training). */
export async function listPublishedCourseChoices() {
  const rows = await prisma.course.findMany({
    select: { id: true, publishedVersion: { select: { title: true } } },
    where: { status: "PUBLISHED", publishedVersionId: { not: null } },
  });
  return rows
    .map((row) => ({ id: row.id, title: row.publishedVersion!.title }))
    .sort((a, b) => vietnameseOrder.compare(a.title, b.title));
}

// One collator for every sort: localeCompare builds a new one per call.
const vietnameseOrder = new Intl.Collator("vi");
