import type { Translate } from "~/i18n/i18n";
import { parseGift, type GiftQuestion } from "~/utils/gift";
import { renderMarkdown } from "./course-view.server";

// The studio's preview of a lesson or quiz: the learners' renderer for
// lessons; for quizzes, the questions as parsed and every format error.

export type QuizPreview = {
  questions: { title: string; text: string; answers: { text: string; correct: boolean }[] }[];
  errors: string[];
};

function answersOf(question: GiftQuestion) {
  if (question.kind === "truefalse") {
    return [
      { text: "Đúng / True", correct: question.correct },
      { text: "Sai / False", correct: !question.correct },
    ];
  }
  return question.answers.map((answer) => ({ text: answer.text, correct: answer.weight > 0 }));
}

export function quizPreview(body: string, t: Translate): QuizPreview {
  const parsed = parseGift(body);
  return {
    questions: parsed.questions.map((question) => ({ title: question.title, text: question.text, answers: answersOf(question) })),
    errors: parsed.ok
      ? []
      : parsed.errors.map((error) =>
          t("studio.editor.quizError", { line: error.line, problem: `${t(`gift.${error.code}`)}${error.title ? ` (${error.title})` : ""}` }),
        ),
  };
}

export async function itemPreview({ kind, body }: { kind: "LESSON" | "QUIZ"; body: string }, t: Translate) {
  return kind === "LESSON" ? { html: await renderMarkdown(body, t), quiz: null } : { html: null, quiz: quizPreview(body, t) };
}
