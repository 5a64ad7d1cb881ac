import { parseGift, type GiftQuestion } from "./gift";

// A quiz as an attempt holds it: the questions frozen from the course
// version's GIFT text when the attempt starts (answers shuffled once, then
// kept), and the grading rules. Plain data and pure functions.

export type FrozenAnswer = { text: string; weight: number; feedback: string | null; truth?: "true" | "false" };
export type FrozenQuestion = { key: string; kind: GiftQuestion["kind"]; text: string; answers: FrozenAnswer[] };
/** Selected answers per question key (indexes into the frozen answers). */
export type Answers = Record<string, number[]>;

function shuffled<T>(items: T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export function freezeQuiz(body: string, random: () => number = Math.random): FrozenQuestion[] {
  const parsed = parseGift(body);
  return parsed.questions.map((question) => {
    if (question.kind === "truefalse") {
      // Moodle's feedback for true/false: the first is for a wrong answer.
      const answer = (truth: boolean): FrozenAnswer => ({
        text: "",
        truth: truth ? "true" : "false",
        weight: truth === question.correct ? 100 : 0,
        feedback: truth === question.correct ? question.feedbackRight : question.feedbackWrong,
      });
      return { key: question.title, kind: question.kind, text: question.text, answers: [answer(true), answer(false)] };
    }
    return { key: question.title, kind: question.kind, text: question.text, answers: shuffled(question.answers, random) };
  });
}

/** The share of the mark a question earns, 0 to 1. */
export function gradeQuestion(question: FrozenQuestion, selected: readonly number[] = []): number {
  const chosen = [...new Set(selected)].filter((index) => index >= 0 && index < question.answers.length);
  if (question.kind !== "multiple") {
    // One answer only: its weight (100 for "=", or a %n% share), never below zero.
    return chosen.length === 1 ? Math.max(0, Math.min(1, question.answers[chosen[0]!]!.weight / 100)) : 0;
  }
  // Partial credit, negative weights for wrong picks, never below zero.
  const total = chosen.reduce((sum, index) => sum + question.answers[index]!.weight, 0);
  return Math.max(0, Math.min(1, total / 100));
}

export function gradeAttempt(questions: FrozenQuestion[], answers: Answers) {
  const score = questions.reduce((sum, question) => sum + gradeQuestion(question, answers[question.key]), 0);
  const maxScore = questions.length;
  const percent = maxScore ? Math.floor((score / maxScore) * 100 + 1e-9) : 0;
  return { score: Math.round(score * 100) / 100, maxScore, percent };
}
