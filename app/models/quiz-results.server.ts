import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { gradeAttempt, type FrozenQuestion } from "~/utils/quiz";
import { markItemDoneIn } from "./enrolment.server";
import { parseAttemptJson } from "./quiz-attempt.server";

// A quiz's results as its trainers see them: every attempt in the course,
// one attempt in detail, the submitted attempts for statistics, and
// regrading after a corrected question is published. The course is always
// in the `where`: an attempt id from another course finds nothing.

/** What a trainer sees of any attempt, in the list and in detail. */
const attemptSummary = {
  id: true,
  number: true,
  state: true,
  startedAt: true,
  submittedAt: true,
  deadline: true,
  percent: true,
  passed: true,
  regradedAt: true,
} satisfies Prisma.QuizAttemptSelect;

export async function listQuizAttempts({ courseId, itemKey, take = 500 }: { courseId: string; itemKey: string; take?: number }) {
  return prisma.quizAttempt.findMany({
    select: {
      ...attemptSummary,
      enrolment: { select: { version: { select: { number: true } }, user: { select: { id: true, fullName: true, email: true } } } },
    },
    where: { itemKey, enrolment: { courseId } },
    orderBy: [{ startedAt: "desc" }],
    take,
  });
}

export async function countQuizAttempts({ courseId, itemKey }: { courseId: string; itemKey: string }) {
  const [total, submitted, passed] = await Promise.all([
    prisma.quizAttempt.count({ where: { itemKey, enrolment: { courseId } } }),
    prisma.quizAttempt.count({ where: { itemKey, state: "SUBMITTED", enrolment: { courseId } } }),
    prisma.quizAttempt.count({ where: { itemKey, passed: true, enrolment: { courseId } } }),
  ]);
  return { total, submitted, passed };
}

export async function getQuizAttemptForTrainer({ courseId, itemKey, attemptId }: { courseId: string; itemKey: string; attemptId: string }) {
  const row = await prisma.quizAttempt.findFirst({
    select: {
      ...attemptSummary,
      score: true,
      maxScore: true,
      passPercent: true,
      questions: true,
      answers: true,
      checked: true,
      enrolment: { select: { user: { select: { fullName: true, email: true } } } },
    },
    where: { id: attemptId, itemKey, enrolment: { courseId } },
  });
  return row ? { ...row, ...parseAttemptJson(row) } : null;
}

/** The submitted attempts, newest first, for item analysis (capped: statistics need a sample, not every row). */
export async function listSubmittedForStatistics({ courseId, itemKey, take = 5000 }: { courseId: string; itemKey: string; take?: number }) {
  const rows = await prisma.quizAttempt.findMany({
    select: { questions: true, answers: true, checked: true },
    where: { itemKey, state: "SUBMITTED", enrolment: { courseId } },
    orderBy: { submittedAt: "desc" },
    take,
  });
  return rows.map(parseAttemptJson);
}

export type RegradeSummary = { attempts: number; changed: number; newlyPassed: number; newlyFailed: number; completed: number };

/**
 * Regrades every submitted attempt of a quiz whose questions have a
 * corrected version: `corrected(question)` gives the new frozen question, or
 * null to keep it. Each attempt is locked and rewritten in its own
 * transaction; an attempt that now passes records the quiz as done (and may
 * complete the course and issue its certificate, as a pass always does). One
 * that no longer passes keeps any completion already recorded: taking back
 * a certificate is a decision for an administrator, so it is only counted.
 */
export async function regradeQuizAttempts({
  courseId,
  itemKey,
  corrected,
}: {
  courseId: string;
  itemKey: string;
  corrected: (question: FrozenQuestion) => FrozenQuestion | null;
}): Promise<RegradeSummary> {
  const ids = await prisma.quizAttempt.findMany({ select: { id: true }, where: { itemKey, state: "SUBMITTED", enrolment: { courseId } } });
  const summary: RegradeSummary = { attempts: ids.length, changed: 0, newlyPassed: 0, newlyFailed: 0, completed: 0 };
  for (const { id } of ids) {
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM quiz_attempt WHERE id = ${id}::uuid FOR UPDATE`;
      const row = await tx.quizAttempt.findUniqueOrThrow({
        select: { questions: true, answers: true, checked: true, passed: true, percent: true, passPercent: true, enrolmentId: true, enrolment: { select: { userId: true } } },
        where: { id },
      });
      const attempt = parseAttemptJson(row);
      let touched = false;
      const questions = attempt.questions.map((question) => {
        const fresh = corrected(question);
        if (!fresh) return question;
        touched = true;
        return fresh;
      });
      if (!touched) return;
      const grade = gradeAttempt(questions, attempt.answers);
      const passed = grade.percent >= row.passPercent;
      await tx.quizAttempt.update({
        where: { id },
        data: { questions: questions as Prisma.InputJsonValue, ...grade, passed, regradedAt: new Date() },
      });
      if (grade.percent !== row.percent || passed !== row.passed) summary.changed++;
      if (passed && !row.passed) {
        summary.newlyPassed++;
        const done = await markItemDoneIn(tx, { userId: row.enrolment.userId, enrolmentId: row.enrolmentId, itemKey });
        if (done.status === "completed") summary.completed++;
      }
      if (!passed && row.passed) summary.newlyFailed++;
    });
  }
  return summary;
}
