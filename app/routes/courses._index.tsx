import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDuration } from "~/components/course-view";
import { SelectField } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { listCompetencyAreas } from "~/models/competency.server";
import { searchCatalogue } from "~/models/course-version.server";
import { requirePermission } from "~/utils/auth.server";
import { LEVELS } from "~/utils/course-constants";
import { catalogueFiltersSchema } from "~/validation/catalogue";

// The catalogue: published courses, searchable with or without diacritics
// (the search runs in PostgreSQL: unaccent + trigrams, see the model).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = catalogueFiltersSchema.parse(params);
  const [courses, areas] = await Promise.all([
    searchCatalogue({ q: filters.q, areaCode: filters.area, level: filters.level, length: filters.length }),
    listCompetencyAreas(),
  ]);
  return {
    title: `${t("catalogue.title")} – ${t("app.titleSuffix")}`,
    filters,
    courses,
    areas: areas.map((area) => ({ code: area.code, name: area.name })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Catalogue() {
  const { filters, courses, areas } = useLoaderData<typeof loader>();
  const t = useT();
  const filtered = Boolean(filters.q || filters.area || filters.level || filters.length);
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.lead")}</p>
      <Form method="get" className="filters" role="search" aria-label={t("catalogue.filters")}>
        <div className="form-group">
          <label className="label" htmlFor="q">
            {t("catalogue.search")}
          </label>
          <p className="hint" id="q-hint">
            {t("catalogue.searchHint")}
          </p>
          <input className="input" id="q" name="q" type="search" defaultValue={filters.q} aria-describedby="q-hint" />
        </div>
        <div className="filters__row">
          <SelectField
            name="area"
            label={t("catalogue.area")}
            defaultValue={filters.area ?? ""}
            options={[{ value: "", label: t("catalogue.any") }, ...areas.map((area) => ({ value: area.code, label: `${area.code}. ${area.name}` }))]}
          />
          <SelectField
            name="level"
            label={t("catalogue.level")}
            defaultValue={filters.level ?? ""}
            options={[{ value: "", label: t("catalogue.any") }, ...LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))]}
          />
          <SelectField
            name="length"
            label={t("catalogue.length")}
            defaultValue={filters.length ?? ""}
            options={[
              { value: "", label: t("catalogue.any") },
              { value: "short", label: t("catalogue.length.short") },
              { value: "medium", label: t("catalogue.length.medium") },
              { value: "long", label: t("catalogue.length.long") },
            ]}
          />
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            {t("catalogue.apply")}
          </button>
          {filtered ? <Link to="/courses">{t("catalogue.clear")}</Link> : null}
        </div>
      </Form>

      <p role="status" className="result-count">
        {t("catalogue.count", { count: courses.length })}
      </p>
      {courses.length ? (
        <ul className="card-list">
          {courses.map((course) => (
            <li key={course.slug} className={`card${course.cover ? " card--with-cover" : ""}`}>
              {course.cover ? <img className="card__cover" src={course.cover.url} width={course.cover.width} height={course.cover.height} alt="" loading="lazy" decoding="async" /> : null}
              <h2 className="card__title">
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h2>
              <p>{course.summary}</p>
              <p className="card__meta">
                {t(`level.${course.level}`)} · {formatDuration(t, course.estimatedMinutes)} · {t("catalogue.lessons", { count: course.lessons })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className="panel">
          <p className="panel__title">{t("catalogue.empty")}</p>
          <p>{t("catalogue.emptyHint")}</p>
        </div>
      )}
    </>
  );
}
