import { z } from "zod";

// A quiz page's form: the answer given, the save it was based on, and where
// to go next. Choices are indexes into the question's frozen answers; typed
// answers are text; matching sends one chosen option per item (-1: none).
// The save a form was based on: digits only (a coerced blank would be 0, the
// first save's number, and let an empty post through).
const seq = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().max(2_147_483_647));

export const quizPageSchema = z.object({
  seq,
  answer: z.array(z.coerce.number().int().min(0).max(50)).max(50).default([]),
  typed: z.string().max(500).default(""),
  match: z.array(z.coerce.number().int().min(-1).max(100)).max(100).default([]),
  go: z.enum(["previous", "next", "summary", "check"]),
});

export type QuizPage = z.infer<typeof quizPageSchema>;

/** The summary page's "Nộp bài": the save the learner was looking at. */
export const quizSubmitSchema = z.object({ seq });
