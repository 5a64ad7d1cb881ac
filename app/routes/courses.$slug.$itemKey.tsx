import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { LessonPage, ProgressBar } from "~/components/course-view";
import { LessonDone } from "~/components/lesson-done";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { markItemDone, recordVisit } from "~/models/enrolment.server";
import { findLesson, lessonHtml } from "~/services/course-view.server";
import { ensureEnrolment, getLearnerCourse, lockedBy } from "~/services/learning.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { completeItemSchema } from "~/validation/learning";

// A lesson, rendered on the server (the page ships no markdown parser), on
// the version the learner is enrolled on; its HTML was stored when that
// version was published, so the request does no markdown work. "Đánh dấu đã học xong" is a form;
// with JavaScript, reaching the end of the text does the same.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const course = await getLearnerCourse({ slug: params.slug ?? "", userId: user.id });
  if (!course) throw new Response(t("course.notFound"), { status: 404 });
  const lesson = findLesson(course.content, params.itemKey ?? "");
  if (!lesson) throw new Response(t("lesson.notFound"), { status: 404 });
  // Taken in order: an item opens once the ones before it are done.
  const locked = lockedBy(course.content, course.progress.doneKeys, lesson.key);
  if (course.enrolment?.status === "IN_PROGRESS" && !locked) await recordVisit({ userId: user.id, enrolment: course.enrolment, itemKey: lesson.key });
  return {
    locked: locked ? { ...locked, href: locked.kind === "QUIZ" ? `/courses/${params.slug}/quiz/${locked.key}` : `/courses/${params.slug}/${locked.key}` } : null,
    title: `${lesson.title} – ${course.content.title} – ${t("app.titleSuffix")}`,
    lesson: { ...lesson, html: locked ? "" : await lessonHtml(course.content, lesson.key, t, { versionId: course.versionId, locale: getLocale(request) }) },
    progress: { done: course.progress.done, total: course.progress.total, status: course.progress.status },
    isDone: course.progress.doneKeys.includes(lesson.key),
    blocked: course.blockedBy.length > 0,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const form = await parseForm(request, completeItemSchema);
  if (!form.ok) return data({ ok: false as const }, { status: 400 });
  const slug = params.slug ?? "";
  const course = await getLearnerCourse({ slug, userId: user.id });
  const lesson = course ? findLesson(course.content, params.itemKey ?? "") : null;
  if (!course || !lesson) throw new Response(t("lesson.notFound"), { status: 404 });
  if (lockedBy(course.content, course.progress.doneKeys, lesson.key)) return data({ ok: false as const }, { status: 400 });
  // Marking a lesson done starts the course if need be (one step, not two).
  const started = await ensureEnrolment(course, user.id);
  if (!started.ok) return data({ ok: false as const }, { status: 400 });
  const enrolmentId = started.enrolmentId;
  const result = await markItemDone({ userId: user.id, enrolmentId, itemKey: lesson.key });
  if (result.status !== "done" && result.status !== "completed") return data({ ok: false as const }, { status: 400 });
  if (form.data.auto) return { ok: true as const };
  if (result.status === "completed") {
    return redirect(`/courses/${slug}`, { headers: { "Set-Cookie": flashCookie(t("progress.courseCompleted", { title: course.content.title })) } });
  }
  const next = lesson.next ? `/courses/${slug}/${lesson.next.key}` : `/courses/${slug}`;
  return redirect(next, { headers: { "Set-Cookie": flashCookie(t("progress.markedDone", { title: lesson.title })) } });
}

export default function Lesson() {
  const { lesson, progress, isDone, blocked, locked } = useLoaderData<typeof loader>();
  const t = useT();
  const links = { courseHref: `/courses/${lesson.courseSlug}`, itemHref: (key: string) => `/courses/${lesson.courseSlug}/${key}` };
  return (
    <LessonPage
      lesson={lesson}
      links={links}
      progress={progress.status ? <ProgressBar id="lesson-progress" done={progress.done} total={progress.total} /> : null}
      progressNotice={
        locked ? (
          <div className="notice notice--warning" role="note">
            <p>{t("progress.lockedUntil", { title: locked.title })}</p>
            <Link to={locked.href}>{locked.title}</Link>
          </div>
        ) : null
      }
      footer={locked ? null : <LessonDone isDone={isDone} enrolled={progress.status === "IN_PROGRESS"} blocked={blocked} />}
    />
  );
}
