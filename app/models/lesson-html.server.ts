import type { Prisma } from "~/generated/prisma/client";
import { courseContentSchema } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";

// Published lessons' HTML, rendered once and kept beside the immutable
// version (docs/decisions/030-stored-lesson-html.md). Derived data: a row
// can always be rendered again from the version's markdown.

export type LessonHtmlRow = { itemKey: string; locale: string; renderKey: string; html: string };

export async function findLessonHtml({ versionId, itemKey, locale }: { versionId: string; itemKey: string; locale: string }) {
  return prisma.lessonHtml.findUnique({
    select: { html: true, renderKey: true },
    where: { versionId_itemKey_locale: { versionId, itemKey, locale } },
  });
}

/** A new version's HTML, in the transaction that publishes it. */
export async function createLessonHtmlIn(tx: Prisma.TransactionClient, versionId: string, rows: readonly LessonHtmlRow[]) {
  if (!rows.length) return;
  await tx.lessonHtml.createMany({ data: rows.map((row) => ({ versionId, ...row })) });
}

/**
 * Stores HTML rendered for a version, replacing rows rendered with another
 * key. One statement, so two first views of the same lesson at once both
 * succeed: they wrote the same string, and the second changes nothing.
 */
export async function saveLessonHtml(versionId: string, rows: readonly LessonHtmlRow[]) {
  if (!rows.length) return;
  await prisma.$executeRaw`
    INSERT INTO lesson_html (version_id, item_key, locale, render_key, html)
    SELECT ${versionId}::uuid, row.item_key, row.locale, row.render_key, row.html
      FROM unnest(${rows.map((row) => row.itemKey)}::varchar[], ${rows.map((row) => row.locale)}::varchar[],
                  ${rows.map((row) => row.renderKey)}::varchar[], ${rows.map((row) => row.html)}::text[])
           AS row(item_key, locale, render_key, html)
    ON CONFLICT (version_id, item_key, locale) DO UPDATE
      SET render_key = EXCLUDED.render_key, html = EXCLUDED.html, rendered_at = now()
      WHERE lesson_html.render_key <> EXCLUDED.render_key`;
}

/** The render keys stored for these versions' lessons: what is there and with what it was rendered. */
export async function listLessonHtmlKeys(versionIds: string[]) {
  if (!versionIds.length) return [];
  return prisma.lessonHtml.findMany({ select: { versionId: true, itemKey: true, locale: true, renderKey: true }, where: { versionId: { in: versionIds } } });
}

/** Every course's current published version, with its content: what learners open first. */
export async function listPublishedVersionContents() {
  const rows = await prisma.course.findMany({
    select: { publishedVersion: { select: { id: true, content: true } } },
    where: { publishedVersionId: { not: null } },
  });
  return rows.flatMap((row) => (row.publishedVersion ? [{ id: row.publishedVersion.id, content: courseContentSchema.parse(row.publishedVersion.content) }] : []));
}
