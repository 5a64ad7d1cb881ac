import { banksFor, contentHash, publishContent, publishProblems } from "~/models/course-version.server";
import { CourseRuleError, draftContent, getCourseDraft } from "~/models/course.server";
import type { CourseContent } from "~/utils/course-content";
import { renderVersionHtml } from "./lesson-html.server";

// Publishing: the version and its lessons' HTML in one transaction. The HTML
// is rendered before it, so the course row stays locked only for the inserts
// (docs/decisions/030-stored-lesson-html.md).

/** Freezes content as the course's next version (see publishContent), its lessons rendered once here. */
export async function publishCourse(input: { courseId: string; content: CourseContent; changeNote: string; publishedById: string | null }) {
  return publishContent({ ...input, lessonHtml: await renderVersionHtml(input.content) });
}

/** Publishes the studio draft, if it is complete and differs from the last version. */
export async function publishDraft({ courseId, changeNote, userId }: { courseId: string; changeNote: string; userId: string }) {
  const draft = await getCourseDraft({ courseId });
  if (!draft) throw new CourseRuleError("studio.error.notFound");
  const content = draftContent(draft);
  const problems = publishProblems(content, await banksFor(content));
  if (problems.length) return { ok: false as const, problems };
  if (draft.publishedVersion?.contentHash === contentHash(content)) return { ok: false as const, problems: [{ key: "studio.publish.unchanged" as const }] };
  const result = await publishCourse({ courseId, content, changeNote, publishedById: userId });
  return { ok: true as const, number: result.number };
}
