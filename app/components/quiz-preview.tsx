import { useT } from "~/i18n/context";
import type { QuizPreview } from "~/services/item-preview.server";

// Questions as the GIFT parser read them, for trainers: each with its kind,
// category, tags and answers (the right ones marked in words, not only in
// colour), and every format error by line above them. The quiz editor's live
// preview and the shared bank page both show it.
export function QuizPreviewList({ quiz, showTitles = false }: { quiz: QuizPreview; showTitles?: boolean }) {
  const t = useT();
  return (
    <>
      {quiz.errors.length ? (
        <ul className="field-error-list">
          {quiz.errors.map((error) => (
            <li key={error} className="field-error">
              {error}
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t("studio.editor.quizQuestions", { count: quiz.questions.length })}</p>
      <ol className="quiz-preview">
        {quiz.questions.map((question) => (
          <li key={question.title}>
            <p className="quiz-preview__text">
              {showTitles ? <strong>{question.title}: </strong> : null}
              {question.text}
            </p>
            <p className="hint">
              {t(`studio.quizKind.${question.kind}`)}
              {question.category ? ` · ${question.category}` : null}
              {question.tags.length ? ` · ${question.tags.join(", ")}` : null}
            </p>
            <ul>
              {question.answers.map((answer, index) => (
                <li key={index} className={answer.correct ? "quiz-preview__answer--correct" : undefined}>
                  {answer.text}
                  {answer.correct ? <strong> ({t("studio.editor.correct")})</strong> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
