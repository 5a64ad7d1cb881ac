import { Prisma, type CourseItemKind, type CourseLevel } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n/vi";
import { mediaUrl } from "~/utils/media-url";
import { compareVietnamese, foldForSearch } from "~/utils/text";
import { prisma } from "~/utils/db.server";
import type { CourseContent } from "~/utils/course-content";
import { quizSettingsOf, storedQuizSettings, type QuizSettings } from "~/utils/quiz-settings";

// Courses as trainers edit them (the draft). Learners read published
// versions instead: app/models/course-version.server.ts.

export class CourseRuleError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** A key made from a title: "Ba trụ cột" → "ba-tru-cot". */
export function keyFromTitle(title: string): string {
  const key = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return key || "muc";
}

// "course" would collide with course.md when the course is exported to files.
const RESERVED_KEYS = new Set(["course"]);

async function freeKey(taken: (key: string) => Promise<boolean>, base: string) {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED_KEYS.has(key) && !(await taken(key))) return key;
  }
}

// ---------------------------------------------------------------------------
// Reading

export async function isCourseTrainer({ courseId, userId }: { courseId: string; userId: string }) {
  const row = await prisma.courseTrainer.findUnique({ select: { userId: true }, where: { courseId_userId: { courseId, userId } } });
  return row !== null;
}

export async function courseExists(courseId: string) {
  return (await prisma.course.count({ where: { id: courseId } })) > 0;
}

/** Courses in the studio: all of them for an admin, a trainer's own otherwise. */
export async function listStudioCourses({ userId, all }: { userId: string; all: boolean }) {
  const courses = await prisma.course.findMany({
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      publishedVersion: { select: { number: true, publishedAt: true } },
      _count: { select: { items: true } },
    },
    where: all ? {} : { trainers: { some: { userId } } },
    orderBy: { updatedAt: "desc" },
  });
  return courses;
}

const itemSelect = {
  id: true,
  key: true,
  kind: true,
  title: true,
  minutes: true,
  body: true,
  passPercent: true,
  quizSettings: true,
  revision: true,
  updatedAt: true,
} satisfies Prisma.CourseItemSelect;

/** A quiz's settings as content carries them: only when they are not the defaults. */
function quizSettingsEntry(item: { kind: CourseItemKind; quizSettings: Prisma.JsonValue }): { quiz?: QuizSettings } {
  const stored = item.kind === "QUIZ" ? storedQuizSettings(quizSettingsOf(item.quizSettings)) : null;
  return stored ? { quiz: stored } : {};
}

/** The draft with its outline, for the studio. */
export async function getCourseDraft({ courseId }: { courseId: string }) {
  return prisma.course.findUnique({
    select: {
      id: true,
      slug: true,
      status: true,
      title: true,
      summary: true,
      description: true,
      level: true,
      estimatedMinutes: true,
      sequential: true,
      draftRevision: true,
      coverImage: { select: { id: true, width: true, height: true, contentType: true } },
      publishedVersion: { select: { id: true, number: true, contentHash: true, publishedAt: true } },
      trainers: { select: { user: { select: { id: true, fullName: true, email: true } } } },
      competences: { select: { competence: { select: { code: true } } } },
      prerequisites: { select: { requiredCourse: { select: { slug: true } } } },
      modules: {
        select: { id: true, key: true, title: true, position: true, items: { select: itemSelect, orderBy: { position: "asc" } } },
        orderBy: { position: "asc" },
      },
    },
    where: { id: courseId },
  });
}

export type CourseDraft = NonNullable<Awaited<ReturnType<typeof getCourseDraft>>>;

/** The draft as course content (what publishing would freeze). */
export function draftContent(draft: CourseDraft): CourseContent {
  return {
    slug: draft.slug,
    title: draft.title,
    summary: draft.summary,
    description: draft.description,
    level: draft.level,
    estimatedMinutes: draft.estimatedMinutes,
    ...(draft.sequential ? { sequential: true as const } : {}),
    coverImage: draft.coverImage
      ? { id: draft.coverImage.id, width: draft.coverImage.width, height: draft.coverImage.height, url: mediaUrl(draft.coverImage) }
      : null,
    competences: draft.competences.map((row) => row.competence.code).sort(),
    prerequisites: draft.prerequisites.map((row) => row.requiredCourse.slug).sort(),
    modules: draft.modules.map((module) => ({
      key: module.key,
      title: module.title,
      items: module.items.map((item) => ({
        key: item.key,
        kind: item.kind,
        title: item.title,
        minutes: item.minutes,
        body: item.body,
        passPercent: item.passPercent,
        ...quizSettingsEntry(item),
      })),
    })),
  };
}

