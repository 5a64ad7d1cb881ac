import { z } from "zod";

// A quiz page's form: the answer given, the save it was based on, and where
// to go next. Choices are indexes into the question's frozen answers; typed
// answers are text; matching sends one chosen option per item (-1: none).
export const quizPageSchema = z.object({
  seq: z.coerce.number().int().min(0).max(2_147_483_647),
  answer: z.array(z.coerce.number().int().min(0).max(50)).max(50).default([]),
  typed: z.string().max(500).default(""),
  match: z.array(z.coerce.number().int().min(-1).max(100)).max(100).default([]),
  go: z.enum(["previous", "next", "summary", "check"]),
});

export type QuizPage = z.infer<typeof quizPageSchema>;
