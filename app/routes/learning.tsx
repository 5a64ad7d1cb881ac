import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { ProgressBar } from "~/components/course-view";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listAssignedToUser } from "~/models/assignment.server";
import { listCertificates } from "~/models/certificate.server";
import { listLearnerEnrolments } from "~/models/enrolment.server";
import { progressOf } from "~/services/learning.server";
import { requirePermission } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { formatDate } from "~/utils/format";

// "Việc học của tôi": what the person is taking and has completed.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const [enrolments, assigned, certificates] = await Promise.all([
    listLearnerEnrolments({ userId: user.id }),
    listAssignedToUser({ userId: user.id }),
    listCertificates({ userId: user.id }),
  ]);
  // A revoked certificate is not offered for download or sharing.
  const certificateOf = new Map(certificates.filter((certificate) => !certificate.revokedAt).map((certificate) => [certificate.enrolmentId, certificate.code]));
  const rows = enrolments.map((enrolment) => {
    const progress = progressOf(enrolment.content, enrolment);
    return {
      id: enrolment.id,
      slug: enrolment.slug,
      title: enrolment.content.title,
      status: enrolment.status,
      done: progress.done,
      total: progress.total,
      resumeKey: progress.resumeKey,
      completedAt: enrolment.completedAt ? formatDate(locale, enrolment.completedAt) : null,
      certificate: certificateOf.get(enrolment.id) ?? null,
    };
  });
  return {
    title: `${t("learning.title")} – ${t("app.titleSuffix")}`,
    baseUrl: publicBaseUrl(),
    // Overdue first, then by due date: what needs doing stands out.
    assigned: assigned
      .sort((a, b) => Number(b.status === "overdue") - Number(a.status === "overdue") || a.dueOn.getTime() - b.dueOn.getTime())
      .map((row) => ({ ...row, assignedOn: formatDate(locale, row.assignedOn), dueOn: formatDate(locale, row.dueOn) })),
    inProgress: rows.filter((row) => row.status === "IN_PROGRESS"),
    completed: rows.filter((row) => row.status === "COMPLETED"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function MyLearning() {
  const { assigned, inProgress, completed, baseUrl } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("learning.title")}</h1>
      <p className="lead">{t("learning.lead")}</p>
      <section aria-labelledby="assigned">
        <h2 id="assigned">{t("learning.assigned")}</h2>
        {assigned.length ? (
          <ul className="card-list">
            {assigned.map((row) => (
              <li key={row.id} className={`card card--${row.status}`}>
                <h3 className="card__title">
                  <Link to={`/courses/${row.slug}`}>{row.title}</Link>
                </h3>
                <p>
                  <strong className={`status-tag status-tag--${row.status}`}>{t(`assignments.status.${row.status}`)}</strong>{" "}
                  {row.status === "overdue" ? t("learning.overdueSince", { date: row.dueOn }) : t("learning.dueOn", { date: row.dueOn })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("learning.noneAssigned")}</p>
        )}
      </section>
      <section aria-labelledby="in-progress">
        <h2 id="in-progress">{t("learning.inProgress")}</h2>
        {inProgress.length ? (
          <ul className="card-list">
            {inProgress.map((row) => (
              <li key={row.id} className="card">
                <h3 className="card__title">
                  <Link to={`/courses/${row.slug}`}>{row.title}</Link>
                </h3>
                <ProgressBar id={`progress-${row.id}`} done={row.done} total={row.total} />
                {row.resumeKey ? (
                  <Link className="button button--secondary button--small" to={`/courses/${row.slug}/${row.resumeKey}`} aria-label={`${t("progress.continue")}: ${row.title}`}>
                    {t("progress.continue")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {t("learning.noneInProgress")} <Link to="/courses">{t("learning.findCourses")}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="completed">
        <h2 id="completed">{t("learning.completed")}</h2>
        {completed.length ? (
          <ul className="card-list">
            {completed.map((row) => (
              <li key={row.id} className="card">
                <h3 className="card__title">
                  <Link to={`/courses/${row.slug}`}>{row.title}</Link>
                </h3>
                <p className="card__meta">{t("progress.completedOn", { date: row.completedAt ?? "" })}</p>
                {row.certificate ? (
                  <>
                    <p>
                      {t("certificate.code", { code: row.certificate })} ·{" "}
                      <a href={`/certificates/${row.certificate}.pdf`}>{t("certificate.download")}</a> ·{" "}
                      <a href={`/certificates/${row.certificate}.jwt`} download>
                        {t("certificate.downloadBadge")}
                      </a>{" "}
                      · <Link to={`/verify/${row.certificate}`}>{t("certificate.verifyLink")}</Link>
                    </p>
                    <CopyLink url={`${baseUrl}/verify/${row.certificate}`} label={t("certificate.shareLinkFor", { title: row.title })} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("learning.noneCompleted")}</p>
        )}
      </section>
    </>
  );
}
