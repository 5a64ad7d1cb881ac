import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { listAttempts, startAttempt } from "~/models/quiz-attempt.server";
import { ensureEnrolment, lockedBy } from "~/services/learning.server";
import { getLearnerQuiz } from "~/services/quiz.server";
import { requirePermission } from "~/utils/auth.server";
import { freezeQuiz } from "~/utils/quiz";

// A quiz's front page: how many questions, the pass mark, earlier attempts,
// and "Bắt đầu" (a form: it starts an attempt, or resumes the open one).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const found = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: params.itemKey ?? "", userId: user.id });
  if (!found) throw new Response(t("quiz.notFound"), { status: 404 });
  const enrolment = found.course.enrolment;
  const attempts = enrolment ? await listAttempts({ enrolmentId: enrolment.id, itemKey: found.quiz.key }) : [];
  return {
    title: `${found.quiz.title} – ${found.course.content.title} – ${t("app.titleSuffix")}`,
    slug: found.course.content.slug,
    courseTitle: found.course.content.title,
    quiz: { key: found.quiz.key, title: found.quiz.title, questions: freezeQuiz(found.quiz.body).length, passPercent: found.passPercent },
    blocked: found.course.blockedBy.length > 0,
    courseDone: found.course.enrolment?.status === "COMPLETED",
    locked: lockedBy(found.course.content, found.course.progress.doneKeys, found.quiz.key),
    attempts: attempts.map((attempt) => ({ ...attempt, submittedAt: attempt.submittedAt?.toISOString() ?? null })),
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
  const started = await ensureEnrolment(found.course, user.id);
  if (!started.ok) throw new Response(t(started.reason), { status: 400 });
  const enrolmentId = started.enrolmentId;
  // Re-read on the enrolment's own version: a new enrolment may be newer.
  const fresh = await getLearnerQuiz({ slug: params.slug ?? "", itemKey: params.itemKey ?? "", userId: user.id });
  const quiz = (fresh ?? found).quiz;
  const attemptId = await startAttempt({ enrolmentId, itemKey: quiz.key, questions: freezeQuiz(quiz.body), passPercent: quiz.passPercent ?? 80 });
  return redirect(`/courses/${params.slug}/quiz/${found.quiz.key}/${attemptId}/1`);
}

export default function QuizIntro() {
  const { slug, courseTitle, quiz, attempts, blocked, locked, courseDone } = useLoaderData<typeof loader>();
  const t = useT();
  const open = attempts.find((attempt) => attempt.state === "IN_PROGRESS");
  return (
    <div className="narrow">
      <nav aria-label={t("course.breadcrumb")} className="breadcrumb">
        <Link to={`/courses/${slug}`}>{courseTitle}</Link>
      </nav>
      <h1>{quiz.title}</h1>
      <p className="lead">
        {t("quiz.questions", { count: quiz.questions })}. {t("quiz.passMark", { percent: quiz.passPercent })}
      </p>
      <p>{t("quiz.intro")}</p>
      {blocked ? <p className="notice notice--warning">{t("progress.prerequisitesFirst")}</p> : null}
      {locked ? (
        <p className="notice notice--warning">
          {t("progress.lockedUntil", { title: locked.title })} <Link to={`/courses/${slug}/${locked.key}`}>{locked.title}</Link>
        </p>
      ) : null}
      {courseDone ? <p className="notice notice--success">{t("quiz.courseDone")}</p> : null}
      <Form method="post" hidden={blocked || Boolean(locked) || courseDone}>
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
                    {t("quiz.attemptRow", { number: attempt.number, percent: attempt.percent ?? 0, result: t(attempt.passed ? "quiz.passed" : "quiz.failed") })}{" "}
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
