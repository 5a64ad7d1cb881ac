import { z } from "zod";
import { REVIEW_TIMES, type QuizSettings } from "~/utils/quiz-settings";

// The studio's quiz settings form, shared by the page and its action. Empty
// boxes mean "no limit"; draw rules come as three parallel lists (one row
// each; four with the bank), and a row without a count is ignored, so a spare empty row is
// harmless.

const optionalWhole = (max: number, error: "validation.quizSettings.timeLimit" | "validation.quizSettings.attempts") =>
  z
    .string()
    .trim()
    .max(6, { error })
    .transform((value, context) => {
      if (value === "") return null;
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1 || number > max) {
        context.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return number;
    });

const reviewTime = z.enum(REVIEW_TIMES, { error: "validation.quizSettings.review" });

export const quizSettingsFormSchema = z
  .object({
    timeLimitMinutes: optionalWhole(600, "validation.quizSettings.timeLimit"),
    attemptsAllowed: optionalWhole(100, "validation.quizSettings.attempts"),
    grading: z.enum(["highest", "last"], { error: "validation.quizSettings.grading" }),
    shuffleQuestions: z.literal("on").optional(),
    shuffleAnswers: z.literal("on").optional(),
    drawBank: z.array(z.string().trim().max(80)).max(50).default([]),
    drawCategory: z.array(z.string().trim().max(200)).max(50).default([]),
    drawTag: z.array(z.string().trim().max(80)).max(50).default([]),
    drawCount: z.array(z.string().trim().max(4)).max(50).default([]),
    reviewCorrectness: reviewTime,
    reviewMarks: reviewTime,
    reviewFeedback: reviewTime,
    reviewRightAnswers: reviewTime,
  })
  .transform((form, context): QuizSettings => {
    const draw: QuizSettings["draw"] = [];
    form.drawCount.forEach((text, index) => {
      if (text === "") return;
      const count = Number(text);
      if (!Number.isInteger(count) || count < 1 || count > 200) {
        context.addIssue({ code: "custom", path: ["drawCount"], message: "validation.quizSettings.drawCount" });
        return;
      }
      const bank = form.drawBank[index] || null;
      if (bank !== null && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(bank)) {
        context.addIssue({ code: "custom", path: ["drawCount"], message: "validation.quizSettings.drawBank" });
        return;
      }
      draw.push({ bank, category: form.drawCategory[index] || null, tag: form.drawTag[index] || null, count });
    });
    return {
      timeLimitMinutes: form.timeLimitMinutes,
      attemptsAllowed: form.attemptsAllowed,
      grading: form.grading,
      shuffleQuestions: form.shuffleQuestions === "on",
      shuffleAnswers: form.shuffleAnswers === "on",
      draw,
      review: { correctness: form.reviewCorrectness, marks: form.reviewMarks, feedback: form.reviewFeedback, rightAnswers: form.reviewRightAnswers },
    };
  });

export const QUIZ_SETTINGS_LISTS = ["drawBank", "drawCategory", "drawTag", "drawCount"] as const;