export async function getDraftItem({ courseId, itemId }: { courseId: string; itemId: string }) {
  return prisma.courseItem.findFirst({
    select: { ...itemSelect, module: { select: { title: true } } },
    where: { id: itemId, courseId },
  });
}

/**
 * Choices for a course's prerequisites: other published courses (a draft
 * of someone else's is not theirs to see), plus those already chosen.
 */
export async function listCourseChoices({ exceptId, chosen = [] }: { exceptId?: string; chosen?: string[] }) {
  const courses = await prisma.course.findMany({
    select: { id: true, slug: true, publishedVersion: { select: { title: true } } },
    where: {
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [{ status: "PUBLISHED" }, { slug: { in: chosen } }],
      publishedVersionId: { not: null },
    },
  });
  return courses
    .map((course) => ({ id: course.id, slug: course.slug, title: course.publishedVersion?.title ?? course.slug }))
    .sort((a, b) => compareVietnamese(a.title, b.title));
}

// ---------------------------------------------------------------------------
// Writing

export type CourseSettings = {
  sequential?: boolean;
  title: string;
  summary: string;
  description: string;
  level: CourseLevel;
  estimatedMinutes: number;
  competenceCodes: string[];
  prerequisiteSlugs: string[];
  coverImageId?: string | null;
};

/** The course row's columns for these settings (create, settings form, content import). */
function settingsColumns(settings: CourseSettings) {
  return {
    title: settings.title,
    summary: settings.summary,
    description: settings.description,
    level: settings.level,
    estimatedMinutes: settings.estimatedMinutes,
    sequential: settings.sequential ?? false,
    ...(settings.coverImageId !== undefined ? { coverImageId: settings.coverImageId } : {}),
  };
}

/**
 * The competences' and prerequisites' ids. With `offeredOnly` (the studio's
 * forms), a prerequisite must be one the form offers (listCourseChoices:
 * published, or already chosen): a slug typed by hand cannot make a course
 * wait on someone else's unpublished draft, nor find out that it exists.
 * Content files (writeDraftContent) may name any course of theirs.
 */
async function relatedIds(tx: Prisma.TransactionClient, settings: CourseSettings, { courseId, offeredOnly }: { courseId?: string; offeredOnly: boolean }) {
  const competences = await tx.competence.findMany({ select: { id: true }, where: { code: { in: settings.competenceCodes } } });
  if (competences.length !== new Set(settings.competenceCodes).size) throw new CourseRuleError("studio.error.unknownCompetence");
  const offered: Prisma.CourseWhereInput = {
    publishedVersionId: { not: null },
    OR: [{ status: "PUBLISHED" }, ...(courseId ? [{ requiredBy: { some: { courseId } } }] : [])],
  };
  const required = await tx.course.findMany({ select: { id: true }, where: { slug: { in: settings.prerequisiteSlugs }, ...(offeredOnly ? offered : {}) } });
  if (required.length !== new Set(settings.prerequisiteSlugs).size) throw new CourseRuleError("studio.error.unknownPrerequisite");
  if (courseId && required.some((course) => course.id === courseId)) throw new CourseRuleError("studio.error.selfPrerequisite");
  return { competenceIds: competences.map((row) => row.id), requiredIds: required.map((row) => row.id) };
}

