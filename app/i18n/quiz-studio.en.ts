import type { quizStudioVi } from "./quiz-studio.vi";

// English messages for trainers' quiz pages (same keys as quiz-studio.vi.ts).
export const quizStudioEn: Record<keyof typeof quizStudioVi, string> = {
  "validation.quizSettings.timeLimit": "Enter a number of minutes from 1 to 600, or leave it empty",
  "validation.quizSettings.attempts": "Enter a number of attempts from 1 to 100, or leave it empty",
  "validation.quizSettings.grading": "Choose how attempts are graded",
  "validation.quizSettings.review": "Choose a time from the list",
  "validation.quizSettings.drawCount": "The number of questions to draw must be a whole number from 1 to 200",
  "validation.quizSettings.drawTooMany": "The rules ask for more questions than match them (a question is drawn only once)",
  "validation.quizSettings.drawBank": "Choose a question bank from the list",
  "validation.bank.title": "Enter the bank's name (at most 200 characters)",
  "validation.bank.slug": "Use lowercase letters without marks, digits and hyphens (at most 80 characters)",
  "validation.bank.body": "The bank is too large; split it into several banks",
};
