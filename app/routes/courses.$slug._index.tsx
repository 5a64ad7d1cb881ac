import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CourseOverviewView, ProgressBar } from "~/components/course-view";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { courseOverview } from "~/services/course-view.server";
import { ensureEnrolment, getLearnerCourse } from "~/services/learning.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";

// A course's page for learners: outline, time, prerequisites, their progress,
// and "Bắt đầu học" (a form: it enrols, then opens the first lesson).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const course = await getLearnerCourse({ slug: params.slug ?? "", userId: user.id });
  if (!course) throw new Response(t("course.notFound"), { status: 404 });
  const locale = getLocale(request);
  return {
    title: `${course.content.title} – ${t("app.titleSuffix")}`,
    course: await courseOverview(course.content, t),
    progress: { ...course.progress, completedAt: course.progress.completedAt ? formatDate(locale, course.progress.completedAt) : null },
    enrolledVersion: course.enrolment && course.newerVersion ? course.enrolment.versionNumber : null,
    open: Boolean(course.published),
    version: course.published ? { number: course.published.versionNumber, date: formatDate(locale, course.published.publishedAt) } : null,
    prerequisites: course.published?.prerequisites ?? [],
    blockedBy: course.blockedBy,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Học Số" },
  { name: "description", content: data?.course.summary ?? "" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const course = await getLearnerCourse({ slug: params.slug ?? "", userId: user.id });
  if (!course) throw new Response(t("course.notFound"), { status: 404 });
  const started = await ensureEnrolment(course, user.id);
  if (!started.ok) throw new Response(t(started.reason), { status: 400 });
  const fresh = await getLearnerCourse({ slug: params.slug ?? "", userId: user.id });
  const key = fresh?.progress.resumeKey;
  return redirect(key ? `/courses/${params.slug}/${key}` : `/courses/${params.slug}`);
}

export default function CoursePage() {
  const { course, progress, version, prerequisites, enrolledVersion, open, blockedBy } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const links = {
    courseHref: `/courses/${course.slug}`,
    itemHref: (key: string) => `/courses/${course.slug}/${key}`,
    quizHref: (key: string) => `/courses/${course.slug}/quiz/${key}`,
  };
  const action =
    progress.status === "IN_PROGRESS" && progress.resumeKey ? (
      <>
        <ProgressBar id="course-progress" done={progress.done} total={progress.total} />
        <p>
          <Link className="button" to={links.itemHref(progress.resumeKey)}>
            {t("progress.continue")}
          </Link>
        </p>
      </>
    ) : progress.status === "COMPLETED" ? (
      <div className="notice notice--success">
        <p className="panel__title">{t("progress.completedOn", { date: progress.completedAt ?? "" })}</p>
      </div>
    ) : blockedBy.length ? (
      <div className="notice notice--warning">
        <p>{t("progress.prerequisitesFirst")}</p>
        <ul>
          {prerequisites
            .filter((required) => blockedBy.includes(required.slug))
            .map((required) => (
              <li key={required.slug}>
                <Link to={`/courses/${required.slug}`}>{required.title}</Link>
              </li>
            ))}
        </ul>
      </div>
    ) : open ? (
      <Form method="post">
        <button type="submit" className="button">
          {t("progress.startCourse")}
        </button>
      </Form>
    ) : (
      <p>{t("progress.notAvailable")}</p>
    );
  return (
    <>
      {enrolledVersion ? (
        <div className="notice" role="note">
          <p>{t("progress.olderVersion", { number: enrolledVersion })}</p>
        </div>
      ) : null}
      <CourseOverviewView
        course={course}
        links={links}
        action={action}
        done={progress.doneKeys}
        meta={
          <>
            <div>
              <dt>{t("course.prerequisites")}</dt>
              <dd>
                {prerequisites.length ? (
                  <ul className="plain-list">
                    {prerequisites.map((required) => (
                      <li key={required.slug}>{required.available ? <Link to={`/courses/${required.slug}`}>{required.title}</Link> : required.title}</li>
                    ))}
                  </ul>
                ) : (
                  t("course.noPrerequisites")
                )}
              </dd>
            </div>
            {version ? (
              <div>
                <dt>{t("course.updated")}</dt>
                <dd>{t("course.version", { number: version.number, date: version.date })}</dd>
              </div>
            ) : null}
          </>
        }
      />
    </>
  );
}