/** A new draft course; its creator (a trainer) is its first trainer. */
export async function createCourse({ slug, trainerId, ...settings }: CourseSettings & { slug: string; trainerId: string | null }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const { competenceIds, requiredIds } = await relatedIds(tx, settings, { offeredOnly: true });
      return tx.course.create({
        select: { id: true, slug: true },
        data: {
          slug,
          ...settingsColumns(settings),
          trainers: trainerId ? { create: { userId: trainerId } } : undefined,
          competences: { create: competenceIds.map((competenceId) => ({ competenceId })) },
          prerequisites: { create: requiredIds.map((requiredCourseId) => ({ requiredCourseId })) },
        },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new CourseRuleError("studio.error.slugTaken");
    throw error;
  }
}

/**
 * Saves the course's settings if nobody saved them since `revision`; with
 * `trainerIds` (admins only), who else may edit it, in the same transaction.
 */
export async function updateCourseSettings({
  courseId,
  revision,
  trainerIds,
  ...settings
}: CourseSettings & { courseId: string; revision: number; trainerIds?: string[] }) {
  return prisma.$transaction(async (tx) => {
    const { competenceIds, requiredIds } = await relatedIds(tx, settings, { courseId, offeredOnly: true });
    if (trainerIds) {
      const trainers = await tx.user.findMany({
        select: { id: true },
        where: { id: { in: trainerIds }, status: "ACTIVE", roleGrants: { some: { role: { in: ["TRAINER", "ADMIN"] } } } },
      });
      if (trainers.length !== new Set(trainerIds).size) throw new CourseRuleError("studio.error.unknownTrainer");
      await tx.courseTrainer.deleteMany({ where: { courseId } });
      await tx.courseTrainer.createMany({ data: trainers.map((user) => ({ courseId, userId: user.id })) });
    }
    const updated = await tx.course.updateMany({
      where: { id: courseId, draftRevision: revision },
      data: {
        ...settingsColumns(settings),
        draftRevision: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new CourseRuleError("studio.error.staleRevision");
    await tx.courseCompetence.deleteMany({ where: { courseId } });
    await tx.courseCompetence.createMany({ data: competenceIds.map((competenceId) => ({ courseId, competenceId })) });
    await tx.coursePrerequisite.deleteMany({ where: { courseId } });
    await tx.coursePrerequisite.createMany({ data: requiredIds.map((requiredCourseId) => ({ courseId, requiredCourseId })) });
  });
}

export async function setCourseCover({ courseId, coverImageId }: { courseId: string; coverImageId: string | null }) {
  const updated = await prisma.course.updateMany({ where: { id: courseId }, data: { coverImageId, draftRevision: { increment: 1 } } });
  return updated.count === 1;
}

/** Serialises outline changes to one course (two quick clicks, two tabs). */
async function lockCourse(tx: Prisma.TransactionClient, courseId: string) {
  await tx.$executeRaw`SELECT 1 FROM course WHERE id = ${courseId}::uuid FOR UPDATE`;
}

export async function addModule({ courseId, title }: { courseId: string; title: string }) {
  return prisma.$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const key = await freeKey(
      async (candidate) => (await tx.courseModule.count({ where: { courseId, key: candidate } })) > 0,
      keyFromTitle(title),
    );
    const last = await tx.courseModule.aggregate({ _max: { position: true }, where: { courseId } });
    return tx.courseModule.create({ select: { id: true }, data: { courseId, key, title, position: (last._max.position ?? 0) + 1 } });
  });
}

export async function renameModule({ courseId, moduleId, title }: { courseId: string; moduleId: string; title: string }) {
  const updated = await prisma.courseModule.updateMany({ where: { id: moduleId, courseId }, data: { title } });
  return updated.count === 1;
}

/** Removes a module; only an empty one, so no lesson is lost by a slip. */
export async function deleteModule({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  // One statement: a lesson added at the same moment is never deleted with it.
  const deleted = await prisma.courseModule.deleteMany({ where: { id: moduleId, courseId, items: { none: {} } } });
  if (deleted.count === 1) return true;
  const exists = await prisma.courseModule.count({ where: { id: moduleId, courseId } });
  if (exists) throw new CourseRuleError("studio.error.moduleNotEmpty");
  return false;
}

export async function addItem({
  courseId,
  moduleId,
  kind,
  title,
}: {
  courseId: string;
  moduleId: string;
  kind: CourseItemKind;
  title: string;
}) {
  return prisma.$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const module = await tx.courseModule.findFirst({ select: { id: true }, where: { id: moduleId, courseId } });
    if (!module) return null;
    const key = await freeKey(
      async (candidate) => (await tx.courseItem.count({ where: { courseId, key: candidate } })) > 0,
      keyFromTitle(title),
    );
    const last = await tx.courseItem.aggregate({ _max: { position: true }, where: { moduleId } });
    return tx.courseItem.create({
      select: { id: true },
      data: {
        courseId,
        moduleId,
        key,
        kind,
        title,
        position: (last._max.position ?? 0) + 1,
        passPercent: kind === "QUIZ" ? 80 : null,
      },
    });
  });
}

export type ItemSave = { title: string; minutes: number; body: string; passPercent: number | null; quizSettings?: QuizSettings };

export type SaveResult =
  | { status: "saved"; revision: number }
  | { status: "conflict" }
  | { status: "missing" }
  | { status: "invalid"; field: "passPercent"; key: MessageKey };

/**
 * Saves a lesson or quiz if nobody saved it since `revision`. "conflict":
 * the saved one is newer (another tab, another person); "missing": there is
 * no such item in this course.
 */
export async function saveItem({ courseId, itemId, revision, quizSettings, ...fields }: ItemSave & { courseId: string; itemId: string; revision: number }): Promise<SaveResult> {
  const item = await prisma.courseItem.findFirst({ select: { kind: true }, where: { id: itemId, courseId } });
  if (!item) return { status: "missing" };
  // A quiz needs its pass mark; a lesson has none, whatever the form says.
  if (item.kind === "QUIZ" && fields.passPercent === null) return { status: "invalid", field: "passPercent", key: "validation.item.passPercent" };
  const passPercent = item.kind === "QUIZ" ? fields.passPercent : null;
  const updated = await prisma.courseItem.updateMany({
    where: { id: itemId, courseId, revision },
    data: {
      ...fields,
      passPercent,
      // Settings only change when the form sent them (autosave of the text alone keeps them).
      ...(item.kind === "QUIZ" && quizSettings ? { quizSettings: (storedQuizSettings(quizSettings) as Prisma.InputJsonValue | null) ?? Prisma.DbNull } : {}),
      revision: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    const exists = await prisma.courseItem.count({ where: { id: itemId, courseId } });
    return { status: exists ? "conflict" : "missing" };
  }
  await prisma.course.update({ where: { id: courseId }, data: { updatedAt: new Date() } });
  return { status: "saved", revision: revision + 1 };
}

/** A quiz's settings, apart from its text (so they never collide with an autosave of it). */
export async function saveQuizSettings({ courseId, itemId, settings }: { courseId: string; itemId: string; settings: QuizSettings }) {
  const updated = await prisma.courseItem.updateMany({
    where: { id: itemId, courseId, kind: "QUIZ" },
    data: { quizSettings: (storedQuizSettings(settings) as Prisma.InputJsonValue | null) ?? Prisma.DbNull },
  });
  if (updated.count === 1) await prisma.course.update({ where: { id: courseId }, data: { updatedAt: new Date() } });
  return updated.count === 1;
}

export async function deleteItem({ courseId, itemId }: { courseId: string; itemId: string }) {
  const deleted = await prisma.courseItem.deleteMany({ where: { id: itemId, courseId } });
  return deleted.count === 1;
}

/**
 * Moves a module one place up or down. Positions are renumbered 1…n in the
 * same transaction, so two quick clicks never leave a tie. False when it is
 * already first or last; null when this course has no such module.
 */
export async function moveModule({ courseId, moduleId, direction }: { courseId: string; moduleId: string; direction: "up" | "down" }) {
  return prisma.$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const modules = await tx.courseModule.findMany({ select: { id: true }, where: { courseId }, orderBy: { position: "asc" } });
    if (!modules.some((row) => row.id === moduleId)) return null;
    const order = moved(modules.map((row) => row.id), moduleId, direction);
    if (!order) return false;
    for (const [index, id] of order.entries()) await tx.courseModule.update({ where: { id }, data: { position: index + 1 } });
    return true;
  });
}

/**
 * Moves an item one place up or down; at the top or bottom of its module it
 * crosses into the neighbouring module, so keyboard users can take an item
 * anywhere one step at a time. False at the very start or end; null when
 * this course has no such item.
 */
export async function moveItem({ courseId, itemId, direction }: { courseId: string; itemId: string; direction: "up" | "down" }) {
  return prisma.$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const item = await tx.courseItem.findFirst({ select: { moduleId: true }, where: { id: itemId, courseId } });
    if (!item) return null;
    const modules = await tx.courseModule.findMany({
      select: { id: true, items: { select: { id: true }, orderBy: { position: "asc" } } },
      where: { courseId },
      orderBy: { position: "asc" },
    });
    const moduleIndex = modules.findIndex((module) => module.id === item.moduleId);
    const siblings = modules[moduleIndex]!.items.map((row) => row.id);
    const within = moved(siblings, itemId, direction);
    if (within) {
      for (const [index, id] of within.entries()) await tx.courseItem.update({ where: { id }, data: { position: index + 1 } });
      return true;
    }
    const target = modules[moduleIndex + (direction === "up" ? -1 : 1)];
    if (!target) return false;
    const targetIds = target.items.map((row) => row.id);
    const order = direction === "up" ? [...targetIds, itemId] : [itemId, ...targetIds];
    for (const [index, id] of order.entries()) {
      await tx.courseItem.update({ where: { id }, data: { moduleId: target.id, position: index + 1 } });
    }
    const left = siblings.filter((id) => id !== itemId);
    for (const [index, id] of left.entries()) await tx.courseItem.update({ where: { id }, data: { position: index + 1 } });
    return true;
  });
}

