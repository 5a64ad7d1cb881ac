import { z } from "zod";

// A quiz page's form: the answer(s) chosen, the save it was based on, and
// where to go next. Answers are indexes into the question's frozen answers.
export const quizPageSchema = z.object({
  seq: z.coerce.number().int().min(0).max(2_147_483_647),
  answer: z.array(z.coerce.number().int().min(0).max(50)).max(50).default([]),
  go: z.enum(["previous", "next", "summary"]),
});
