import { RenderedMarkdown } from "~/components/course-view";
import { useT } from "~/i18n/context";
import type { ReviewRow } from "~/services/quiz-view.server";

// One question in review: the learner's own answer always, and whatever
// the quiz's review settings allow now (correctness, marks, feedback, the
// right answer). Colour is never the only signal: each verdict is a word.

const TAGS = { correct: "done", partial: "due", incorrect: "overdue" } as const;
const WORDS = { correct: "quiz.correct", partial: "quiz.partial", incorrect: "quiz.incorrect" } as const;

export function QuizReviewRow({ row, showText = false }: { row: ReviewRow; showText?: boolean }) {
  const t = useT();
  return (
    <div className={`quiz-review__item${row.verdict ? ` quiz-review__item--${row.verdict}` : ""}`}>
      {showText ? <RenderedMarkdown html={row.html} /> : null}
      <p>
        {row.verdict ? <strong className={`status-tag status-tag--${TAGS[row.verdict]}`}>{t(WORDS[row.verdict])}</strong> : null}{" "}
        {t("quiz.yourAnswer", { answer: row.yourAnswer || t("quiz.noAnswer") })}
        {row.mark !== null ? <span className="quiz-review__mark"> · {t("quiz.mark", { mark: row.mark })}</span> : null}
      </p>
      {row.rightAnswer !== null && row.verdict !== "correct" ? <p>{t("quiz.rightAnswer", { answer: row.rightAnswer })}</p> : null}
      {row.feedback.map((text, index) => (
        <p key={index} className="hint">
          {text}
        </p>
      ))}
    </div>
  );
}
