import { publishCourse } from "~/services/course-publish.server";
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
  await publishCourse({ courseId, content, changeNote: "Bản đầu", publishedById: null });
  return courseId;
}

/** A course of one section: a short lesson ("bai"), then a quiz ("kiem-tra") of `gift` that needs 100 % to pass. */
export function quizCourse(slug: string, title: string, gift: string): CourseContent {
  return {
    ...oneLessonCourse(slug, title),
    estimatedMinutes: 20,
    modules: [
      {
        key: "p",
        title: "Phần",
        items: [
          { key: "bai", kind: "LESSON", title: "Bài", minutes: 10, body: "Nội dung.", passPercent: null },
          { key: "kiem-tra", kind: "QUIZ", title: "Kiểm tra", minutes: 10, body: gift, passPercent: 100 },
        ],
      },
    ],
  };
}
