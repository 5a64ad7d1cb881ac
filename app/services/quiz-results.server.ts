import { recordAudit } from "~/models/audit.server";
import { getLatestVersion } from "~/models/course-version.server";
import { findBankQuestions } from "~/models/question-bank.server";
import { listSubmittedForStatistics, regradeQuizAttempts } from "~/models/quiz-results.server";
import { itemsInOrder } from "~/utils/course-content";
import { parseGift, type GiftQuestion } from "~/utils/gift";
import { bankQuestionKey, banksOf, correctedQuestion, type FrozenQuestion } from "~/utils/quiz";
import { quizSettingsOf } from "~/utils/quiz-settings";
import { quizStatistics } from "~/utils/quiz-stats";

// A quiz's results for its trainers: statistics over submitted attempts, and
// regrading them after a corrected question is published. Attempts freeze
// their questions, so "corrected" always means: the question with the same
// title in the course's newest version (or, drawn from a shared bank, in the
// bank now), written differently.

/** The quiz in the newest version of the course, with its questions by title. */
export async function latestQuiz({ courseId, itemKey }: { courseId: string; itemKey: string }) {
  const version = await getLatestVersion({ courseId });
  const item = version ? itemsInOrder(version.content).find((entry) => entry.key === itemKey && entry.kind === "QUIZ") : undefined;
  if (!version || !item) return null;
  // Questions by the key attempts give them: a shared bank's are prefixed with the bank.
  const own = parseGift(item.body).questions.map((question) => [question.title, question] as const);
  const banks = await findBankQuestions(banksOf(quizSettingsOf(item.quiz)));
  const shared = [...banks].flatMap(([slug, questions]) => questions.map((question) => [bankQuestionKey(slug, question.title), question] as const));
  return { versionNumber: version.number, title: item.title, courseTitle: version.content.title, questions: new Map([...own, ...shared]) };
}

type LatestQuiz = NonNullable<Awaited<ReturnType<typeof latestQuiz>>>;

function corrector(questions: Map<string, GiftQuestion>) {
  return (question: FrozenQuestion) => {
    const fresh = questions.get(question.key);
    return fresh ? correctedQuestion(question, fresh) : null;
  };
}

/** Statistics per question, and how many submitted attempts a regrade would change. */
export async function quizResultsSummary({ courseId, itemKey, quiz }: { courseId: string; itemKey: string; quiz: LatestQuiz }) {
  const attempts = await listSubmittedForStatistics({ courseId, itemKey });
  const correct = corrector(quiz.questions);
  return {
    statistics: quizStatistics(attempts),
    sample: attempts.length,
    regradable: attempts.filter((attempt) => attempt.questions.some((question) => correct(question) !== null)).length,
  };
}

/** Regrades to the newest version and writes who did it, and what changed, in the audit log. */
export async function regradeQuiz({ courseId, itemKey, quiz, actorId, ipAddress }: { courseId: string; itemKey: string; quiz: LatestQuiz; actorId: string; ipAddress: string | null }) {
  const summary = await regradeQuizAttempts({ courseId, itemKey, corrected: corrector(quiz.questions) });
  await recordAudit({
    action: "quiz.regraded",
    actorId,
    targetType: "course",
    targetId: courseId,
    ipAddress,
    detail: { itemKey, version: quiz.versionNumber, ...summary },
  });
  return summary;
}
