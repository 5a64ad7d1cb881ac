import { TableRegion } from "~/components/table-region";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { QuizStatisticsTable } from "~/components/quiz-statistics";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { countQuizAttempts, listQuizAttempts } from "~/models/quiz-results.server";
import { latestQuiz, quizResultsSummary, regradeQuiz } from "~/services/quiz-results.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDateTime, formatPercent } from "~/utils/format";
import { clientAddress } from "~/utils/request-context.server";

// A quiz's results for its trainers: how many took it and passed, which
// questions misbehave (item analysis), every attempt with a link to it, and
// regrading after a corrected question was published.

async function loadQuiz(request: Request, params: Record<string, string | undefined>) {
  const user = await requireCourseEditor(request, params.courseId);
  const quiz = await latestQuiz({ courseId: params.courseId!, itemKey: params.itemKey ?? "" });
  if (!quiz) throw new Response(getTranslate(request)("studio.quizResults.notPublished"), { status: 404 });
  return { user, quiz, courseId: params.courseId!, itemKey: params.itemKey! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { quiz, courseId, itemKey } = await loadQuiz(request, params);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const [counts, summary, attempts] = await Promise.all([
    countQuizAttempts({ courseId, itemKey }),
    quizResultsSummary({ courseId, itemKey, quiz }),
    listQuizAttempts({ courseId, itemKey }),
  ]);
  return {
    title: `${t("studio.quizResults.title", { title: quiz.title })} – ${t("app.titleSuffix")}`,
    courseId,
    itemKey,
    quizTitle: quiz.title,
    courseTitle: quiz.courseTitle,
    versionNumber: quiz.versionNumber,
    counts,
    ...summary,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      name: attempt.enrolment.user.fullName,
      email: attempt.enrolment.user.email,
      number: attempt.number,
      version: attempt.enrolment.version.number,
      state: attempt.state,
      started: formatDateTime(locale, attempt.startedAt),
      submitted: attempt.submittedAt ? formatDateTime(locale, attempt.submittedAt) : null,
      percent: attempt.percent,
      passed: attempt.passed,
      regraded: attempt.regradedAt !== null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, quiz, courseId, itemKey } = await loadQuiz(request, params);
  const t = getTranslate(request);
  const form = await request.formData().catch(() => null);
  if (form?.get("intent") !== "regrade") return data({ message: "error.badRequest.body" as const }, { status: 400 });
  const summary = await regradeQuiz({ courseId, itemKey, quiz, actorId: user.id, ipAddress: clientAddress() });
  return redirect(`/studio/${courseId}/quizzes/${itemKey}`, { headers: { "Set-Cookie": flashCookie(t("studio.quizResults.regraded", summary)) } });
}

export default function QuizResults() {
  const loaded = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/studio/${loaded.courseId}/quizzes/${loaded.itemKey}`;
  return (
    <>
      <p>
        <Link to={`/studio/${loaded.courseId}`}>
          {t("studio.backToCourse")}: {loaded.courseTitle}
        </Link>
      </p>
      <h1>{t("studio.quizResults.title", { title: loaded.quizTitle })}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("studio.quizResults.attempts")}</dt>
          <dd>{t("studio.quizResults.counts", loaded.counts)}</dd>
        </div>
        <div>
          <dt>{t("studio.quizResults.version")}</dt>
          <dd>{t("studio.quizResults.versionNumber", { number: loaded.versionNumber })}</dd>
        </div>
      </dl>

      {loaded.regradable ? (
        <section className="panel" aria-labelledby="regrade">
          <h2 id="regrade">{t("studio.quizResults.regradeTitle")}</h2>
          <p>{t("studio.quizResults.regradeExplain", { count: loaded.regradable, number: loaded.versionNumber })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="regrade" />
            <button type="submit" className="button">
              {t("studio.quizResults.regrade")}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("studio.quizResults.statistics")}</h2>
      <p className="hint">{t("studio.quizResults.statisticsHint", { count: loaded.sample })}</p>
      <QuizStatisticsTable statistics={loaded.statistics} />

      <h2>{t("studio.quizResults.attemptList")}</h2>
      {loaded.attempts.length === 0 ? (
        <p>{t("studio.quizResults.none")}</p>
      ) : (
        <TableRegion label={t("studio.quizResults.attempts")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("studio.quizResults.person")}</th>
                <th scope="col">{t("studio.quizResults.attempt")}</th>
                <th scope="col">{t("studio.quizResults.submittedAt")}</th>
                <th scope="col" className="table__numeric">
                  {t("studio.quizResults.grade")}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td>
                    <Link to={`${base}/${attempt.id}`}>{attempt.name}</Link>
                    <br />
                    <span className="hint">{attempt.email}</span>
                  </td>
                  <td>{t("studio.quizResults.attemptOf", { number: attempt.number, version: attempt.version })}</td>
                  <td>{attempt.submitted ?? t("studio.quizResults.inProgress", { started: attempt.started })}</td>
                  <td className="table__numeric">
                    {attempt.percent === null ? "—" : `${formatPercent(locale, attempt.percent)} · ${t(attempt.passed ? "quiz.passed" : "quiz.failed")}`}
                    {attempt.regraded ? ` · ${t("studio.quizResults.regradedMark")}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
