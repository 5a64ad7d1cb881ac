import { Prisma, type EnrolmentSource } from "~/generated/prisma/client";
import { itemsInOrder, type CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { execute, queryRows } from "~/utils/sql.server";
import { getVersionById } from "./version-content.server";
import { dayOf } from "~/utils/format";
import { issueCertificate } from "./certificate.server";

// Enrolments: a person taking a course, pinned to the version they started,
// and the items they have finished (by permanent key).

const enrolmentSelect = {
  id: true,
  userId: true,
  courseId: true,
  status: true,
  source: true,
  startedAt: true,
  completedAt: true,
  lastItemKey: true,
  lastActivityAt: true,
  versionId: true,
  progress: { select: { itemKey: true } },
} satisfies Prisma.EnrolmentSelect;

type EnrolmentRow = Omit<Prisma.EnrolmentGetPayload<{ select: typeof enrolmentSelect }>, "progress"> & { progress: { itemKey: string }[] };

/** The enrolment with its version's content (kept per process: app/models/version-content.server.ts). */
async function withContent(row: EnrolmentRow, db: Prisma.TransactionClient = prisma) {
  const version = await getVersionById(row.versionId, db);
  if (!version) throw new Error(`enrolment ${row.id}: version ${row.versionId} not found`);
  const content = version.content;
  return {
    id: row.id,
    courseId: row.courseId,
    status: row.status,
    source: row.source,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    lastItemKey: row.lastItemKey,
    lastActivityAt: row.lastActivityAt,
    versionId: version.id,
    versionNumber: version.number,
    content,
    done: new Set(row.progress.map((item) => item.itemKey)),
  };
}

export type LearnerEnrolment = Awaited<ReturnType<typeof withContent>>;

// The enrolment that counts (the one in progress, else the latest
// completed) with its progress, for both look-ups below.
const currentEnrolmentColumns = Prisma.sql`
  e.id, e.user_id AS "userId", e.course_id AS "courseId", e.status::text AS status, e.source::text AS source,
  e.started_at AS "startedAt", e.completed_at AS "completedAt", e.last_item_key AS "lastItemKey",
  e.last_activity_at AS "lastActivityAt", e.version_id AS "versionId",
  COALESCE((SELECT json_agg(json_build_object('itemKey', p.item_key)) FROM item_progress p WHERE p.enrolment_id = e.id), '[]'::json) AS progress`;
const currentEnrolmentOnly = Prisma.sql`
  e.status IN ('IN_PROGRESS', 'COMPLETED')
  ORDER BY e.status = 'IN_PROGRESS' DESC, e.completed_at DESC NULLS LAST
  LIMIT 1`;

/** The enrolment in progress, or else the latest completed one. */
export async function getCurrentEnrolment({ userId, courseId }: { userId: string; courseId: string }) {
  // One statement with its progress: every lesson page and quiz start asks.
  const [row] = await queryRows<EnrolmentRow>(Prisma.sql`
    SELECT ${currentEnrolmentColumns}
      FROM enrolment e
     WHERE e.user_id = ${userId}::uuid AND e.course_id = ${courseId}::uuid AND ${currentEnrolmentOnly}`);
  return row ? withContent(row) : null;
}

/** The enrolment as JSON: its dates are text. */
type EnrolmentJson = Omit<EnrolmentRow, "startedAt" | "completedAt" | "lastActivityAt"> & { startedAt: string; completedAt: string | null; lastActivityAt: string };
type CourseWithEnrolmentRow = { course: { id: string; status: string; publishedVersionId: string | null }; enrolment: EnrolmentJson | null };

/**
 * A course by its slug (what findCourseForLearner gives) and the person's
 * current enrolment in it (what getCurrentEnrolment gives), in one
 * statement: every lesson page, course page and quiz page asks for both.
 */
export async function findCourseWithCurrentEnrolment({ slug, userId }: { slug: string; userId: string }) {
  const [row] = await queryRows<CourseWithEnrolmentRow>(Prisma.sql`
    SELECT json_build_object('id', c.id, 'status', c.status, 'publishedVersionId', c.published_version_id) AS course,
           (SELECT to_json(current) FROM (SELECT ${currentEnrolmentColumns} FROM enrolment e WHERE e.user_id = ${userId}::uuid AND e.course_id = c.id AND ${currentEnrolmentOnly}) current) AS enrolment
      FROM course c
     WHERE c.slug = ${slug}`);
  if (!row) return null;
  const found = row.enrolment;
  const date = (value: string | null) => (value === null ? null : new Date(value));
  const enrolment = found ? await withContent({ ...found, startedAt: new Date(found.startedAt), completedAt: date(found.completedAt), lastActivityAt: new Date(found.lastActivityAt) }) : null;
  return { course: row.course, enrolment };
}

/**
 * Starts the course on its newest published version, or returns the
 * enrolment already in progress (two clicks, two tabs: one enrolment).
 */
export async function enrol({ userId, courseId, source }: { userId: string; courseId: string; source: EnrolmentSource }) {
  const existing = await prisma.enrolment.findFirst({ select: { id: true }, where: { userId, courseId, status: "IN_PROGRESS" } });
  if (existing) return existing.id;
  const course = await prisma.course.findFirst({ select: { publishedVersionId: true }, where: { id: courseId, status: "PUBLISHED" } });
  if (!course?.publishedVersionId) return null;
  try {
    const created = await prisma.enrolment.create({ select: { id: true }, data: { userId, courseId, versionId: course.publishedVersionId, source } });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await prisma.enrolment.findFirstOrThrow({ select: { id: true }, where: { userId, courseId, status: "IN_PROGRESS" } });
      return row.id;
    }
    throw error;
  }
}

