import { getLearnerCourse } from "./learning.server";
import { itemsInOrder } from "~/utils/course-content";

// A quiz as one learner meets it: in the course version they are enrolled
// on (or the newest, before they start).
export async function getLearnerQuiz({ slug, itemKey, userId }: { slug: string; itemKey: string; userId: string }) {
  const course = await getLearnerCourse({ slug, userId });
  const quiz = course ? itemsInOrder(course.content).find((item) => item.key === itemKey && item.kind === "QUIZ") : undefined;
  if (!course || !quiz) return null;
  return { course, quiz, passPercent: quiz.passPercent ?? 80 };
}
