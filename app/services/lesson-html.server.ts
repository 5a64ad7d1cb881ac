import { createHash } from "node:crypto";
import { locales, type Locale, type Translate } from "~/i18n/i18n";
import { translatorFor } from "~/i18n/translate.server";
import { getMediaSizes } from "~/models/media.server";
import { findLessonHtml, listLessonHtmlKeys, listPublishedVersionContents, saveLessonHtml, type LessonHtmlRow } from "~/models/lesson-html.server";
import { itemsInOrder, type CourseContent } from "~/utils/course-content";
import { publicBaseUrl } from "~/utils/env.server";
import { LeastRecentlyUsed } from "~/utils/lru.server";
import { getLogger } from "~/utils/logger.server";
import { mediaIdsIn, renderLessonHtml, RENDERER_VERSION, type MediaSize, type RenderLabels } from "~/utils/lesson-markdown.server";

// Lesson HTML: rendered live for drafts (the studio's previews), rendered
// once and stored for published versions (docs/decisions/030-stored-lesson-html.md).
// Stored HTML is the renderer's own output for the same inputs, so the page
// is byte for byte what live rendering gives; what it depends on besides the
// markdown — the renderer, the locale's labels, this site's origin — is
// fingerprinted in its render key, and a row with another key is rendered
// again. Image sizes need no key: a media row never changes.

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

function origin() {
  return new URL(publicBaseUrl()).origin;
}

function render(markdown: string, t: Translate, media: ReadonlyMap<string, MediaSize>) {
  return renderLessonHtml(markdown, { labels: markdownLabels(t), media, origin: origin() });
}

/** Markdown to safe HTML, with our images' sizes looked up: the live path. */
export async function renderMarkdown(markdown: string, t: Translate) {
  return render(markdown, t, await getMediaSizes(mediaIdsIn(markdown)));
}

/** Everything stored HTML in this locale was rendered with, as one SHA-256 (fixed for the life of the process). */
export function renderKeyFor(locale: Locale): string {
  let key = renderKeys.get(locale);
  if (!key) {
    const inputs = JSON.stringify({ renderer: RENDERER_VERSION, labels: markdownLabels(translatorFor(locale)), origin: origin() });
    key = createHash("sha256").update(inputs).digest("hex");
    renderKeys.set(locale, key);
  }
  return key;
}

const renderKeys = new Map<Locale, string>();

/**
 * Stored HTML this process has read, by version, lesson, language and
 * render key: the same key always names the same string, so it is kept
 * (about 10 KB a lesson; the busiest few hundred lessons).
 */
const keptHtml = new LeastRecentlyUsed<string, string>(400);

/** Every lesson of the content in every locale: stored with the version as it is published. */
export async function renderVersionHtml(content: CourseContent): Promise<LessonHtmlRow[]> {
  const lessons = itemsInOrder(content).filter((item) => item.kind === "LESSON");
  const media = await getMediaSizes([...new Set(lessons.flatMap((lesson) => mediaIdsIn(lesson.body)))]);
  return locales.flatMap((locale) => {
    const t = translatorFor(locale);
    const renderKey = renderKeyFor(locale);
    return lessons.map((lesson) => ({ itemKey: lesson.key, locale, renderKey, html: render(lesson.body, t, media) }));
  });
}

/**
 * A published lesson's HTML: the stored string, else (a version published
 * before HTML was stored, a newer renderer, changed labels) rendered now and
 * stored for the next view. A failed save costs only the next view's time.
 */
export async function storedLessonHtml({ versionId, itemKey, markdown, locale }: { versionId: string; itemKey: string; markdown: string; locale: Locale }) {
  const renderKey = renderKeyFor(locale);
  const keptKey = `${versionId}|${itemKey}|${locale}|${renderKey}`;
  const kept = keptHtml.get(keptKey);
  if (kept !== undefined) return kept;
  const stored = await findLessonHtml({ versionId, itemKey, locale });
  if (stored?.renderKey === renderKey) {
    keptHtml.set(keptKey, stored.html);
    return stored.html;
  }
  const html = await renderMarkdown(markdown, translatorFor(locale));
  // The same key always renders the same string: keep it even if saving fails.
  keptHtml.set(keptKey, html);
  try {
    await saveLessonHtml(versionId, [{ itemKey, locale, renderKey, html }]);
  } catch (error) {
    getLogger().warn({ err: error, versionId, itemKey }, "could not store a lesson's HTML; it is rendered again at the next view");
  }
  return html;
}

/**
 * Renders and stores what is missing or stale for every course's current
 * version, so their first learners do not pay for it (the demo seed). Older
 * versions, still open to the people enrolled on them, fill in at first view.
 */
export async function storeMissingLessonHtml(): Promise<number> {
  const versions = await listPublishedVersionContents();
  const current = new Map(locales.map((locale) => [locale, renderKeyFor(locale)]));
  const stored = new Set(
    (await listLessonHtmlKeys(versions.map((version) => version.id)))
      .filter((row) => current.get(row.locale as Locale) === row.renderKey)
      .map((row) => `${row.versionId}/${row.itemKey}/${row.locale}`),
  );
  let rendered = 0;
  for (const version of versions) {
    const lessons = itemsInOrder(version.content).filter((item) => item.kind === "LESSON");
    const complete = lessons.every((lesson) => locales.every((locale) => stored.has(`${version.id}/${lesson.key}/${locale}`)));
    if (complete) continue;
    const rows = await renderVersionHtml(version.content);
    await saveLessonHtml(version.id, rows);
    rendered += 1;
  }
  return rendered;
}
