import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { gradeAttempt, type Answers, type FrozenQuestion } from "~/utils/quiz";
import { markItemDoneIn } from "./enrolment.server";

// Quiz attempts: the server owns them. Answers are saved page by page with a
// sequence number (a stale tab cannot overwrite newer answers); submitting
// moves the state once and, when passed, records the quiz as done and the
// course as completed in the same transaction.

const frozenSchema = z.array(
  z.object({
    key: z.string(),
    kind: z.enum(["single", "multiple", "truefalse"]),
    text: z.string(),
    answers: z.array(z.object({ text: z.string(), weight: z.number(), feedback: z.string().nullable(), truth: z.enum(["true", "false"]).optional() })),
  }),
);
const answersSchema = z.record(z.string(), z.array(z.number().int()));

const attemptSelect = {
  id: true,
  enrolmentId: true,
  itemKey: true,
  number: true,
  passPercent: true,
  state: true,
  questions: true,
  answers: true,
  seq: true,
  startedAt: true,
  submittedAt: true,
  score: true,
  maxScore: true,
  percent: true,
  passed: true,
} satisfies Prisma.QuizAttemptSelect;

function parsed(row: Prisma.QuizAttemptGetPayload<{ select: typeof attemptSelect }>) {
  return { ...row, questions: frozenSchema.parse(row.questions), answers: answersSchema.parse(row.answers) };
}

export type Attempt = ReturnType<typeof parsed>;

/** The open attempt, or a new one with these questions (numbered 1, 2, …). */
export async function startAttempt({ enrolmentId, itemKey, questions, passPercent }: { enrolmentId: string; itemKey: string; questions: FrozenQuestion[]; passPercent: number }) {
  const open = await prisma.quizAttempt.findFirst({ select: { id: true }, where: { enrolmentId, itemKey, state: "IN_PROGRESS" } });
  if (open) return open.id;
  const last = await prisma.quizAttempt.aggregate({ _max: { number: true }, where: { enrolmentId, itemKey } });
  try {
    const created = await prisma.quizAttempt.create({
      select: { id: true },
      data: { enrolmentId, itemKey, number: (last._max.number ?? 0) + 1, passPercent, questions: questions as Prisma.InputJsonValue },
    });
    return created.id;
  } catch (error) {
    // Two starts at once: both continue the one that won.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await prisma.quizAttempt.findFirstOrThrow({ select: { id: true }, where: { enrolmentId, itemKey, state: "IN_PROGRESS" } });
      return row.id;
    }
    throw error;
  }
}

/** An attempt, only for the person taking it (and, when given, only in that course). */
export async function getAttempt({ attemptId, userId, courseSlug }: { attemptId: string; userId: string; courseSlug?: string }) {
  const row = await prisma.quizAttempt.findFirst({
    select: attemptSelect,
    where: { id: attemptId, enrolment: { userId, ...(courseSlug !== undefined ? { course: { slug: courseSlug } } : {}) } },
  });
  return row ? parsed(row) : null;
}

export async function listAttempts({ enrolmentId, itemKey }: { enrolmentId: string; itemKey: string }) {
  return prisma.quizAttempt.findMany({
    select: { id: true, number: true, state: true, submittedAt: true, percent: true, passed: true },
    where: { enrolmentId, itemKey },
    orderBy: { number: "desc" },
  });
}

export type SaveOutcome = "saved" | "stale" | "closed" | "missing";

/**
 * Saves the answers to some questions if the page was based on the latest
 * save (`seq`): one conditional UPDATE, so a double click or an old tab can
 * never overwrite newer answers.
 */
export async function saveAnswers({ attemptId, userId, seq, answers }: { attemptId: string; userId: string; seq: number; answers: Answers }): Promise<SaveOutcome> {
  const updated = await prisma.$executeRaw`
    UPDATE quiz_attempt SET answers = answers || ${JSON.stringify(answers)}::jsonb, seq = seq + 1
     WHERE id = ${attemptId}::uuid AND seq = ${seq} AND state = 'IN_PROGRESS'
       AND enrolment_id IN (SELECT id FROM enrolment WHERE user_id = ${userId}::uuid)`;
  if (updated === 1) return "saved";
  const attempt = await getAttempt({ attemptId, userId });
  if (!attempt) return "missing";
  return attempt.state === "SUBMITTED" ? "closed" : "stale";
}

/**
 * Submits and grades the attempt, once. Any number of simultaneous submits
 * get the same result: the row is locked, and only the first one finds it
 * in progress. A pass records the quiz as done (and the course as completed
 * when it was the last item) in the same transaction.
 */
export async function submitAttempt({ attemptId, userId }: { attemptId: string; userId: string }) {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM quiz_attempt a JOIN enrolment e ON e.id = a.enrolment_id
       WHERE a.id = ${attemptId}::uuid AND e.user_id = ${userId}::uuid FOR UPDATE OF a`;
    if (!locked) return null;
    const attempt = parsed(await tx.quizAttempt.findUniqueOrThrow({ select: attemptSelect, where: { id: attemptId } }));
    if (attempt.state === "SUBMITTED") return { attempt, completed: false, first: false };
    const grade = gradeAttempt(attempt.questions, attempt.answers);
    // The pass mark frozen with the attempt: never one from another page.
    const passed = grade.percent >= attempt.passPercent;
    const saved = await tx.quizAttempt.update({
      select: attemptSelect,
      where: { id: attemptId },
      data: { state: "SUBMITTED", submittedAt: new Date(), ...grade, passed, seq: { increment: 1 } },
    });
    let completed = false;
    if (passed) {
      const result = await markItemDoneIn(tx, { userId, enrolmentId: attempt.enrolmentId, itemKey: attempt.itemKey });
      completed = result.status === "completed";
    }
    return { attempt: parsed(saved), completed, first: true };
  });
}