function moved(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  const to = from + (direction === "up" ? -1 : 1);
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

export async function setCourseStatus({ courseId, status }: { courseId: string; status: "ARCHIVED" | "PUBLISHED" }) {
  const updated = await prisma.course.updateMany({
    where: { id: courseId, publishedVersionId: { not: null } },
    data: { status },
  });
  return updated.count === 1;
}

// ---------------------------------------------------------------------------
// Whole-course writes, for courses kept in content/ files.

export async function findCourseBySlug({ slug }: { slug: string }) {
  return prisma.course.findUnique({ select: { id: true, sourceHash: true, status: true }, where: { slug } });
}

/**
 * Makes the draft exactly `content`, matching modules and items by key so
 * item ids (and so studio addresses and learners' progress) stay put.
 * Returns the course id.
 */
export async function writeDraftContent({ content, trainerIds, sourceHash }: { content: CourseContent; trainerIds: string[]; sourceHash: string | null }) {
  return prisma.$transaction(
    async (tx) => {
      const settings: CourseSettings = {
        title: content.title,
        summary: content.summary,
        description: content.description,
        level: content.level,
        estimatedMinutes: content.estimatedMinutes,
        sequential: content.sequential ?? false,
        competenceCodes: content.competences,
        prerequisiteSlugs: content.prerequisites,
        coverImageId: content.coverImage?.id ?? null,
      };
      const fields = { ...settingsColumns(settings), sourceHash };
      const course = await tx.course.upsert({
        select: { id: true },
        where: { slug: content.slug },
        create: { slug: content.slug, ...fields },
        update: { ...fields, draftRevision: { increment: 1 } },
      });
      const courseId = course.id;
      const { competenceIds, requiredIds } = await relatedIds(tx, settings, { courseId, offeredOnly: false });
      await tx.courseCompetence.deleteMany({ where: { courseId } });
      await tx.courseCompetence.createMany({ data: competenceIds.map((competenceId) => ({ courseId, competenceId })) });
      await tx.coursePrerequisite.deleteMany({ where: { courseId } });
      await tx.coursePrerequisite.createMany({ data: requiredIds.map((requiredCourseId) => ({ courseId, requiredCourseId })) });
      await tx.courseTrainer.deleteMany({ where: { courseId } });
      await tx.courseTrainer.createMany({ data: trainerIds.map((userId) => ({ courseId, userId })) });

      const oldModules = new Map((await tx.courseModule.findMany({ select: { id: true, key: true }, where: { courseId } })).map((row) => [row.key, row.id]));
      const oldItems = new Map((await tx.courseItem.findMany({ select: { id: true, key: true }, where: { courseId } })).map((row) => [row.key, row.id]));
      const keptItems = new Set<string>();
      const keptModules = new Set<string>();
      for (const [moduleIndex, module] of content.modules.entries()) {
        const moduleData = { title: module.title, position: moduleIndex + 1 };
        const moduleId = oldModules.get(module.key);
        const saved = moduleId
          ? await tx.courseModule.update({ select: { id: true }, where: { id: moduleId }, data: moduleData })
          : await tx.courseModule.create({ select: { id: true }, data: { courseId, key: module.key, ...moduleData } });
        keptModules.add(saved.id);
        for (const [itemIndex, item] of module.items.entries()) {
          const itemData = {
            moduleId: saved.id,
            position: itemIndex + 1,
            kind: item.kind,
            title: item.title,
            minutes: item.minutes,
            body: item.body,
            passPercent: item.passPercent,
            quizSettings: item.kind === "QUIZ" && item.quiz ? (item.quiz as Prisma.InputJsonValue) : Prisma.DbNull,
          };
          const itemId = oldItems.get(item.key);
          if (itemId) await tx.courseItem.update({ where: { id: itemId }, data: { ...itemData, revision: { increment: 1 } } });
          else await tx.courseItem.create({ data: { courseId, key: item.key, ...itemData } });
          keptItems.add(item.key);
        }
      }
      await tx.courseItem.deleteMany({ where: { courseId, key: { notIn: [...keptItems] } } });
      await tx.courseModule.deleteMany({ where: { courseId, id: { notIn: [...keptModules] } } });
      return courseId;
    },
    { timeout: 30_000 },
  );
}

/** Which of these course slugs exist. */
export async function findCourseSlugs(slugs: string[]) {
  const rows = await prisma.course.findMany({ select: { slug: true }, where: { slug: { in: slugs } } });
  return new Set(rows.map((row) => row.slug));
}
