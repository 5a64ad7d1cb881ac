import { publishContent } from "~/models/course-version.server";
import { writeDraftContent } from "~/models/course.server";
import type { CourseContent } from "~/utils/course-content";

// Small published courses for tests that need one to assign, enrol in or remind about.

/** A course of one section holding one short lesson. */
export function oneLessonCourse(slug: string, title: string): CourseContent {
  return {
    slug,
    title,
    summary: "Tóm tắt",
    description: "",
    level: "BASIC",
    estimatedMinutes: 10,
    coverImage: null,
    competences: [],
    prerequisites: [],
    modules: [{ key: "p", title: "Phần", items: [{ key: "b", kind: "LESSON", title: "Bài", minutes: 10, body: "Nội dung.", passPercent: null }] }],
  };
}

/** Writes the course and publishes it as version 1; its id. */
export async function publishTestCourse(content: CourseContent) {
  const courseId = await writeDraftContent({ content, trainerIds: [], sourceHash: null });
  await publishContent({ courseId, content, changeNote: "Bản đầu", publishedById: null });
  return courseId;
}
