import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RenderedMarkdown } from "~/components/course-view";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { getAttempt, saveAnswers } from "~/models/quiz-attempt.server";
import { renderMarkdown } from "~/services/course-view.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { isUuid } from "~/utils/ids";
import { quizPageSchema } from "~/validation/quiz";

// One question per page (GOV.UK's pattern): a plain form that saves the
// answer on every move, so a reload, a closed tab or a lost connection
// loses nothing. The page carries the save it was based on (`seq`): a page
// from a stale tab is refused rather than overwriting newer answers.
async function load(request: Request, params: Record<string, string | undefined>) {
  const user = await requirePermission(request, "read:course:published");
  const attempt = isUuid(params.attemptId) ? await getAttempt({ attemptId: params.attemptId, userId: user.id, courseSlug: params.slug ?? "" }) : null;
  const number = Number(params.number);
  const question = attempt && Number.isInteger(number) ? attempt.questions[number - 1] : undefined;
  if (!attempt || !question || attempt.itemKey !== params.itemKey) throw new Response(getTranslate(request)("quiz.attemptNotFound"), { status: 404 });
  const base = `/courses/${params.slug}/quiz/${params.itemKey}/${attempt.id}`;
  if (attempt.state === "SUBMITTED") throw redirect(`${base}/review`);
  return { user, attempt, question, number, base };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt, question, number, base } = await load(request, params);
  const t = getTranslate(request);
  return {
    title: `${t("quiz.questionOf", { number, total: attempt.questions.length })} – ${t("app.titleSuffix")}`,
    base,
    number,
    total: attempt.questions.length,
    seq: attempt.seq,
    question: {
      kind: question.kind,
      html: await renderMarkdown(question.text, t),
      answers: question.answers.map((answer) => (answer.truth ? t(answer.truth === "true" ? "quiz.true" : "quiz.false") : answer.text)),
    },
    selected: attempt.answers[question.key] ?? [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, question, number, base } = await load(request, params);
  const form = await parseForm(request, quizPageSchema, { lists: ["answer"] });
  if (!form.ok) return data({ message: "validation.invalid" as const }, { status: 400 });
  const chosen = form.data.answer.filter((index) => index < question.answers.length);
  const outcome = await saveAnswers({
    attemptId: attempt.id,
    userId: user.id,
    seq: form.data.seq,
    answers: { [question.key]: question.kind === "multiple" ? chosen : chosen.slice(0, 1) },
  });
  if (outcome === "stale") return data({ message: "quiz.stale" as const }, { status: 409 });
  if (outcome !== "saved") return redirect(`${base}/review`);
  const target = form.data.go === "previous" ? Math.max(1, number - 1) : form.data.go === "next" && number < attempt.questions.length ? number + 1 : null;
  return redirect(target ? `${base}/${target}` : `${base}/review`);
}

export default function QuizQuestion() {
  const { number, total, seq, question, selected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const multiple = question.kind === "multiple";
  return (
    <div className="narrow quiz">
      {result?.message ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(result.message)}</p>
        </div>
      ) : null}
      {/* A new key per save: after a refused stale save the form shows the latest answers. */}
      <Form method="post" key={seq}>
        <input type="hidden" name="seq" value={seq} />
        <fieldset className="fieldset">
          <legend className="quiz__legend">
            <span className="caption">{t("quiz.questionOf", { number, total })}</span>
            <RenderedMarkdown html={question.html} />
          </legend>
          <p className="hint">{multiple ? t("quiz.chooseMany") : t("quiz.chooseOne")}</p>
          {question.answers.map((answer, index) => (
            <div key={index} className="checkbox">
              <input
                className="checkbox__input"
                type={multiple ? "checkbox" : "radio"}
                id={`answer-${index}`}
                name="answer"
                value={index}
                defaultChecked={selected.includes(index)}
              />
              <label className="checkbox__label" htmlFor={`answer-${index}`}>
                {answer}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="button-group">
          <button type="submit" name="go" value={number < total ? "next" : "summary"} className="button">
            {number < total ? t("quiz.next") : t("quiz.toSummary")}
          </button>
          {number > 1 ? (
            <button type="submit" name="go" value="previous" className="button button--secondary">
              {t("quiz.previous")}
            </button>
          ) : null}
          {number < total ? (
            <button type="submit" name="go" value="summary" className="link-button">
              {t("quiz.summaryTitle")}
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
