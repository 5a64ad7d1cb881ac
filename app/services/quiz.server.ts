import { findBankQuestions } from "~/models/question-bank.server";
import { listAttempts } from "~/models/quiz-attempt.server";
import { itemsInOrder } from "~/utils/course-content";
import { parseGift, type GiftQuestion } from "~/utils/gift";
import { LeastRecentlyUsed } from "~/utils/lru.server";
import { banksOf, quizGrade } from "~/utils/quiz";
import { mayReview, quizSettingsOf } from "~/utils/quiz-settings";
import { getLearnerCourse } from "./learning.server";

// A quiz as one learner meets it: in the course version they are enrolled
// on (or the newest, before they start), with its settings.
export async function getLearnerQuiz({ slug, itemKey, userId }: { slug: string; itemKey: string; userId: string }) {
  const course = await getLearnerCourse({ slug, userId });
  const quiz = course ? itemsInOrder(course.content).find((item) => item.key === itemKey && item.kind === "QUIZ") : undefined;
  if (!course || !quiz) return null;
  return { course, quiz, passPercent: quiz.passPercent ?? 80, settings: quizSettingsOf(quiz.quiz) };
}

export type LearnerQuiz = NonNullable<Awaited<ReturnType<typeof getLearnerQuiz>>>;

// A quiz's GIFT text parsed, by text: a published version never changes, so
// neither do its questions, and every quiz page and start would otherwise
// parse them again (about a millisecond for twenty questions). Nothing
// changes parsed questions (drawing and freezing copy what they take).
const parsed = new LeastRecentlyUsed<string, readonly GiftQuestion[]>(500);

/** The quiz's own questions, parsed once per process. */
export function quizQuestions(found: LearnerQuiz): readonly GiftQuestion[] {
  const body = found.quiz.body;
  const known = parsed.get(body);
  if (known) return known;
  const questions = parseGift(body).questions;
  parsed.set(body, questions);
  return questions;
}

/** The shared banks the quiz draws from, as they are now (attempts freeze what they draw). */
export function quizBanks(found: LearnerQuiz) {
  return findBankQuestions(banksOf(found.settings));
}

/**
 * Where the learner stands with a quiz: their attempts, the grade that
 * counts, how many tries are left, and whether the quiz is closed to them
 * (passed, no attempts left, or the course completed). Review settings
 * "after the quiz closes" wait for that.
 */
export async function learnerQuizState(found: LearnerQuiz) {
  const enrolment = found.course.enrolment;
  const attempts = enrolment ? await listAttempts({ enrolmentId: enrolment.id, itemKey: found.quiz.key }) : [];
  const open = attempts.find((attempt) => attempt.state === "IN_PROGRESS") ?? null;
  const allowed = found.settings.attemptsAllowed;
  const attemptsLeft = allowed === null ? null : Math.max(0, allowed - attempts.length);
  const passed = found.course.progress.doneKeys.includes(found.quiz.key);
  const courseDone = enrolment?.status === "COMPLETED";
  // Once passed, review parts kept "until the quiz closes" are shown; so a
  // quiz that keeps any takes no more attempts after a pass.
  const keepsReview = Object.values(found.settings.review).includes("closed");
  const closed = passed || courseDone || (attemptsLeft === 0 && !open);
  return {
    attempts,
    open,
    attemptsLeft,
    grade: quizGrade(
      attempts.map((attempt) => ({ number: attempt.number, percent: attempt.percent, submitted: attempt.state === "SUBMITTED" })),
      found.settings.grading,
    ),
    passed,
    courseDone,
    closed,
    canStart: Boolean(open) || (!courseDone && attemptsLeft !== 0 && !(passed && keepsReview)),
    /** Whether marks may be shown now (the review settings). */
    showMarks: mayReview(found.settings, "marks", { submitted: true, checked: false, closed }),
  };
}
