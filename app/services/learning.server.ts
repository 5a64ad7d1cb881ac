import { publishedCourseOf } from "~/models/course-version.server";
import { isAssigned } from "~/models/assignment.server";
import { enrol, findCourseWithCurrentEnrolment, listCompletedSlugs, type LearnerEnrolment } from "~/models/enrolment.server";
import { itemsInOrder, type CourseContent } from "~/utils/course-content";

// A course as one learner sees it: the version they are enrolled on (kept
// even after a trainer publishes a newer one, or archives the course), else
// the newest published version; with their progress.

export async function getLearnerCourse({ slug, userId }: { slug: string; userId: string }) {
  const found = await findCourseWithCurrentEnrolment({ slug, userId });
  if (!found) return null;
  const { course, enrolment } = found;
  const published = await publishedCourseOf(course);
  if (!enrolment && !published) return null;
  const content = enrolment?.content ?? published!.content;
  // Courses to complete first; someone already taking this one carries on.
  const completed = await listCompletedSlugs({ userId, slugs: content.prerequisites });
  const blockedBy = enrolment ? [] : content.prerequisites.filter((required) => !completed.has(required));
  return {
    blockedBy,
    courseId: course.id,
    /** The version shown: the enrolment's, else the newest published. */
    versionId: enrolment?.versionId ?? published!.versionId,
    content,
    enrolment,
    published,
    progress: progressOf(content, enrolment),
    newerVersion: Boolean(enrolment && published && published.versionNumber > enrolment.versionNumber),
  };
}

export type LearnerCourse = NonNullable<Awaited<ReturnType<typeof getLearnerCourse>>>;

export function progressOf(content: CourseContent, enrolment: LearnerEnrolment | null) {
  const items = itemsInOrder(content);
  const done = enrolment?.done ?? new Set<string>();
  const finished = items.filter((item) => done.has(item.key)).length;
  const firstUndone = items.find((item) => item.kind === "LESSON" && !done.has(item.key));
  const resume = enrolment?.status === "IN_PROGRESS" ? (enrolment.lastItemKey ?? firstUndone?.key) : undefined;
  return {
    status: enrolment?.status ?? null,
    done: finished,
    total: items.length,
    percent: items.length ? Math.round((finished / items.length) * 100) : 0,
    doneKeys: items.filter((item) => done.has(item.key)).map((item) => item.key),
    // Where "Tiếp tục học" goes: the lesson last seen, else the first not done.
    resumeKey: resume && items.some((item) => item.key === resume && item.kind === "LESSON") ? resume : (firstUndone?.key ?? null),
    completedAt: enrolment?.completedAt ?? null,
  };
}

export type LearnerProgress = ReturnType<typeof progressOf>;

/**
 * The learner's enrolment in progress, starting one if need be (assigned
 * courses count as assigned). Refused while prerequisites are not completed
 * or when the course takes no new learners.
 */
export async function ensureEnrolment(course: LearnerCourse, userId: string) {
  if (course.enrolment?.status === "IN_PROGRESS") return { ok: true as const, enrolmentId: course.enrolment.id };
  if (course.blockedBy.length) return { ok: false as const, reason: "progress.prerequisitesFirst" as const };
  const assigned = await isAssigned({ userId, courseId: course.courseId });
  const enrolmentId = await enrol({ userId, courseId: course.courseId, source: assigned ? "ASSIGNED" : "SELF" });
  return enrolmentId ? { ok: true as const, enrolmentId } : { ok: false as const, reason: "progress.notAvailable" as const };
}

/** In a course taken in order, the first earlier item not yet done (what `key` waits for), or null. */
export function lockedBy(content: CourseContent, doneKeys: readonly string[], key: string) {
  if (!content.sequential) return null;
  const items = itemsInOrder(content);
  const index = items.findIndex((item) => item.key === key);
  const waiting = items.slice(0, Math.max(0, index)).find((item) => !doneKeys.includes(item.key));
  return waiting ? { key: waiting.key, title: waiting.title, kind: waiting.kind } : null;
}