/** Every item of the version must be finished (quizzes: passed). */
export function isComplete(content: CourseContent, done: ReadonlySet<string>) {
  return itemsInOrder(content).every((item) => done.has(item.key));
}

/**
 * Records an item as finished, and the course as completed when it was the
 * last one, in one transaction. Idempotent: a second click changes nothing.
 */
export async function markItemDone(input: { userId: string; enrolmentId: string; itemKey: string }) {
  return prisma.$transaction((tx) => markItemDoneIn(tx, input));
}

/** The same inside a caller's transaction (a passed quiz: grade and completion together). */
export async function markItemDoneIn(tx: Prisma.TransactionClient, { userId, enrolmentId, itemKey }: { userId: string; enrolmentId: string; itemKey: string }) {
  {
    // Lock the enrolment: two "done" clicks at once complete it once.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM enrolment WHERE id = ${enrolmentId}::uuid AND user_id = ${userId}::uuid AND status = 'IN_PROGRESS' FOR UPDATE`;
    if (!locked) return { status: "not-enrolled" as const };
    const row = await tx.enrolment.findUniqueOrThrow({ select: enrolmentSelect, where: { id: enrolmentId } });
    const enrolment = await withContent(row, tx);
    if (!itemsInOrder(enrolment.content).some((item) => item.key === itemKey)) return { status: "no-such-item" as const };
    await tx.itemProgress.createMany({ data: [{ enrolmentId, itemKey }], skipDuplicates: true });
    enrolment.done.add(itemKey);
    const completed = isComplete(enrolment.content, enrolment.done);
    const now = new Date();
    await tx.enrolment.update({
      where: { id: enrolmentId },
      data: { lastItemKey: itemKey, lastActivityAt: now, ...(completed ? { status: "COMPLETED", completedAt: now } : {}) },
    });
    // The completion and its certificate are written together, or not at all.
    if (completed) await issueCertificate(tx, { enrolmentId, completedAt: now });
    return { status: completed ? ("completed" as const) : ("done" as const) };
  }
}

/** A lesson read again within this long is not written again (a reload, a back-and-forth). */
const VISIT_INTERVAL_MS = 60_000;

/** Where the learner is: "Tiếp tục học" comes back here. */
export async function recordVisit({ userId, enrolment, itemKey }: { userId: string; enrolment: Pick<LearnerEnrolment, "id" | "lastItemKey" | "lastActivityAt">; itemKey: string }) {
  if (enrolment.lastItemKey === itemKey && Date.now() - enrolment.lastActivityAt.getTime() < VISIT_INTERVAL_MS) return;
  await execute(Prisma.sql`
    UPDATE enrolment SET last_item_key = ${itemKey}, last_activity_at = ${new Date()}::timestamptz
     WHERE id = ${enrolment.id}::uuid AND user_id = ${userId}::uuid AND status = 'IN_PROGRESS'`);
}

