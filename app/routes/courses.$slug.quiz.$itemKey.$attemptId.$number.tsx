import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useRef } from "react";
import { ErrorSummary } from "~/components/form";
import { useQuizDraft } from "~/components/quiz-draft";
import { QuizQuestion } from "~/components/quiz-question";
import { QuizReviewRow } from "~/components/quiz-review";
import { QuizTimer } from "~/components/quiz-timer";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { saveAnswers } from "~/models/quiz-attempt.server";
import { loadOpenAttempt } from "~/services/quiz-attempt-page.server";
import { renderQuizInline, renderQuizText, reviewRows, stemOf } from "~/services/quiz-view.server";
import { formatTime } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { parseTypedNumber, type AnswerValue, type FrozenQuestion } from "~/utils/quiz";
import { checksDuringAttempt } from "~/utils/quiz-settings";
import { quizPageSchema, type QuizPage } from "~/validation/quiz";

// One question per page (GOV.UK's pattern): a plain form that saves the
// answer on every move, so a reload, a closed tab or a lost connection
// loses nothing. The page carries the save it was based on (`seq`): a page
// from a stale tab is refused rather than overwriting newer answers. When
// the quiz gives feedback during the attempt, "Kiểm tra" saves and locks the
// question, then shows what the settings allow.
async function load(request: Request, params: Record<string, string | undefined>) {
  const page = await loadOpenAttempt(request, params);
  const number = Number(params.number);
  const question = Number.isInteger(number) ? page.attempt.questions[number - 1] : undefined;
  if (!question) throw new Response(getTranslate(request)("quiz.attemptNotFound"), { status: 404 });
  return { ...page, question, number };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt, question, number, base, settings } = await load(request, params);
  const t = getTranslate(request);
  const locked = attempt.checked.includes(question.key);
  return {
    title: `${t("quiz.questionOf", { number, total: attempt.questions.length })} – ${t("app.titleSuffix")}`,
    base,
    number,
    total: attempt.questions.length,
    seq: attempt.seq,
    timer: attempt.deadline
      ? { deadline: attempt.deadline.toISOString(), now: new Date().toISOString(), endsAt: formatTime(getLocale(request), attempt.deadline) }
      : null,
    question: {
      kind: question.kind,
      html: await renderQuizText(stemOf(question), t),
      // Choices only: a short answer's accepted answers are its key, and never leave the server.
      options: CHOICE_KINDS.includes(question.kind)
        ? await Promise.all(question.answers.map((answer) => (answer.truth ? t(answer.truth === "true" ? "quiz.true" : "quiz.false") : renderQuizInline(answer.text, t))))
        : [],
      pairs: await Promise.all((question.pairs ?? []).map((pair) => renderQuizInline(pair, t))),
      choices: question.choices ?? [],
    },
    selected: attempt.answers[question.key] ?? [],
    locked,
    canCheck: checksDuringAttempt(settings) && !locked,
    // While answering, "after the quiz closes" parts stay hidden: the attempt is still open.
    checkedRow: locked ? ((await reviewRows(attempt, settings, false, t, { only: question.key, locale: getLocale(request) }))[0] ?? null) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

const CHOICE_KINDS: FrozenQuestion["kind"][] = ["single", "multiple", "truefalse"];

// A refused save (another tab saved since, or the question was checked)
// must show the latest answers: reload the page's data after a 409 too.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

/** The value to save from the page's form, for this kind of question. */
function answerFrom(question: FrozenQuestion, form: QuizPage): AnswerValue {
  switch (question.kind) {
    case "short":
    case "numerical":
      return form.typed.normalize("NFC").trim();
    case "matching":
      return (question.pairs ?? []).map((_, index) => {
        const choice = form.match[index] ?? -1;
        return choice >= 0 && choice < (question.choices ?? []).length ? choice : -1;
      });
    default: {
      const chosen = [...new Set(form.answer)].filter((index) => index < question.answers.length);
      return question.kind === "multiple" ? chosen : chosen.slice(0, 1);
    }
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, question, number, base, settings, expire } = await load(request, params);
  const form = await parseForm(request, quizPageSchema, { lists: ["answer", "match"] });
  if (!form.ok) return data({ message: "validation.invalid" as const }, { status: 400 });
  const go = (target: number | null) => redirect(target ? `${base}/${target}` : `${base}/review`);
  const next = form.data.go === "previous" ? Math.max(1, number - 1) : form.data.go === "next" && number < attempt.questions.length ? number + 1 : null;
  // A checked question cannot change (its inputs are disabled): just move on.
  if (attempt.checked.includes(question.key)) return go(form.data.go === "check" ? number : next);
  const answer = answerFrom(question, form.data);
  // A number the learner can correct: nothing is saved, the page says why.
  if (question.kind === "numerical" && typeof answer === "string" && answer !== "" && parseTypedNumber(answer) === null) {
    return data({ fieldError: "quiz.notANumber" as const, typed: answer }, { status: 400 });
  }
  // "Kiểm tra" exists only when the quiz gives feedback during the attempt.
  const check = form.data.go === "check" && checksDuringAttempt(settings);
  const outcome = await saveAnswers({ attemptId: attempt.id, userId: user.id, seq: form.data.seq, answers: { [question.key]: answer }, check });
  if (outcome === "stale") return data({ message: "quiz.stale" as const }, { status: 409 });
  if (outcome === "locked") return data({ message: "quiz.locked" as const }, { status: 409 });
  if (outcome === "expired") return expire();
  if (outcome !== "saved") return redirect(`${base}/review`);
  return go(check ? number : next);
}

export default function QuizQuestionPage() {
  const { base, number, total, seq, question, selected, timer, locked, canCheck, checkedRow } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLButtonElement>(null);
  const restored = useQuizDraft(form, { attempt: base, number, seq, locked });
  // While a save or the page's reload after a refused one is under way, the
  // buttons wait: the form still carries the save it was based on (`seq`),
  // and pressing again would only be refused again (or save twice). They
  // stay focusable (aria-disabled, not disabled), so focus is not lost;
  // time running out still sends the form.
  const busy = useNavigation().state !== "idle";
  const wait = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (busy && submitter !== summary.current) event.preventDefault();
  };
  return (
    <div className="narrow quiz">
      {result && "message" in result ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(result.message)}</p>
        </div>
      ) : null}
      {restored ? (
        <div className="notice" role="status">
          <p>{t("quiz.draftRestored")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={result && "fieldError" in result ? { typed: result.fieldError } : undefined} fieldOrder={["typed"]} />
      {timer ? <QuizTimer {...timer} onTimeUp={() => form.current?.requestSubmit(summary.current)} /> : null}
      {/* A new key per save: after a refused stale save the form shows the latest answers. */}
      <Form method="post" key={seq} ref={form} onSubmit={wait}>
        <input type="hidden" name="seq" value={seq} />
        <QuizQuestion
          number={number}
          total={total}
          question={question}
          selected={result && "typed" in result ? result.typed : selected}
          locked={locked}
          error={result && "fieldError" in result ? result.fieldError : undefined}
        />
        {checkedRow ? <QuizReviewRow row={checkedRow} /> : null}
        {/* "Next" comes first: Enter in a text box presses it, never "Kiểm tra". */}
        <div className="button-group">
          <button type="submit" name="go" value={number < total ? "next" : "summary"} className="button" aria-disabled={busy || undefined}>
            {number < total ? t("quiz.next") : t("quiz.toSummary")}
          </button>
          {canCheck ? (
            <button type="submit" name="go" value="check" className="button button--secondary" aria-disabled={busy || undefined}>
              {t("quiz.check")}
            </button>
          ) : null}
          {number > 1 ? (
            <button type="submit" name="go" value="previous" className="button button--secondary" aria-disabled={busy || undefined}>
              {t("quiz.previous")}
            </button>
          ) : null}
          <button type="submit" name="go" value="summary" className="link-button" ref={summary} hidden={number >= total}>
            {t("quiz.summaryTitle")}
          </button>
        </div>
      </Form>
    </div>
  );
}
