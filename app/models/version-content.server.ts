import type { Prisma } from "~/generated/prisma/client";
import { courseContentSchema, type CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { LeastRecentlyUsed } from "~/utils/lru.server";

// A published course version is never changed (the course_version_frozen_hand
// trigger refuses every update and delete), so its content — the largest
// thing a learner's page reads, and costly to parse — is read once per
// process and kept, parsed and frozen. Every lesson, course and quiz page
// of a learner asks for it; without this each asked the database again.

export type PublishedVersion = { id: string; number: number; publishedAt: Date; content: CourseContent };

/** Enough for every course a province publishes, several versions each. */
const MAX_VERSIONS = 500;
const versions = new LeastRecentlyUsed<string, Promise<PublishedVersion | null>>(MAX_VERSIONS);

/** The version, from this process's copy when it has one. Null: no such version. */
export function getVersionById(versionId: string, db: Prisma.TransactionClient = prisma): Promise<PublishedVersion | null> {
  const kept = versions.get(versionId);
  if (kept) return kept;
  // Inside a transaction, read through it (a second connection from the pool
  // could wait for ever), and keep the answer only once it has come: other
  // requests must not wait on, or fail with, someone else's transaction.
  if (db !== prisma) {
    return readVersion(versionId, db).then((version) => {
      if (version && !versions.get(versionId)) versions.set(versionId, Promise.resolve(version));
      return version;
    });
  }
  const loading = readVersion(versionId, db);
  versions.set(versionId, loading);
  const forget = () => versions.deleteIf(versionId, loading);
  loading.then((version) => version ?? forget(), forget);
  return loading;
}

async function readVersion(versionId: string, db: Prisma.TransactionClient): Promise<PublishedVersion | null> {
  const row = await db.courseVersion.findUnique({ select: { id: true, number: true, publishedAt: true, content: true }, where: { id: versionId } });
  if (!row) return null;
  return deepFreeze({ id: row.id, number: row.number, publishedAt: row.publishedAt, content: courseContentSchema.parse(row.content) });
}

/** Shared by every request: a caller that tried to change it would change it for all, so it cannot. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
