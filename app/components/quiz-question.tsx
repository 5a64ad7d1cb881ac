import { RenderedMarkdown } from "~/components/course-view";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";

// The answer controls of one question, by kind: radios or checkboxes for
// choices, a text box for short and numerical answers, one select per item
// for matching. Plain form fields: the page works without JavaScript.

export type QuestionForm = {
  kind: "single" | "multiple" | "truefalse" | "short" | "numerical" | "matching";
  html: string;
  /** Choices as safe inline HTML (single, multiple, true/false). */
  options: string[];
  /** Matching: the items to match, and the options for each. */
  pairs: string[];
  choices: string[];
};

const HINTS: Record<QuestionForm["kind"], MessageKey> = {
  single: "quiz.chooseOne",
  truefalse: "quiz.chooseOne",
  multiple: "quiz.chooseMany",
  short: "quiz.typeAnswer",
  numerical: "quiz.typeNumber",
  matching: "quiz.matchEach",
};

/** Text already made safe by the one markdown renderer (quiz-view.server). */
function InlineHtml({ html }: { html: string }) {
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

export function QuizQuestion({
  number,
  total,
  question,
  selected,
  locked,
  error,
}: {
  number: number;
  total: number;
  question: QuestionForm;
  selected: number[] | string;
  locked: boolean;
  error?: MessageKey;
}) {
  const t = useT();
  const chosen = Array.isArray(selected) ? selected : [];
  const typed = typeof selected === "string" ? selected : "";
  const hintId = `hint-${number}`;
  return (
    // The question may hold paragraphs, lists or images, which a <legend>
    // cannot: the group is named by the question's own block instead.
    <fieldset className={`fieldset${error ? " form-group--error" : ""}`} disabled={locked} aria-labelledby="question-text" aria-describedby={hintId}>
      <div className="quiz__legend" id="question-text">
        <span className="caption">{t("quiz.questionOf", { number, total })}</span>
        <RenderedMarkdown html={question.html} />
      </div>
      <p className="hint" id={hintId}>
        {t(HINTS[question.kind])}
      </p>
      {error ? (
        <p className="field-error" id="typed-error">
          {t(error)}
        </p>
      ) : null}
      {question.kind === "short" || question.kind === "numerical" ? (
        <div className="form-group">
          <label className="label" htmlFor="typed">
            {t("quiz.yourAnswerLabel")}
          </label>
          <input
            className={`input${question.kind === "numerical" ? " input--width-10" : ""}`}
            id="typed"
            name="typed"
            type="text"
            inputMode={question.kind === "numerical" ? "decimal" : "text"}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={500}
            defaultValue={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "typed-error" : undefined}
          />
        </div>
      ) : question.kind === "matching" ? (
        question.pairs.map((pair, index) => (
          <div key={index} className="form-group quiz-match">
            <label className="label" htmlFor={`match-${index}`}>
              <InlineHtml html={pair} />
            </label>
            <select className="input" id={`match-${index}`} name="match" defaultValue={String(chosen[index] ?? -1)}>
              <option value="-1">{t("quiz.matchChoose")}</option>
              {question.choices.map((choice, choiceIndex) => (
                <option key={choiceIndex} value={choiceIndex}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
        ))
      ) : (
        question.options.map((html, index) => (
          <div key={index} className="checkbox">
            <input
              className="checkbox__input"
              type={question.kind === "multiple" ? "checkbox" : "radio"}
              id={`answer-${index}`}
              name="answer"
              value={index}
              defaultChecked={chosen.includes(index)}
            />
            <label className="checkbox__label" htmlFor={`answer-${index}`}>
              <InlineHtml html={html} />
            </label>
          </div>
        ))
      )}
    </fieldset>
  );
}
