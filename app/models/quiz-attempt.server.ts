import { z } from "zod";
import { Prisma, type AttemptState } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { execute, queryRows } from "~/utils/sql.server";
import { getLogger } from "~/utils/logger.server";
import { uuidv7 } from "~/utils/uuid.server";
import { gradeAttempt, type Answers, type FrozenQuestion } from "~/utils/quiz";
import { allowedMinutes, DEFAULT_QUIZ_SETTINGS, quizSettingsOf, type QuizSettings } from "~/utils/quiz-settings";
import { markItemDoneIn } from "./enrolment.server";

// Quiz attempts: the server owns them. Answers are saved page by page with a
// sequence number (a stale tab cannot overwrite newer answers); submitting
// moves the state once and, when passed, records the quiz as done and the
// course as completed in the same transaction.

const answerSchema = z.object({ text: z.string(), weight: z.number(), feedback: z.string().nullable(), truth: z.enum(["true", "false"]).optional() });
const frozenSchema = z.array(
  z.object({
    key: z.string(),
    kind: z.enum(["single", "multiple", "truefalse", "short", "numerical", "matching"]),
    text: z.string(),
    textAfter: z.string().optional(),
    generalFeedback: z.string().nullable().optional(),
    version: z.string().optional(),
    answers: z.array(answerSchema),
    numbers: z
      .array(z.object({ value: z.number(), tolerance: z.number(), min: z.number(), max: z.number(), weight: z.number(), feedback: z.string().nullable() }))
      .optional(),
    caseSensitive: z.boolean().optional(),
    ignoreMarks: z.boolean().optional(),
    pairs: z.array(z.string()).optional(),
    choices: z.array(z.string()).optional(),
    matches: z.array(z.number().int()).optional(),
  }),
);
const answersSchema = z.record(z.string(), z.union([z.array(z.number().int()), z.string()]));

/** Saves that reach the server this long after the deadline still count: the last page may be on a slow connection. */
export const DEADLINE_GRACE_SECONDS = 30;

/** An attempt's row as getAttempt reads it. */
type AttemptRow = {
  id: string;
  enrolmentId: string;
  itemKey: string;
  number: number;
  passPercent: number;
  settings: Prisma.JsonValue;
  state: AttemptState;
  questions: Prisma.JsonValue;
  answers: Prisma.JsonValue;
  seq: number;
  checked: Prisma.JsonValue;
  deadline: Date | null;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
};

/** The JSON columns of an attempt, checked: a frozen quiz, answers, checked questions. */
export function parseAttemptJson<Row extends { questions: Prisma.JsonValue; answers: Prisma.JsonValue; checked: Prisma.JsonValue }>(
  row: Row,
): Omit<Row, "questions" | "answers" | "checked"> & { questions: FrozenQuestion[]; answers: Answers; checked: string[] } {
  return {
    ...row,
    questions: frozenSchema.parse(row.questions) as FrozenQuestion[],
    answers: answersSchema.parse(row.answers) as Answers,
    checked: z.array(z.string()).parse(row.checked),
  };
}

function parsed(row: AttemptRow) {
  return { ...parseAttemptJson(row), settings: quizSettingsOf(row.settings, { forAttempt: true }) };
}

export type Attempt = ReturnType<typeof parsed>;

export type StartOutcome = { status: "started" | "resumed"; attemptId: string } | { status: "exhausted" };

/**
 * The open attempt, or a new one with these questions (numbered 1, 2, …)
 * while the quiz allows more. A timed quiz gets its deadline here, from the
 * limit and the person's extra time; nothing the browser says can move it.
 */
