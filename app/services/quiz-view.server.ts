import type { Locale, Translate } from "~/i18n/i18n";
import type { Attempt } from "~/models/quiz-attempt.server";
import { gradeQuestion, isAnswered, typedAnswerMatch, type AnswerValue, type FrozenAnswer, type FrozenQuestion } from "~/utils/quiz";
import { mayReview, type QuizSettings } from "~/utils/quiz-settings";
import { renderMarkdown } from "./lesson-html.server";
import { formatExactNumber } from "~/utils/format";

// What a learner sees of a question: its text through the one sanitized
// markdown renderer, and, once the quiz's review settings allow, whether the
// answer was right, the marks, the feedback and the right answer.

const MARKDOWN_SIGNS = /[*_`#[\]<>!|~\\&]|^\s*([-+>]|\d+[.)])\s|https?:/m;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Markdown to safe HTML; most question texts are plain sentences and skip the parser. */
export async function renderQuizText(text: string, t: Translate): Promise<string> {
  if (!MARKDOWN_SIGNS.test(text)) return text.split(/\n{2,}/).map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`).join("");
  return renderMarkdown(text, t);
}

/** The same for text inside a label: one paragraph's content, without the <p>. */
export async function renderQuizInline(text: string, t: Translate): Promise<string> {
  const html = await renderQuizText(text, t);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html.trim());
  return single && !single[1]!.includes("<p>") ? single[1]! : html;
}

/** A missing-word question shows its blank where the answer goes. */
export function stemOf(question: FrozenQuestion): string {
  return question.textAfter ? `${question.text} ……… ${question.textAfter}` : question.text;
}

const choiceLabel = (t: Translate, answer: FrozenAnswer) => (answer.truth ? t(answer.truth === "true" ? "quiz.true" : "quiz.false") : answer.text);

/** The learner's answer in words. */
export function answerInWords(t: Translate, question: FrozenQuestion, answer: AnswerValue | undefined): string {
  if (!isAnswered(question, answer) || answer === undefined) return "";
  if (typeof answer === "string") return answer.trim();
  if (question.kind === "matching") {
    return (question.pairs ?? []).map((left, index) => `${left} → ${question.choices?.[answer[index] ?? -1] ?? t("quiz.noAnswer")}`).join("; ");
  }
  return answer.flatMap((index) => (question.answers[index] ? [choiceLabel(t, question.answers[index])] : [])).join("; ");
}


/** The right answer in words. */
export function rightAnswerInWords(t: Translate, question: FrozenQuestion, locale: Locale = "vi"): string {
  // Every decimal it has (the catalog's format would round 3.14159), with the language's marks.
  const exact = (value: number) => formatExactNumber(locale, value);
  switch (question.kind) {
    case "matching":
      return (question.pairs ?? []).map((left, index) => `${left} → ${question.choices?.[question.matches?.[index] ?? -1] ?? ""}`).join("; ");
    case "numerical": {
      const best = Math.max(...(question.numbers ?? []).map((range) => range.weight));
      return (question.numbers ?? [])
        .filter((range) => range.weight === best)
        .map((range) => (range.tolerance === 0 ? t("quiz.number", { value: exact(range.value) }) : t("quiz.numberRange", { min: exact(range.min), max: exact(range.max) })))
        .join(" / ");
    }
    case "short": {
      const best = Math.max(...question.answers.map((answer) => answer.weight));
      return question.answers.filter((answer) => answer.weight === best).map((answer) => answer.text).join(" / ");
    }
    default:
      return question.answers.filter((answer) => answer.weight > 0).map((answer) => choiceLabel(t, answer)).join("; ");
  }
}

/** Per-answer feedback for what the learner answered, then the question's general feedback. */
function feedbackFor(question: FrozenQuestion, answer: AnswerValue | undefined): string[] {
  const own: (string | null)[] = [];
  if (typeof answer === "string") own.push(typedAnswerMatch(question, answer)?.feedback ?? null);
  else if (answer && question.kind !== "matching") own.push(...answer.map((index) => question.answers[index]?.feedback ?? null));
  return [...own, question.generalFeedback ?? null].filter((text): text is string => Boolean(text));
}

export type ReviewRow = {
  number: number;
  key: string;
  html: string;
  answered: boolean;
  yourAnswer: string;
  verdict: "correct" | "partial" | "incorrect" | null;
  mark: number | null;
  feedback: string[];
  rightAnswer: string | null;
};

/**
 * One row per question, showing only what the settings allow at this
 * moment. `closed`: the learner can make no more attempts (passed, none
 * left, or the course is completed).
 */
export async function reviewRows(
  attempt: Pick<Attempt, "state" | "questions" | "answers" | "checked">,
  settings: QuizSettings,
  closed: boolean,
  t: Translate,
  { only, locale = "vi" }: { only?: string; locale?: Locale } = {},
): Promise<ReviewRow[]> {
  const submitted = attempt.state === "SUBMITTED";
  const rows: ReviewRow[] = [];
  for (const [index, question] of attempt.questions.entries()) {
    if (only !== undefined && question.key !== only) continue;
    const answer = attempt.answers[question.key];
    const moment = { submitted, checked: attempt.checked.includes(question.key), closed };
    const credit = gradeQuestion(question, answer);
    rows.push({
      number: index + 1,
      key: question.key,
      html: await renderQuizText(stemOf(question), t),
      answered: isAnswered(question, answer),
      yourAnswer: answerInWords(t, question, answer),
      verdict: mayReview(settings, "correctness", moment) ? (credit >= 1 ? "correct" : credit > 0 ? "partial" : "incorrect") : null,
      mark: mayReview(settings, "marks", moment) ? Math.round(credit * 100) / 100 : null,
      feedback: mayReview(settings, "feedback", moment) ? feedbackFor(question, answer) : [],
      rightAnswer: mayReview(settings, "rightAnswers", moment) ? rightAnswerInWords(t, question, locale) : null,
    });
  }
  return rows;
}
