import { CheckboxGroup, SelectField, TextArea, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { LEVELS } from "~/utils/course-constants";

// The fields describing a course, for creating one and for its settings.

export type CourseSettingsChoices = {
  areas: { code: string; name: string; competences: { code: string; name: string }[] }[];
  courses: { slug: string; title: string }[];
};

export type CourseSettingsValues = {
  title?: string;
  summary?: string;
  description?: string;
  level?: string;
  estimatedMinutes?: string | number;
  sequential?: boolean | string;
  competences?: readonly string[];
  prerequisites?: readonly string[];
};

export const settingsFieldOrder = ["title", "slug", "summary", "description", "level", "estimatedMinutes", "competences", "prerequisites"];

export function CourseSettingsFields({ values, errors, choices }: { values: CourseSettingsValues; errors?: FormErrors; choices: CourseSettingsChoices }) {
  const t = useT();
  return (
    <>
      <TextField name="title" label={t("studio.field.title")} defaultValue={values.title} error={errors?.title} />
      <TextArea name="summary" label={t("studio.field.summary")} hint={t("studio.field.summaryHint")} rows={3} defaultValue={values.summary} error={errors?.summary} />
      <TextArea
        name="description"
        label={t("studio.field.description")}
        hint={t("studio.field.descriptionHint")}
        rows={8}
        defaultValue={values.description}
        error={errors?.description}
      />
      <SelectField
        name="level"
        label={t("studio.field.level")}
        defaultValue={values.level ?? "BASIC"}
        error={errors?.level}
        options={LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
      />
      <TextField
        name="estimatedMinutes"
        label={t("studio.field.minutes")}
        inputMode="numeric"
        defaultValue={values.estimatedMinutes === undefined ? "" : String(values.estimatedMinutes)}
        error={errors?.estimatedMinutes}
      />
      <div className="checkbox form-group">
        <input className="checkbox__input" type="checkbox" id="sequential" name="sequential" defaultChecked={values.sequential === true || values.sequential === "on"} />
        <label className="checkbox__label" htmlFor="sequential">
          {t("studio.field.sequential")}
        </label>
      </div>
      <CheckboxGroup
        name="competences"
        legend={t("studio.field.competences")}
        checked={values.competences ?? []}
        groups={choices.areas.map((area) => ({
          label: `${area.code}. ${area.name}`,
          options: area.competences.map((competence) => ({ value: competence.code, label: `${competence.code} ${competence.name}` })),
        }))}
      />
      {choices.courses.length ? (
        <CheckboxGroup
          name="prerequisites"
          legend={t("studio.field.prerequisites")}
          checked={values.prerequisites ?? []}
          groups={[{ options: choices.courses.map((course) => ({ value: course.slug, label: course.title })) }]}
        />
      ) : null}
    </>
  );
}