export async function startAttempt({
  enrolmentId,
  itemKey,
  questions,
  passPercent,
  settings = DEFAULT_QUIZ_SETTINGS,
}: {
  enrolmentId: string;
  itemKey: string;
  questions: FrozenQuestion[];
  passPercent: number;
  settings?: QuizSettings;
}): Promise<StartOutcome> {
  // The person's extra time (a right some learners have) only matters with a time limit.
  const minutes = settings.timeLimitMinutes === null ? null : allowedMinutes(settings, await extraTimePercentOf(enrolmentId));
  // One statement: the open attempt if there is one, else the next number,
  // within the attempts allowed, inserted. The deadline counts from the
  // database's own start time (the same now()). Two starts at once: the
  // unique number lets one insert; the other finds that one's attempt.
  const [row] = await queryRows<{ openId: string | null; createdId: string | null }>(Prisma.sql`
    WITH open_attempt AS (
      SELECT id FROM quiz_attempt
       WHERE enrolment_id = ${enrolmentId}::uuid AND item_key = ${itemKey} AND state = 'IN_PROGRESS'
       LIMIT 1
    ), next AS (
      SELECT COALESCE(max(number), 0) + 1 AS number FROM quiz_attempt
       WHERE enrolment_id = ${enrolmentId}::uuid AND item_key = ${itemKey}
    ), created AS (
      INSERT INTO quiz_attempt (id, enrolment_id, item_key, number, pass_percent, settings, questions, deadline)
      SELECT ${uuidv7()}::uuid, ${enrolmentId}::uuid, ${itemKey}, next.number, ${passPercent}::int,
             ${JSON.stringify(settings)}::jsonb, ${JSON.stringify(questions)}::jsonb,
             now() + ${minutes}::int * interval '1 minute'
        FROM next
       WHERE NOT EXISTS (SELECT 1 FROM open_attempt) AND (${settings.attemptsAllowed}::int IS NULL OR next.number <= ${settings.attemptsAllowed}::int)
          ON CONFLICT (enrolment_id, item_key, number) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT id FROM open_attempt)::text AS "openId", (SELECT id FROM created)::text AS "createdId"`);
  if (row?.createdId) return { status: "started", attemptId: row.createdId };
  if (row?.openId) return { status: "resumed", attemptId: row.openId };
  const raced = await prisma.quizAttempt.findFirst({ select: { id: true }, where: { enrolmentId, itemKey, state: "IN_PROGRESS" } });
  if (raced) return { status: "resumed", attemptId: raced.id };
  return { status: "exhausted" };
}

async function extraTimePercentOf(enrolmentId: string) {
  const [row] = await queryRows<{ percent: number }>(Prisma.sql`
    SELECT u.quiz_extra_time_percent AS percent FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE e.id = ${enrolmentId}::uuid`);
  if (!row) throw new Error(`no enrolment ${enrolmentId}`);
  return row.percent;
}

/** An attempt, only for the person taking it (and, when given, only in that course). */
export async function getAttempt({ attemptId, userId, courseSlug }: { attemptId: string; userId: string; courseSlug?: string }) {
  // Every question page, save and submit reads it: one prepared statement
  // (app/utils/sql.server.ts).
  const inCourse = courseSlug === undefined ? Prisma.empty : Prisma.sql`AND e.course_id IN (SELECT id FROM course WHERE slug = ${courseSlug})`;
  const [row] = await queryRows<AttemptRow>(Prisma.sql`
    SELECT a.id::text, a.enrolment_id::text AS "enrolmentId", a.item_key AS "itemKey", a.number, a.pass_percent AS "passPercent",
           a.settings, a.state::text AS state, a.questions, a.answers, a.seq, a.checked, a.deadline, a.started_at AS "startedAt",
           a.submitted_at AS "submittedAt", a.score, a.max_score AS "maxScore", a.percent, a.passed
      FROM quiz_attempt a JOIN enrolment e ON e.id = a.enrolment_id
     WHERE a.id = ${attemptId}::uuid AND e.user_id = ${userId}::uuid ${inCourse}`);
  return row ? parsed(row) : null;
}

/** A quiz's attempts in one enrolment, newest first (the quiz page lists them). */
export async function listAttempts({ enrolmentId, itemKey }: { enrolmentId: string; itemKey: string }) {
  return queryRows<{ id: string; number: number; state: AttemptState; submittedAt: Date | null; deadline: Date | null; percent: number | null; passed: boolean | null }>(Prisma.sql`
    SELECT id::text, number, state::text AS state, submitted_at AS "submittedAt", deadline, percent, passed
      FROM quiz_attempt WHERE enrolment_id = ${enrolmentId}::uuid AND item_key = ${itemKey}
     ORDER BY number DESC`);
}

export type SaveOutcome = "saved" | "stale" | "closed" | "missing" | "expired" | "locked";

