import { Form } from "@remix-run/react";
import { SelectField } from "~/components/form";
import { useI18n } from "~/i18n/context";

// The report's filters: a plain GET form, so every view is a bookmarkable
// address and works without JavaScript. The unit being looked at is kept.

const CATEGORIES = ["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const;
const STATUSES = ["overdue", "due", "done"] as const;

type Choice = { value: string; label: string };

export type ReportFilterValues = {
  unit: string | null;
  asOf: string;
  from: string;
  courseId: string;
  areaId: string;
  assignmentId: string;
  staffCategory: string;
  status: string;
};

export function ReportFilterForm({ values, courses, areas, rules }: { values: ReportFilterValues; courses: Choice[]; areas: Choice[]; rules: Choice[] }) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filter-form" aria-label={t("reports.filters")}>
      {values.unit ? <input type="hidden" name="unit" value={values.unit} /> : null}
      <div className="form-group">
        <label className="label" htmlFor="from">
          {t("reports.from")}
        </label>
        <p className="hint" id="from-hint">
          {t("reports.from.hint")}
        </p>
        <input className="input input--width-10" type="month" id="from" name="from" defaultValue={values.from} aria-describedby="from-hint" />
      </div>
      <div className="form-group">
        <label className="label" htmlFor="asOf">
          {t("reports.asOf")}
        </label>
        <input className="input input--width-10" type="date" id="asOf" name="asOf" defaultValue={values.asOf} />
      </div>
      <SelectField
        name="courseId"
        label={t("reports.course")}
        hint={rules.length ? undefined : t("reports.course.hint")}
        defaultValue={values.courseId}
        options={[{ value: "", label: t("reports.allCourses") }, ...courses]}
      />
      <SelectField name="areaId" label={t("reports.area")} defaultValue={values.areaId} options={[{ value: "", label: t("reports.allAreas") }, ...areas]} />
      {/* A course's rules, once it is chosen: the province's hundreds would make one unusable list. */}
      {rules.length ? (
        <SelectField name="assignmentId" label={t("reports.rule")} defaultValue={values.assignmentId} options={[{ value: "", label: t("reports.allRules") }, ...rules]} />
      ) : null}
      <SelectField
        name="staffCategory"
        label={t("reports.staffCategory")}
        defaultValue={values.staffCategory}
        options={[{ value: "", label: t("reports.allCategories") }, ...CATEGORIES.map((category) => ({ value: category, label: t(`staff.${category}`) }))]}
      />
      <SelectField
        name="status"
        label={t("reports.status")}
        hint={t("reports.status.hint")}
        defaultValue={values.status}
        options={[{ value: "", label: t("reports.allStatuses") }, ...STATUSES.map((status) => ({ value: status, label: t(`assignments.status.${status}`) }))]}
      />
      <button type="submit" className="button">
        {t("reports.apply")}
      </button>
    </Form>
  );
}
