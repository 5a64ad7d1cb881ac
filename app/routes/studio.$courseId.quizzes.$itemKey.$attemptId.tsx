import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QuizReviewRow } from "~/components/quiz-review";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { getQuizAttemptForTrainer } from "~/models/quiz-results.server";
import { reviewRows } from "~/services/quiz-view.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { formatDateTime } from "~/utils/format";
import { isUuid } from "~/utils/ids";
import { quizSettingsSchema } from "~/utils/quiz-settings";

// One attempt as its trainer sees it: every question with the learner's
// answer, the right answer, marks and feedback, whatever the learners'
// review settings say. Read only.

/** Trainers see everything, always. */
const EVERYTHING = quizSettingsSchema.parse({ review: { correctness: "after", marks: "after", feedback: "after", rightAnswers: "after" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const attempt = isUuid(params.attemptId)
    ? await getQuizAttemptForTrainer({ courseId: params.courseId!, itemKey: params.itemKey ?? "", attemptId: params.attemptId })
    : null;
  if (!attempt) throw new Response(t("quiz.attemptNotFound"), { status: 404 });
  const submitted = attempt.state === "SUBMITTED";
  return {
    title: `${attempt.enrolment.user.fullName} – ${t("quiz.resultTitle", { number: attempt.number })} – ${t("app.titleSuffix")}`,
    back: `/studio/${params.courseId}/quizzes/${params.itemKey}`,
    name: attempt.enrolment.user.fullName,
    number: attempt.number,
    started: formatDateTime(locale, attempt.startedAt),
    submitted: attempt.submittedAt ? formatDateTime(locale, attempt.submittedAt) : null,
    deadline: attempt.deadline ? formatDateTime(locale, attempt.deadline) : null,
    result: submitted ? { percent: attempt.percent ?? 0, score: attempt.score ?? 0, max: attempt.maxScore ?? 0, passed: attempt.passed ?? false } : null,
    passPercent: attempt.passPercent,
    regraded: attempt.regradedAt ? formatDateTime(locale, attempt.regradedAt) : null,
    // An attempt in progress shows answers saved so far, not yet marked.
    rows: await reviewRows({ ...attempt, state: "SUBMITTED" }, submitted ? EVERYTHING : quizSettingsSchema.parse({ review: { correctness: "never", marks: "never", feedback: "never", rightAnswers: "never" } }), true, t, { locale }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function TrainerAttempt() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <p>
        <Link to={loaded.back}>{t("studio.quizResults.backToResults")}</Link>
      </p>
      <h1>
        {loaded.name}: {t("quiz.resultTitle", { number: loaded.number })}
      </h1>
      <dl className="summary-list">
        <div>
          <dt>{t("studio.quizResults.startedAt")}</dt>
          <dd>{loaded.started}</dd>
        </div>
        <div>
          <dt>{t("studio.quizResults.submittedAt")}</dt>
          <dd>{loaded.submitted ?? t("studio.quizResults.notSubmitted", { deadline: loaded.deadline ?? "—" })}</dd>
        </div>
        {loaded.result ? (
          <div>
            <dt>{t("studio.quizResults.grade")}</dt>
            <dd>
              {t("quiz.result", { percent: loaded.result.percent, score: loaded.result.score, max: loaded.result.max })} {t(loaded.result.passed ? "quiz.passed" : "quiz.failed")} ({t("quiz.passMark", { percent: loaded.passPercent })})
            </dd>
          </div>
        ) : null}
        {loaded.regraded ? (
          <div>
            <dt>{t("studio.quizResults.regradedAt")}</dt>
            <dd>{loaded.regraded}</dd>
          </div>
        ) : null}
      </dl>
      <ol className="quiz-review">
        {loaded.rows.map((row) => (
          <li key={row.number}>
            <QuizReviewRow row={row} showText />
          </li>
        ))}
      </ol>
    </div>
  );
}