/**
 * Saves the answers to some questions if the page was based on the latest
 * save (`seq`), before the deadline and for questions not yet checked: one
 * conditional UPDATE, so a double click or an old tab can never overwrite
 * newer answers. `check` also locks the questions (immediate feedback).
 */
export async function saveAnswers({ attemptId, userId, seq, answers, check = false }: { attemptId: string; userId: string; seq: number; answers: Answers; check?: boolean }): Promise<SaveOutcome> {
  const keys = Object.keys(answers);
  const updated = await execute(Prisma.sql`
    UPDATE quiz_attempt
       SET answers = answers || ${JSON.stringify(answers)}::jsonb,
           checked = CASE WHEN ${check} THEN checked || ${JSON.stringify(keys)}::jsonb ELSE checked END,
           seq = seq + 1
     WHERE id = ${attemptId}::uuid AND seq = ${seq} AND state = 'IN_PROGRESS'
       AND (deadline IS NULL OR now() <= deadline + make_interval(secs => ${DEADLINE_GRACE_SECONDS}))
       AND NOT (checked ?| ${keys}::text[])
       AND enrolment_id IN (SELECT id FROM enrolment WHERE user_id = ${userId}::uuid)`);
  if (updated === 1) return "saved";
  const attempt = await getAttempt({ attemptId, userId });
  if (!attempt) return "missing";
  if (attempt.state === "SUBMITTED") return "closed";
  // The database's clock refused it, so the database's clock says why.
  const [clock] = await prisma.$queryRaw<{ expired: boolean }[]>`
    SELECT coalesce(now() > deadline + make_interval(secs => ${DEADLINE_GRACE_SECONDS}), false) AS expired FROM quiz_attempt WHERE id = ${attemptId}::uuid`;
  if (clock?.expired) return "expired";
  // The same answers sent again (a double click, a retried request): they
  // are what is saved (and checked, if that was asked), so the repeat
  // succeeds without writing anything.
  const same = keys.every((key) => JSON.stringify(attempt.answers[key]) === JSON.stringify(answers[key]));
  if (same && (!check || keys.every((key) => attempt.checked.includes(key)))) return "saved";
  if (keys.some((key) => attempt.checked.includes(key))) return "locked";
  return "stale";
}

/** Past the deadline and its grace: only submitting is left. */
export function isPastDeadline(attempt: { deadline: Date | null }, now = new Date()): boolean {
  return attempt.deadline !== null && now.getTime() > attempt.deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000;
}

/**
 * Submits and grades the attempt, once. Any number of simultaneous submits
 * get the same result: the row is locked, and only the first one finds it
 * in progress. A pass records the quiz as done (and the course as completed
 * when it was the last item) in the same transaction.
 *
 * `asRead`: the attempt as the caller has just read it (the summary page's
 * submit). It is graded as read and written only if nothing has changed
 * since (same `seq`, still in progress): one statement instead of a locked
 * read, and a transaction only for a pass. Anything else (a save or a
 * submit in between) takes the locked way, which grades what is there then.
 */
export async function submitAttempt({ attemptId, userId, asRead }: { attemptId: string; userId: string; asRead?: Attempt }) {
  if (asRead?.id === attemptId && asRead.state === "IN_PROGRESS") {
    const submitted = await submitAsRead(asRead, userId);
    if (submitted) return submitted;
  }
  // A hall of learners whose time ends together submit in the same second:
  // wait for a connection rather than fail.
  return prisma.$transaction((tx) => submitAttemptIn(tx, { attemptId, userId }), { maxWait: 15_000, timeout: 15_000 });
}

type Submitted = { attempt: { id: string; score: number; maxScore: number; percent: number; passed: boolean }; completed: boolean; first: boolean };