/** Everything a person is taking or has taken, newest activity first. */
export async function listLearnerEnrolments({ userId }: { userId: string }) {
  const rows = await prisma.enrolment.findMany({
    select: { ...enrolmentSelect, course: { select: { slug: true } } },
    where: { userId, status: { in: ["IN_PROGRESS", "COMPLETED"] } },
    orderBy: { lastActivityAt: "desc" },
  });
  return Promise.all(rows.map(async (row) => ({ ...(await withContent(row)), slug: row.course.slug })));
}

/**
 * A person's enrolments with their dates only (for HR's view of a person),
 * newest first, as they stood before `until`: later ones are left out, a
 * later completion shows as still in progress.
 */
export async function listEnrolmentDates({ userId, until }: { userId: string; until: Date }) {
  const rows = await prisma.enrolment.findMany({
    select: { id: true, status: true, startedAt: true, completedAt: true, version: { select: { title: true } } },
    where: { userId, status: { in: ["IN_PROGRESS", "COMPLETED"] }, startedAt: { lt: until } },
    orderBy: { startedAt: "desc" },
  });
  return rows.map((row) => {
    const completedAt = row.completedAt && row.completedAt < until ? row.completedAt : null;
    return { id: row.id, courseTitle: row.version.title, status: completedAt ? ("COMPLETED" as const) : ("IN_PROGRESS" as const), startedAt: row.startedAt, completedAt };
  });
}

/**
 * Demo data only: an enrolment with some items done at given times. Does
 * nothing when the person already has an enrolment in this course.
 */
export async function seedEnrolment({
  userId,
  courseId,
  doneKeys,
  startedAt,
  step,
}: {
  userId: string;
  courseId: string;
  doneKeys: string[];
  startedAt: Date;
  /** Time between two finished items. */
  step: number;
}) {
  const existing = await prisma.enrolment.count({ where: { userId, courseId } });
  if (existing) return false;
  const course = await prisma.course.findUniqueOrThrow({ select: { publishedVersionId: true }, where: { id: courseId } });
  if (!course.publishedVersionId) return false;
  const at = (index: number) => new Date(startedAt.getTime() + step * (index + 1));
  await prisma.enrolment.create({
    data: {
      userId,
      courseId,
      versionId: course.publishedVersionId,
      startedAt,
      lastItemKey: doneKeys.at(-1) ?? null,
      lastActivityAt: doneKeys.length ? at(doneKeys.length - 1) : startedAt,
      progress: { create: doneKeys.map((itemKey, index) => ({ itemKey, completedAt: at(index) })) },
    },
  });
  return true;
}

/** Which of these courses (by slug) the person has completed. */
export async function listCompletedSlugs({ userId, slugs }: { userId: string; slugs: string[] }) {
  if (!slugs.length) return new Set<string>();
  const rows = await prisma.enrolment.findMany({
    select: { course: { select: { slug: true } } },
    where: { userId, status: "COMPLETED", course: { slug: { in: slugs } } },
  });
  return new Set(rows.map((row) => row.course.slug));
}

/**
 * Demo data only: dates a completion, its quiz attempts and its certificate
 * as if they happened at `at` (the demo takes its quizzes while it is being
 * loaded, which would date every completion today and flatten the trends).
 */
export async function backdateDemoCompletion({ enrolmentId, at }: { enrolmentId: string; at: Date }) {
  await prisma.$transaction(async (tx) => {
    const enrolment = await tx.enrolment.findUnique({ select: { status: true, completedAt: true }, where: { id: enrolmentId } });
    if (enrolment?.status !== "COMPLETED" || !enrolment.completedAt) return;
    const shift = at.getTime() - enrolment.completedAt.getTime();
    await tx.enrolment.update({ where: { id: enrolmentId }, data: { completedAt: at, lastActivityAt: at } });
    await tx.$executeRaw`
      UPDATE quiz_attempt SET started_at = started_at + make_interval(secs => ${shift / 1000}),
             submitted_at = submitted_at + make_interval(secs => ${shift / 1000}),
             deadline = deadline + make_interval(secs => ${shift / 1000})
       WHERE enrolment_id = ${enrolmentId}::uuid`;
    const certificate = await tx.certificate.findUnique({ select: { id: true, expiresOn: true }, where: { enrolmentId } });
    if (certificate) {
      await tx.certificate.update({
        where: { id: certificate.id },
        data: { issuedAt: at, completedOn: dayOf(at), expiresOn: certificate.expiresOn ? dayOf(new Date(certificate.expiresOn.getTime() + shift)) : null },
      });
    }
  });
}
