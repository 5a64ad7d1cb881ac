import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { startAttempt } from "~/models/quiz-attempt.server";
import { getQuizExtraTime } from "~/models/user.server";
import { ensureEnrolment, lockedBy } from "~/services/learning.server";
import { getLearnerQuiz, learnerQuizState, quizBanks, quizQuestions } from "~/services/quiz.server";
import { requirePermission } from "~/utils/auth.server";
import { freezeQuiz, questionCount } from "~/utils/quiz";
import { allowedMinutes } from "~/utils/quiz-settings";

// A quiz's front page: how many questions, the pass mark, the time limit
// and tries allowed, earlier attempts and the grade that counts, and
// "Bắt đầu" (a form: it starts an attempt, or resumes the open one).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: params.itemKey ?? "", userId: user.id });
  if (!found) throw new Response(t("quiz.notFound"), { status: 404 });
  const state = await learnerQuizState(found);
  const extraTime = await getQuizExtraTime({ userId: user.id });
  return {
    title: `${found.quiz.title} – ${found.course.content.title} – ${t("app.titleSuffix")}`,
    slug: found.course.content.slug,
    courseTitle: found.course.content.title,
    quiz: {
      key: found.quiz.key,
      title: found.quiz.title,
      questions: questionCount(quizQuestions(found), found.settings, await quizBanks(found)),
      passPercent: found.passPercent,
      minutes: allowedMinutes(found.settings, extraTime),
      extraTime: found.settings.timeLimitMinutes !== null && extraTime > 0 ? extraTime : 0,
      attemptsAllowed: found.settings.attemptsAllowed,
      grading: found.settings.grading,
    },
    blocked: found.course.blockedBy.length > 0,
    courseDone: state.courseDone,
    attemptsLeft: state.attemptsLeft,
    canStart: state.canStart,
    grade: state.showMarks ? state.grade : null,
    locked: lockedBy(found.course.content, found.course.progress.doneKeys, found.quiz.key),
    attempts: state.attempts.map((attempt) => ({
      ...attempt,
      percent: state.showMarks ? attempt.percent : null,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      deadline: attempt.deadline?.toISOString() ?? null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: params.itemKey ?? "", userId: user.id });
  if (!found) throw new Response(t("quiz.notFound"), { status: 404 });
  if (lockedBy(found.course.content, found.course.progress.doneKeys, found.quiz.key)) throw new Response(t("quiz.notFound"), { status: 400 });
  // A completed course is not started again by retaking its quiz.
  if (found.course.enrolment?.status === "COMPLETED") throw new Response(t("quiz.courseDone"), { status: 400 });
  const state = await learnerQuizState(found);
  if (!state.canStart) return data({ message: "quiz.noAttemptsLeft" as const }, { status: 400 });
  // "Làm tiếp bài đang dở": the open attempt, without drawing questions for nothing.
  if (state.open) return redirect(`/courses/${params.slug}/quiz/${found.quiz.key}/${state.open.id}/1`);
  const started = await ensureEnrolment(found.course, user.id);
  if (!started.ok) throw new Response(t(started.reason), { status: 400 });
  // A new enrolment may be on a newer version than the page was: re-read the quiz on it.
  const fresh =
    started.enrolmentId === found.course.enrolment?.id ? found : ((await getLearnerQuiz({ slug: params.slug ?? "", itemKey: params.itemKey ?? "", userId: user.id })) ?? found);
  const questions = freezeQuiz(quizQuestions(fresh), fresh.settings, Math.random, await quizBanks(fresh));
  // A shared bank emptied since publishing: no attempt rather than an empty one.
  if (questions.length === 0) return data({ message: "quiz.unavailable" as const }, { status: 400 });
  const outcome = await startAttempt({
    enrolmentId: started.enrolmentId,
    itemKey: fresh.quiz.key,
    questions,
    passPercent: fresh.passPercent,
    settings: fresh.settings,
  });
  if (outcome.status === "exhausted") return data({ message: "quiz.noAttemptsLeft" as const }, { status: 400 });
  return redirect(`/courses/${params.slug}/quiz/${found.quiz.key}/${outcome.attemptId}/1`);
}

export default function QuizIntro() {
  const { slug, courseTitle, quiz, attempts, blocked, locked, courseDone, attemptsLeft, canStart, grade } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const open = attempts.find((attempt) => attempt.state === "IN_PROGRESS");
  const exhausted = !canStart && !courseDone;
  return (
    <div className="narrow">
      <nav aria-label={t("course.breadcrumb")} className="breadcrumb">
        <Link to={`/courses/${slug}`}>{courseTitle}</Link>
      </nav>
      <h1>{quiz.title}</h1>
      {refused?.message ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(refused.message)}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("quiz.facts.questions")}</dt>
          <dd>{t("quiz.questions", { count: quiz.questions })}</dd>
        </div>
        <div>
          <dt>{t("quiz.facts.passMark")}</dt>
          <dd>{t("quiz.passMark", { percent: quiz.passPercent })}</dd>
        </div>
        <div>
          <dt>{t("quiz.facts.time")}</dt>
          <dd>
            {quiz.minutes === null ? t("quiz.noTimeLimit") : t("quiz.timeLimit", { minutes: quiz.minutes })}
            {quiz.extraTime ? ` ${t("quiz.extraTimeIncluded", { percent: quiz.extraTime })}` : null}
          </dd>
        </div>
        <div>
          <dt>{t("quiz.facts.attempts")}</dt>
          <dd>
            {quiz.attemptsAllowed === null ? t("quiz.attemptsUnlimited") : t("quiz.attemptsAllowed", { count: quiz.attemptsAllowed })}
            {attemptsLeft !== null && attempts.length ? ` ${t("quiz.attemptsLeft", { count: attemptsLeft })}` : null}
          </dd>
        </div>
        {grade !== null ? (
          <div>
            <dt>{t("quiz.facts.grade")}</dt>
            <dd>{t(quiz.grading === "last" ? "quiz.gradeLast" : "quiz.gradeHighest", { percent: grade })}</dd>
          </div>
        ) : null}
      </dl>
      <p>{t(quiz.minutes === null ? "quiz.intro" : "quiz.introTimed")}</p>
      {exhausted ? <p className="notice notice--warning">{t(attemptsLeft === 0 ? "quiz.noAttemptsLeft" : "quiz.passedNoRetake")}</p> : null}
      {blocked ? <p className="notice notice--warning">{t("progress.prerequisitesFirst")}</p> : null}
      {locked ? (
        <p className="notice notice--warning">
          {t("progress.lockedUntil", { title: locked.title })} <Link to={`/courses/${slug}/${locked.key}`}>{locked.title}</Link>
        </p>
      ) : null}
      {courseDone ? <p className="notice notice--success">{t("quiz.courseDone")}</p> : null}
      <Form method="post" hidden={blocked || Boolean(locked) || courseDone || exhausted}>
        <button type="submit" className="button">
          {open ? t("quiz.resume") : attempts.length ? t("quiz.retake") : t("quiz.start")}
        </button>
      </Form>
      {attempts.length ? (
        <section aria-labelledby="attempts">
          <h2 id="attempts">{t("quiz.attempts")}</h2>
          <ul className="plain-list">
            {attempts.map((attempt) => (
              <li key={attempt.id}>
                {attempt.state === "IN_PROGRESS" ? (
                  t("quiz.inProgress", { number: attempt.number })
                ) : (
                  <>
                    {attempt.percent === null
                      ? t("quiz.attemptRowNoMarks", { number: attempt.number, result: t(attempt.passed ? "quiz.passed" : "quiz.failed") })
                      : t("quiz.attemptRow", { number: attempt.number, percent: attempt.percent, result: t(attempt.passed ? "quiz.passed" : "quiz.failed") })}{" "}
                    <Link to={`/courses/${slug}/quiz/${quiz.key}/${attempt.id}/review`}>{t("quiz.viewResult")}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
