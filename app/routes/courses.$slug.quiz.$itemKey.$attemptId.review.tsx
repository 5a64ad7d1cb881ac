import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import type { Translate } from "~/i18n/i18n";
import { getTranslate } from "~/i18n/translate.server";
import { getAttempt, submitAttempt, type Attempt } from "~/models/quiz-attempt.server";
import { getLearnerQuiz } from "~/services/quiz.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { isUuid } from "~/utils/ids";
import { gradeQuestion, type FrozenAnswer } from "~/utils/quiz";

// Before submitting: which questions are answered, a way back to each, and
// "Nộp bài". After: the mark, pass or not, and each question with the
// learner's answer, the right one and the feedback.
async function load(request: Request, params: Record<string, string | undefined>) {
  const user = await requirePermission(request, "read:course:published");
  const attempt = isUuid(params.attemptId) ? await getAttempt({ attemptId: params.attemptId, userId: user.id, courseSlug: params.slug ?? "" }) : null;
  if (!attempt || attempt.itemKey !== params.itemKey) throw new Response(getTranslate(request)("quiz.attemptNotFound"), { status: 404 });
  return { user, attempt };
}

const label = (t: Translate, answer: FrozenAnswer) => (answer.truth ? t(answer.truth === "true" ? "quiz.true" : "quiz.false") : answer.text);

function review(t: Translate, attempt: Attempt) {
  return attempt.questions.map((question, index) => {
    const chosen = attempt.answers[question.key] ?? [];
    const credit = gradeQuestion(question, chosen);
    return {
      number: index + 1,
      text: question.text,
      answered: chosen.length > 0,
      chosen: chosen.map((i) => label(t, question.answers[i]!)).join("; "),
      right: question.answers.filter((answer) => answer.weight > 0).map((answer) => label(t, answer)).join("; "),
      verdict: credit >= 1 ? ("correct" as const) : credit > 0 ? ("partial" as const) : ("incorrect" as const),
      feedback: chosen.map((i) => question.answers[i]!.feedback).filter((text): text is string => Boolean(text)),
    };
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt } = await load(request, params);
  const t = getTranslate(request);
  const submitted = attempt.state === "SUBMITTED";
  return {
    title: `${submitted ? t("quiz.resultTitle", { number: attempt.number }) : t("quiz.summaryTitle")} – ${t("app.titleSuffix")}`,
    base: `/courses/${params.slug}/quiz/${attempt.itemKey}/${attempt.id}`,
    slug: params.slug ?? "",
    number: attempt.number,
    seq: attempt.seq,
    submitted,
    result: submitted ? { percent: attempt.percent ?? 0, score: attempt.score ?? 0, max: attempt.maxScore ?? 0, passed: attempt.passed ?? false } : null,
    passPercent: attempt.passPercent,
    questions: review(t, attempt).map((row) => (submitted ? row : { ...row, chosen: "", right: "", verdict: null, feedback: [] })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt } = await load(request, params);
  const t = getTranslate(request);
  // A summary page from a stale tab (answers changed since) is refused: the
  // learner sees the latest state first. A repeat of a submit that already
  // went through simply shows its result.
  const seq = Number((await request.formData().catch(() => null))?.get("seq"));
  if (attempt.state === "IN_PROGRESS" && seq !== attempt.seq) return data({ message: "quiz.staleSubmit" as const }, { status: 409 });
  const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: attempt.itemKey, userId: user.id });
  const result = await submitAttempt({ attemptId: attempt.id, userId: user.id });
  if (!result) throw new Response(t("quiz.attemptNotFound"), { status: 404 });
  const headers = result.completed ? { "Set-Cookie": flashCookie(t("quiz.courseCompleted", { title: found?.course.content.title ?? "" })) } : undefined;
  return redirect(`/courses/${params.slug}/quiz/${attempt.itemKey}/${attempt.id}/review`, { headers });
}

export default function QuizReview() {
  const { base, slug, number, submitted, result, questions, passPercent, seq } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const unanswered = questions.filter((row) => !row.answered).length;
  if (!submitted || !result) {
    return (
      <div className="narrow">
        {refused?.message ? (
          <div className="notice notice--warning" role="alert">
            <p>{t(refused.message)}</p>
          </div>
        ) : null}
        <h1>{t("quiz.summaryTitle")}</h1>
        <dl className="summary-list">
          {questions.map((row) => (
            <div key={row.number}>
              <dt>{t("quiz.questionOf", { number: row.number, total: questions.length })}</dt>
              <dd>
                {row.answered ? t("quiz.answered") : <strong>{t("quiz.unanswered")}</strong>} ·{" "}
                <Link to={`${base}/${row.number}`}>{t("quiz.change", { number: row.number })}</Link>
              </dd>
            </div>
          ))}
        </dl>
        {unanswered ? <p className="notice notice--warning">{t("quiz.unansweredCount", { count: unanswered })}</p> : null}
        <p>{t("quiz.submitWarning")}</p>
        <Form method="post" key={seq}>
          <input type="hidden" name="seq" value={seq} />
          <button type="submit" className="button">
            {t("quiz.submit")}
          </button>
        </Form>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("quiz.resultTitle", { number })}</h1>
      <div className={`notice ${result.passed ? "notice--success" : "notice--warning"}`} role="status">
        <p className="panel__title">{t("quiz.result", { percent: result.percent, score: result.score, max: result.max })}</p>
        <p>{result.passed ? t("quiz.resultPassed") : t("quiz.resultFailed", { pass: passPercent })}</p>
      </div>
      <p>
        <Link to={`/courses/${slug}`}>{t("quiz.backToCourse")}</Link>
      </p>
      <ol className="quiz-review">
        {questions.map((row) => (
          <li key={row.number} className={`quiz-review__item quiz-review__item--${row.verdict}`}>
            <p className="quiz-preview__text">{row.text}</p>
            <p>
              <strong className={`status-tag status-tag--${row.verdict === "correct" ? "done" : row.verdict === "incorrect" ? "overdue" : "due"}`}>
                {t(row.verdict === "correct" ? "quiz.correct" : row.verdict === "partial" ? "quiz.partial" : "quiz.incorrect")}
              </strong>{" "}
              {t("quiz.yourAnswer", { answer: row.chosen || t("quiz.noAnswer") })}
            </p>
            {row.verdict === "correct" ? null : <p>{t("quiz.rightAnswer", { answer: row.right })}</p>}
            {row.feedback.map((text) => (
              <p key={text} className="hint">
                {text}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
