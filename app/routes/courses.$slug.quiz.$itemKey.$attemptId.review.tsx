import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { dropStaleQuizDrafts } from "~/components/quiz-draft";
import { QuizReviewRow } from "~/components/quiz-review";
import { QuizTimer } from "~/components/quiz-timer";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { getAttempt, isPastDeadline, submitAttempt } from "~/models/quiz-attempt.server";
import { loadOpenAttempt } from "~/services/quiz-attempt-page.server";
import { getLearnerQuiz, learnerQuizState } from "~/services/quiz.server";
import { reviewRows } from "~/services/quiz-view.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { formatTime } from "~/utils/format";
import { isUuid } from "~/utils/ids";
import { isAnswered } from "~/utils/quiz";
import { mayReview } from "~/utils/quiz-settings";
import { quizSubmitSchema } from "~/validation/quiz";

// Before submitting: which questions are answered, a way back to each, and
// "Nộp bài". After: pass or not, and each question with the learner's answer
// and as much as the quiz's review settings allow (mark, correctness,
// feedback, right answer).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const attempt = isUuid(params.attemptId) ? await getAttempt({ attemptId: params.attemptId, userId: user.id, courseSlug: params.slug ?? "" }) : null;
  if (!attempt || attempt.itemKey !== params.itemKey) throw new Response(t("quiz.attemptNotFound"), { status: 404 });
  const base = `/courses/${params.slug}/quiz/${attempt.itemKey}/${attempt.id}`;
  const common = { base, slug: params.slug ?? "", number: attempt.number, seq: attempt.seq, passPercent: attempt.passPercent };
  if (attempt.state === "IN_PROGRESS") {
    // Time is up: the open-attempt guard submits it and shows the result.
    if (isPastDeadline(attempt)) await loadOpenAttempt(request, params);
    return {
      ...common,
      title: `${t("quiz.summaryTitle")} – ${t("app.titleSuffix")}`,
      submitted: false as const,
      timer: attempt.deadline ? { deadline: attempt.deadline.toISOString(), now: new Date().toISOString(), endsAt: formatTime(getLocale(request), attempt.deadline) } : null,
      questions: attempt.questions.map((question, index) => ({ number: index + 1, answered: isAnswered(question, attempt.answers[question.key]) })),
    };
  }
  const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: attempt.itemKey, userId: user.id });
  const closed = found ? (await learnerQuizState(found)).closed : true;
  const marks = mayReview(attempt.settings, "marks", { submitted: true, checked: false, closed });
  return {
    ...common,
    title: `${t("quiz.resultTitle", { number: attempt.number })} – ${t("app.titleSuffix")}`,
    submitted: true as const,
    result: { passed: attempt.passed ?? false, marks: marks ? { percent: attempt.percent ?? 0, score: attempt.score ?? 0, max: attempt.maxScore ?? 0 } : null },
    rows: await reviewRows(attempt, attempt.settings, closed, t, { locale: getLocale(request) }),
    hiddenUntilClosed: !closed && Object.values(attempt.settings.review).includes("closed"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

// A refused stale submit must show the latest answers: reload after a 409 too.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  // A repeat of a submit that already went through (or a submit after the
  // deadline) is answered by the guard: it shows the result.
  const { user, attempt, base } = await loadOpenAttempt(request, params);
  const t = getTranslate(request);
  // A summary page from a stale tab (answers changed since) is refused: the
  // learner sees the latest state first.
  const form = await parseForm(request, quizSubmitSchema);
  if (!form.ok) return data({ message: "error.badRequest.body" as const }, { status: 400 });
  if (form.data.seq !== attempt.seq) return data({ message: "quiz.staleSubmit" as const }, { status: 409 });
  const result = await submitAttempt({ attemptId: attempt.id, userId: user.id, asRead: attempt });
  if (!result) throw new Response(t("quiz.attemptNotFound"), { status: 404 });
  let headers: HeadersInit | undefined;
  if (result.completed) {
    const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: attempt.itemKey, userId: user.id });
    headers = { "Set-Cookie": flashCookie(t("quiz.courseCompleted", { title: found?.course.content.title ?? "" })) };
  }
  return redirect(`${base}/review`, { headers });
}

function Summary() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  // The refusal shows before the page has reloaded the latest answers (and
  // their `seq`): "Nộp bài" waits for them, or it would be refused again.
  // (aria-disabled: it keeps focus; the timer's own submit still goes.)
  const busy = useNavigation().state !== "idle";
  if (loaded.submitted) return null;
  const unanswered = loaded.questions.filter((row) => !row.answered).length;
  return (
    <div className="narrow">
      {refused?.message ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(refused.message)}</p>
        </div>
      ) : null}
      <h1>{t("quiz.summaryTitle")}</h1>
      {loaded.timer ? <QuizTimer {...loaded.timer} onTimeUp={() => form.current?.requestSubmit()} /> : null}
      <dl className="summary-list">
        {loaded.questions.map((row) => (
          <div key={row.number}>
            <dt>{t("quiz.questionOf", { number: row.number, total: loaded.questions.length })}</dt>
            <dd>
              {row.answered ? t("quiz.answered") : <strong>{t("quiz.unanswered")}</strong>} ·{" "}
              <Link to={`${loaded.base}/${row.number}`}>{t("quiz.change", { number: row.number })}</Link>
            </dd>
          </div>
        ))}
      </dl>
      {unanswered ? <p className="notice notice--warning">{t("quiz.unansweredCount", { count: unanswered })}</p> : null}
      <p>{t("quiz.submitWarning")}</p>
      <Form method="post" key={loaded.seq} ref={form} onSubmit={(event) => busy && (event.nativeEvent as SubmitEvent).submitter && event.preventDefault()}>
        <input type="hidden" name="seq" value={loaded.seq} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t("quiz.submit")}
        </button>
      </Form>
    </div>
  );
}

export default function QuizReview() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  // Submitted: copies of answers not sent (quiz-draft.ts) have no more use.
  const params = useParams();
  const attempt = `/courses/${params.slug}/quiz/${params.itemKey}/${params.attemptId}`;
  useEffect(() => {
    if (loaded.submitted) dropStaleQuizDrafts(attempt, Number.POSITIVE_INFINITY);
  }, [attempt, loaded.submitted]);
  if (!loaded.submitted) return <Summary />;
  const { result, rows, slug, number, passPercent, hiddenUntilClosed } = loaded;
  return (
    <div className="narrow">
      <h1>{t("quiz.resultTitle", { number })}</h1>
      <div className={`notice ${result.passed ? "notice--success" : "notice--warning"}`} role="status">
        {result.marks ? <p className="panel__title">{t("quiz.result", result.marks)}</p> : null}
        <p>{result.passed ? t("quiz.resultPassed") : t("quiz.resultFailed", { pass: passPercent })}</p>
      </div>
      {hiddenUntilClosed ? <p className="hint">{t("quiz.reviewLater")}</p> : null}
      <p>
        <Link to={`/courses/${slug}`}>{t("quiz.backToCourse")}</Link>
      </p>
      <ol className="quiz-review">
        {rows.map((row) => (
          <li key={row.number}>
            <QuizReviewRow row={row} showText />
          </li>
        ))}
      </ol>
    </div>
  );
}
