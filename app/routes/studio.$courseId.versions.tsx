import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CourseDiff } from "~/components/course-diff";
import { SelectField } from "~/components/form";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { getVersionContent, listCourseVersions } from "~/models/course-version.server";
import { getCourseDraft } from "~/models/course.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { diffCourseContent } from "~/utils/course-content";
import { formatDateTime } from "~/utils/format";

// Every published version of a course, and what changed between any two.
const compareSchema = z.object({
  from: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  to: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const courseId = params.courseId!;
  const draft = await getCourseDraft({ courseId });
  if (!draft) throw new Response(t("studio.error.notFound"), { status: 404 });
  const versions = await listCourseVersions({ courseId });
  const locale = getLocale(request);
  const query = compareSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const newest = versions[0]?.number ?? 0;
  const to = query.to ?? newest;
  const from = query.from ?? Math.max(1, to - 1);
  const [a, b] = newest > 1 ? await Promise.all([getVersionContent({ courseId, number: from }), getVersionContent({ courseId, number: to })]) : [null, null];
  return {
    title: `${t("studio.versions.title", { title: draft.title })} – ${t("app.titleSuffix")}`,
    course: { id: draft.id, title: draft.title },
    versions: versions.map((version) => ({
      number: version.number,
      date: formatDateTime(locale, version.publishedAt),
      by: version.publishedBy?.fullName ?? null,
      note: version.changeNote,
    })),
    compare: a && b ? { from, to, changes: diffCourseContent(a.content, b.content) } : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Versions() {
  const { course, versions, compare } = useLoaderData<typeof loader>();
  const t = useT();
  const options = versions.map((version) => ({ value: String(version.number), label: t("studio.versionNumber", { number: version.number }) }));
  return (
    <>
      <p>
        <Link to={`/studio/${course.id}`}>{t("studio.backToCourse")}</Link>
      </p>
      <h1>{t("studio.versions.title", { title: course.title })}</h1>
      {versions.length ? (
        <div className="table-scroll" role="region" aria-label={t("studio.versions")} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("studio.versions.column.number")}</th>
                <th scope="col">{t("studio.versions.column.date")}</th>
                <th scope="col">{t("studio.versions.column.by")}</th>
                <th scope="col">{t("studio.versions.column.note")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.number}>
                  <td>{version.number}</td>
                  <td>{version.date}</td>
                  <td>{version.by ?? t("studio.versions.byImport")}</td>
                  <td>{version.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("studio.versions.none")}</p>
      )}
      {compare ? (
        <section aria-labelledby="compare">
          <h2 id="compare">{t("studio.versions.compare")}</h2>
          <Form method="get" className="filters__row">
            <SelectField name="from" label={t("studio.versions.from")} options={options} defaultValue={String(compare.from)} />
            <SelectField name="to" label={t("studio.versions.to")} options={options} defaultValue={String(compare.to)} />
            <div className="form-group form-group--end">
              <button type="submit" className="button button--secondary">
                {t("studio.versions.show")}
              </button>
            </div>
          </Form>
          <CourseDiff changes={compare.changes} />
        </section>
      ) : null}
    </>
  );
}
