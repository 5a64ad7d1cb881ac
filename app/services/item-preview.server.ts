import type { Locale, Translate } from "~/i18n/i18n";
import { formatExactNumber, formatPercent } from "~/utils/format";
import { parseGift, type GiftQuestion } from "~/utils/gift";
import { categoryPath } from "~/utils/quiz";
import { renderMarkdown } from "./lesson-html.server";

// The studio's preview of a lesson or quiz: the learners' renderer for
// lessons; for quizzes, the questions as parsed and every format error.

export type QuizPreview = {
  questions: { title: string; kind: GiftQuestion["kind"]; text: string; category: string; tags: string[]; answers: { text: string; correct: boolean }[] }[];
  errors: string[];
};

function answersOf(question: GiftQuestion, t: Translate, locale: Locale) {
  const percent = (weight: number) => (weight === 100 ? "" : ` (${formatPercent(locale, weight)})`);
  const number = (value: number) => formatExactNumber(locale, value);
  switch (question.kind) {
    case "truefalse":
      return [
        { text: t("quiz.true"), correct: question.correct },
        { text: t("quiz.false"), correct: !question.correct },
      ];
    case "short":
      return question.answers.map((answer) => ({ text: `${answer.text}${percent(answer.weight)}`, correct: answer.weight > 0 }));
    case "numerical":
      return question.answers.map((answer) => ({
        text: `${!Number.isFinite(answer.tolerance) || !Number.isFinite(answer.max) ? "*" : answer.form === "range" ? `${number(answer.min)} – ${number(answer.max)}` : answer.tolerance ? `${number(answer.value)} ± ${number(answer.tolerance)}` : number(answer.value)}${percent(answer.weight)}`,
        correct: answer.weight > 0,
      }));
    case "matching":
      return question.pairs.map((pair) => ({ text: `${pair.left || "—"} → ${pair.right}`, correct: pair.left !== "" }));
    default:
      return question.answers.map((answer) => ({ text: `${answer.text}${question.kind === "multiple" ? percent(answer.weight) : ""}`, correct: answer.weight > 0 }));
  }
}

export function quizPreview(body: string, t: Translate, locale: Locale): QuizPreview {
  const parsed = parseGift(body);
  return {
    questions: parsed.questions.map((question) => ({
      title: question.title,
      kind: question.kind,
      text: question.textAfter ? `${question.text} ……… ${question.textAfter}` : question.text,
      category: categoryPath(question.category),
      tags: question.tags,
      answers: answersOf(question, t, locale),
    })),
    errors: parsed.ok
      ? []
      : parsed.errors.map((error) =>
          t("studio.editor.quizError", {
            line: error.line,
            problem: `${t(error.code === "unsupportedQuestion" ? `gift.unsupported.${error.kind ?? "other"}` : `gift.${error.code}`)}${error.title ? ` (${error.title})` : ""}`,
          }),
        ),
  };
}

export async function itemPreview({ kind, body }: { kind: "LESSON" | "QUIZ"; body: string }, t: Translate, locale: Locale) {
  return kind === "LESSON" ? { html: await renderMarkdown(body, t), quiz: null } : { html: null, quiz: quizPreview(body, t, locale) };
}
