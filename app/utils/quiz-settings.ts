import { z } from "zod";

// How a quiz runs: which questions an attempt gets, in what order, how long
// it may take, how many tries, which grade counts and what learners see in
// review. Stored with the quiz item (course_item.quiz_settings) and frozen in
// each published version; content files write the same fields in course.md.
// Plain data, safe on both sides.

import { REVIEW_PARTS, REVIEW_TIMES, type ReviewPart } from "./quiz-constants";

export { REVIEW_PARTS, REVIEW_TIMES };
export type { ReviewPart, ReviewTime } from "./quiz-constants";

const reviewTime = z.enum(REVIEW_TIMES);

export const drawRuleSchema = z
  .object({
    /** A shared question bank's slug; null: the quiz's own questions. */
    bank: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(80)
      .nullable()
      .default(null),
    /** A $CATEGORY path (or its last part); the rule takes questions in it and below it. */
    category: z.string().trim().min(1).max(200).nullable().default(null),
    /** A [tag:…] on the question, e.g. a competence code. */
    tag: z.string().trim().min(1).max(80).nullable().default(null),
    count: z.number().int().min(1).max(200),
  })
  .strict();
export type DrawRule = z.infer<typeof drawRuleSchema>;

export const quizSettingsSchema = z
  .object({
    /** Minutes per attempt; null for no limit. Extra time for a person is added on top. */
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
    /** Attempts a person may make; null for no limit. */
    attemptsAllowed: z.number().int().min(1).max(100).nullable().default(null),
    /** The grade that counts when there are several attempts. */
    grading: z.enum(["highest", "last"]).default("highest"),
    shuffleQuestions: z.boolean().default(false),
    shuffleAnswers: z.boolean().default(true),
    /** Empty: every question, in file order. Otherwise, N questions drawn at random per rule. */
    draw: z.array(drawRuleSchema).max(50).default([]),
    review: z
      .object({
        correctness: reviewTime.default("after"),
        marks: reviewTime.default("after"),
        feedback: reviewTime.default("after"),
        rightAnswers: reviewTime.default("after"),
      })
      .strict()
      .default({ correctness: "after", marks: "after", feedback: "after", rightAnswers: "after" }),
  })
  .strict();

export type QuizSettings = z.infer<typeof quizSettingsSchema>;

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = quizSettingsSchema.parse({});

/** Reading stored settings, fields a later version may add are ignored rather than fatal. */
const storedSettingsSchema = quizSettingsSchema.strip();

/** What an attempt falls back to if its stored settings cannot be read: it reveals nothing. */
const CLOSED_REVIEW: QuizSettings = { ...DEFAULT_QUIZ_SETTINGS, review: { correctness: "never", marks: "never", feedback: "never", rightAnswers: "never" } };

/**
 * Settings as stored (null, partial or from an older version) → complete
 * settings. Settings that cannot be read fall back to the defaults for a
 * quiz, and, for an attempt (`forAttempt`), to a review that shows nothing:
 * a damaged row must never reveal the key.
 */
export function quizSettingsOf(stored: unknown, { forAttempt = false }: { forAttempt?: boolean } = {}): QuizSettings {
  const parsed = storedSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : forAttempt ? CLOSED_REVIEW : DEFAULT_QUIZ_SETTINGS;
}

/** Null when the settings are the defaults: older published content keeps its hash. */
export function storedQuizSettings(settings: QuizSettings): QuizSettings | null {
  return JSON.stringify(settings) === JSON.stringify(DEFAULT_QUIZ_SETTINGS) ? null : settings;
}

/** Whether a learner may see a part of the review now. */
export function mayReview(
  settings: QuizSettings,
  part: ReviewPart,
  moment: { submitted: boolean; checked: boolean; closed: boolean },
): boolean {
  const when = settings.review[part];
  if (when === "never") return false;
  if (when === "during") return moment.checked || moment.submitted;
  if (when === "after") return moment.submitted;
  return moment.submitted && moment.closed;
}

/** Whether any part of the review is shown while answering (a "Kiểm tra" button per question). */
export function checksDuringAttempt(settings: QuizSettings): boolean {
  return REVIEW_PARTS.some((part) => settings.review[part] === "during");
}

/** The minutes an attempt gets for a person with this much extra time (an accommodation). */
export function allowedMinutes(settings: QuizSettings, extraTimePercent: number): number | null {
  if (settings.timeLimitMinutes === null) return null;
  return Math.ceil((settings.timeLimitMinutes * (100 + Math.max(0, extraTimePercent))) / 100);
}
