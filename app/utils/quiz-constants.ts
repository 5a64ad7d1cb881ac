// Quiz review timing, without Zod: pages import these and must not ship the
// validation library to the browser (app/utils/quiz-settings.ts has the schema).

/**
 * When learners see something about their answers:
 * - during: right after checking a question (immediate feedback),
 * - after: as soon as the attempt is submitted,
 * - closed: once the quiz is closed to them (passed, no attempts left, or
 *   the course completed), so retakes cannot copy the key,
 * - never.
 */
export const REVIEW_TIMES = ["during", "after", "closed", "never"] as const;
export type ReviewTime = (typeof REVIEW_TIMES)[number];
export const REVIEW_PARTS = ["correctness", "marks", "feedback", "rightAnswers"] as const;
export type ReviewPart = (typeof REVIEW_PARTS)[number];