/** Grades the answers as read and moves the state only if they are still the saved ones; null when they are not. */
async function submitAsRead(attempt: Attempt, userId: string): Promise<Submitted | null> {
  const grade = gradeAttempt(attempt.questions, attempt.answers);
  // The pass mark frozen with the attempt: never one from another page.
  const passed = grade.percent >= attempt.passPercent;
  const write = Prisma.sql`
    UPDATE quiz_attempt SET state = 'SUBMITTED', submitted_at = now(), score = ${grade.score}, max_score = ${grade.maxScore},
           percent = ${grade.percent}, passed = ${passed}, seq = seq + 1
     WHERE id = ${attempt.id}::uuid AND seq = ${attempt.seq} AND state = 'IN_PROGRESS'
       AND enrolment_id IN (SELECT id FROM enrolment WHERE user_id = ${userId}::uuid)`;
  const result = { attempt: { id: attempt.id, ...grade, passed }, completed: false, first: true };
  // A fail is the one write: no transaction, and the prepared statement.
  if (!passed) return (await execute(write)) === 1 ? result : null;
  return prisma.$transaction(
    async (tx) => {
      if ((await tx.$executeRaw(write)) !== 1) return null;
      const done = await markItemDoneIn(tx, { userId, enrolmentId: attempt.enrolmentId, itemKey: attempt.itemKey });
      return { ...result, completed: done.status === "completed" };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

type LockedAttempt = {
  state: "IN_PROGRESS" | "SUBMITTED";
  questions: unknown;
  answers: unknown;
  pass_percent: number;
  enrolment_id: string;
  item_key: string;
  score: number | null;
  max_score: number | null;
  percent: number | null;
  passed: boolean | null;
};

/** Grades in three round trips: lock and read, write the grade, record the pass. */
async function submitAttemptIn(tx: Prisma.TransactionClient, { attemptId, userId }: { attemptId: string; userId: string }): Promise<Submitted | null> {
  const [row] = await tx.$queryRaw<LockedAttempt[]>`
    SELECT a.state::text AS state, a.questions, a.answers, a.pass_percent, a.enrolment_id::text AS enrolment_id, a.item_key,
           a.score, a.max_score, a.percent, a.passed
      FROM quiz_attempt a JOIN enrolment e ON e.id = a.enrolment_id
     WHERE a.id = ${attemptId}::uuid AND e.user_id = ${userId}::uuid FOR UPDATE OF a`;
  if (!row) return null;
  if (row.state === "SUBMITTED") {
    const attempt = { id: attemptId, score: row.score ?? 0, maxScore: row.max_score ?? 0, percent: row.percent ?? 0, passed: row.passed ?? false };
    return { attempt, completed: false, first: false };
  }
  const { questions, answers } = parseAttemptJson({ questions: row.questions as Prisma.JsonValue, answers: row.answers as Prisma.JsonValue, checked: [] });
  const grade = gradeAttempt(questions, answers);
  // The pass mark frozen with the attempt: never one from another page.
  const passed = grade.percent >= row.pass_percent;
  await tx.$executeRaw`
    UPDATE quiz_attempt SET state = 'SUBMITTED', submitted_at = now(), score = ${grade.score}, max_score = ${grade.maxScore},
           percent = ${grade.percent}, passed = ${passed}, seq = seq + 1
     WHERE id = ${attemptId}::uuid`;
  let completed = false;
  if (passed) {
    const result = await markItemDoneIn(tx, { userId, enrolmentId: row.enrolment_id, itemKey: row.item_key });
    completed = result.status === "completed";
  }
  return { attempt: { id: attemptId, ...grade, passed }, completed, first: true };
}

/**
 * Submits every attempt whose deadline (and grace) has passed, with the
 * answers saved by then: a closed tab never leaves an attempt open for
 * ever. Run by a job every minute; each attempt in its own transaction,
 * so one failure does not hold back the others. Returns how many it closed.
 */
export async function closeExpiredAttempts({ now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}) {
  const due = await prisma.$queryRaw<{ id: string; user_id: string }[]>`
    SELECT a.id, e.user_id FROM quiz_attempt a JOIN enrolment e ON e.id = a.enrolment_id
     WHERE a.state = 'IN_PROGRESS' AND a.deadline IS NOT NULL
       AND a.deadline + make_interval(secs => ${DEADLINE_GRACE_SECONDS}) < ${now}
     ORDER BY a.deadline LIMIT ${limit}`;
  let closed = 0;
  for (const row of due) {
    try {
      const result = await prisma.$transaction((tx) => submitAttemptIn(tx, { attemptId: row.id, userId: row.user_id }), { maxWait: 15_000, timeout: 15_000 });
      if (result?.first) closed++;
    } catch (error) {
      // One attempt that cannot be graded must not keep every later one open.
      getLogger().error({ err: error, attemptId: row.id }, "could not close an expired quiz attempt");
    }
  }
  return closed;
}
