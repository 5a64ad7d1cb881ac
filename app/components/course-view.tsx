import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/context";
import type { Translate } from "~/i18n/i18n";
import type { CourseOverview, LessonView } from "~/services/course-view.server";

// The course page and the lesson page, shared by learners (published
// versions) and the studio's preview (the draft), so both look the same.
// Lesson HTML arrives rendered and sanitised by the server
// (app/utils/lesson-markdown.server.tsx): no markdown parser in the browser.

export function formatDuration(t: Translate, minutes: number) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return t("duration.minutes", { count: minutes });
  return rest ? t("duration.hoursMinutes", { hours, minutes: rest }) : t("duration.hours", { hours });
}

export function RenderedMarkdown({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** `quizHref`: where a quiz opens (learners); without it quizzes are listed only. */
type Links = { courseHref: string; itemHref: (key: string) => string; quizHref?: (key: string) => string };

/**
 * `action`: what the learner does next (start, continue); by default a link
 * to the first lesson (the studio's preview). `done`: keys of finished items.
 */
export function CourseOverviewView({
  course,
  links,
  meta,
  action,
  done,
}: {
  course: CourseOverview;
  links: Links;
  meta?: ReactNode;
  action?: ReactNode;
  done?: readonly string[];
}) {
  const t = useT();
  return (
    <article className="course">
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      {course.coverImage ? (
        <img className="course__cover" src={course.coverImage.url} width={course.coverImage.width} height={course.coverImage.height} alt="" decoding="async" />
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("course.level")}</dt>
          <dd>{t(`level.${course.level}`)}</dd>
        </div>
        <div>
          <dt>{t("course.duration")}</dt>
          <dd>{formatDuration(t, course.estimatedMinutes)}</dd>
        </div>
        <div>
          <dt>{t("course.lessonsCount")}</dt>
          <dd>{course.lessonCount}</dd>
        </div>
        {meta}
      </dl>
      {action ??
        (course.firstLessonKey ? (
          <p>
            <Link className="button" to={links.itemHref(course.firstLessonKey)}>
              {t("course.start")}
            </Link>
          </p>
        ) : null)}

      <section aria-labelledby="course-about">
        <h2 id="course-about">{t("course.about")}</h2>
        <RenderedMarkdown html={course.descriptionHtml} />
      </section>

      <CourseOutline course={course} links={links} done={done} />

      {course.competences.length ? (
        <section aria-labelledby="course-competences">
          <h2 id="course-competences">{t("course.competences")}</h2>
          <ul className="tag-list">
            {course.competences.map((competence) => (
              <li key={competence.code} className="tag">
                {competence.code} {competence.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function CourseOutline({ course, links, current, done }: { course: CourseOverview; links: Links; current?: string; done?: readonly string[] }) {
  const t = useT();
  return (
    <section aria-labelledby="course-outline">
      <h2 id="course-outline">{t("course.outline")}</h2>
      <ol className="outline">
        {course.modules.map((module, index) => (
          <li key={module.key} className="outline__module">
            <h3 className="outline__title">{t("course.module", { number: index + 1, title: module.title })}</h3>
            <ol className="outline__items">
              {module.items.map((item) => (
                <li key={item.key} className="outline__item">
                  {item.kind === "LESSON" ? (
                    <Link to={links.itemHref(item.key)} aria-current={current === item.key ? "page" : undefined}>
                      {item.title}
                    </Link>
                  ) : links.quizHref ? (
                    <Link to={links.quizHref(item.key)}>{item.title}</Link>
                  ) : (
                    <span>{item.title}</span>
                  )}
                  <span className="outline__meta">
                    {done?.includes(item.key) ? <strong className="done-mark">{t("progress.itemDone")} · </strong> : null}
                    {item.kind === "QUIZ"
                      ? t("course.quizItem", { count: item.questions ?? 0, percent: item.passPercent ?? 0 })
                      : formatDuration(t, item.minutes)}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `progress` (above the text) and `footer` (after it): the learner's own parts. */
export function LessonPage({
  lesson,
  links,
  progress,
  progressNotice,
  footer,
}: {
  lesson: LessonView;
  links: Links;
  progress?: ReactNode;
  progressNotice?: ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  return (
    <article className="lesson">
      <nav aria-label={t("course.breadcrumb")} className="breadcrumb">
        <Link to={links.courseHref}>{lesson.courseTitle}</Link>
      </nav>
      <p className="caption">{t("lesson.inModule", { title: lesson.moduleTitle })}</p>
      <h1>{lesson.title}</h1>
      <p className="hint">{t("lesson.minutes", { count: lesson.minutes })}</p>
      {progress}
      {progressNotice}
      {progressNotice ? null : <RenderedMarkdown html={lesson.html} />}
      {footer}
      <nav className="pager" aria-label={t("lesson.pagination")}>
        {lesson.previous ? (
          <Link className="pager__link pager__link--previous" to={links.itemHref(lesson.previous.key)} rel="prev">
            <span className="pager__label">{t("lesson.previous")}</span>
            <span>{lesson.previous.title}</span>
          </Link>
        ) : null}
        {lesson.next ? (
          <Link className="pager__link pager__link--next" to={links.itemHref(lesson.next.key)} rel="next">
            <span className="pager__label">{t("lesson.next")}</span>
            <span>{lesson.next.title}</span>
          </Link>
        ) : (
          <Link className="pager__link pager__link--next" to={links.courseHref}>
            <span className="pager__label">{t("lesson.backToCourse")}</span>
            <span>{lesson.courseTitle}</span>
          </Link>
        )}
      </nav>
    </article>
  );
}

/** Says plainly that this is the draft, not what learners see today. */
export function PreviewBanner({ courseId }: { courseId: string }) {
  const t = useT();
  return (
    <div className="notice notice--preview" role="note">
      <p>{t("studio.previewBanner")}</p>
      <Link to={`/studio/${courseId}`}>{t("studio.backToCourse")}</Link>
    </div>
  );
}

/** Progress through a course, as a native <progress> with its words beside it. */
export function ProgressBar({ done, total, id }: { done: number; total: number; id: string }) {
  const t = useT();
  return (
    <div className="progress">
      <label htmlFor={id} className="progress__label">
        {t("progress.label", { done, total })}
      </label>
      <progress id={id} className="progress__bar" max={total} value={done} />
    </div>
  );
}
