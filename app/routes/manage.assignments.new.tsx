import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, RadioGroup, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { listPublishedCourseChoices } from "~/models/course-version.server";
import { listUnitChoices } from "~/models/org-unit.server";
import { assignCourse, assignScope } from "~/services/assignments.server";
import { requireAnyPermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { enqueue, QUEUES } from "~/utils/jobs.server";
import { getLogger } from "~/utils/logger.server";
import { clientAddress } from "~/utils/request-context.server";
import { ASSIGNMENT_TARGETS, newAssignmentSchema, STAFF_CATEGORIES } from "~/validation/assignments";

// "Giao khoá học": one page, plain questions, every field visible (it works
// without JavaScript); what each answer requires is checked on the server.
const permissions = ["assign:course:scope", "assign:course:any"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, [...permissions]);
  const t = getTranslate(request);
  const scope = await assignScope(user);
  const [courses, units] = await Promise.all([listPublishedCourseChoices(), listUnitChoices()]);
  return {
    title: `${t("assignments.newTitle")} – ${t("app.titleSuffix")}`,
    courses,
    units: units.filter((unit) => !scope || scope.includes(unit.id)),
    provinceWide: scope === null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAnyPermission(request, [...permissions]);
  const form = await parseForm(request, newAssignmentSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  const result = await assignCourse({ form: form.data, user, scope: await assignScope(user) });
  if (!result.ok) return data({ errors: result.errors, values: form.fields }, { status: 400 });
  // The people assigned hear of it at once, not at the next scheduled run
  // (if the queue is away, the scheduled run does it: the rule is saved).
  await enqueue(QUEUES.reminders).catch((error: unknown) => getLogger().warn({ err: error }, "could not ask for a reminder run"));
  await recordAudit({ action: "assignment.created", actorId: user.id, targetType: "assignment", targetId: result.id, detail: form.data, ipAddress: clientAddress() });
  const notice = getTranslate(request)("assignments.created", { count: result.assigned });
  return redirect(`/manage/assignments/${result.id}`, { headers: { "Set-Cookie": flashCookie(notice) } });
}

const fieldOrder = ["courseId", "target", "unitId", "email", "staffCategory", "jobTitle", "dueMode", "dueDate", "dueDays", "recurrenceMonths"];

export default function NewAssignment() {
  const { courses, units, provinceWide } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result?.values ?? {};
  const errors = result?.errors;
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
      <h1>{t("assignments.newTitle")}</h1>
      <Form method="post" noValidate>
        <SelectField
          name="courseId"
          label={t("assignments.field.course")}
          defaultValue={values.courseId}
          error={errors?.courseId}
          options={courses.map((course) => ({ value: course.id, label: course.title }))}
        />
        <RadioGroup
          name="target"
          legend={t("assignments.field.target")}
          defaultValue={values.target ?? "UNIT"}
          error={errors?.target}
          options={ASSIGNMENT_TARGETS.map((target) => ({ value: target, label: t(`assignments.field.target.${target}`) }))}
        />
        <SelectField
          name="unitId"
          label={t("assignments.field.unit")}
          defaultValue={values.unitId}
          error={errors?.unitId}
          options={[{ value: "", label: provinceWide ? t("assignments.field.anyUnit") : t("assignments.field.chooseUnit") }, ...units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))]}
        />
        <div className="checkbox form-group">
          <input className="checkbox__input" type="checkbox" id="includeSubunits" name="includeSubunits" defaultChecked={result ? values.includeSubunits === "on" : true} />
          <label className="checkbox__label" htmlFor="includeSubunits">
            {t("assignments.field.includeSubunits")}
          </label>
        </div>
        <TextField name="email" type="email" label={t("assignments.field.email")} defaultValue={values.email} error={errors?.email} spellCheck={false} />
        <SelectField
          name="staffCategory"
          label={t("assignments.field.staffCategory")}
          defaultValue={values.staffCategory}
          error={errors?.staffCategory}
          options={[{ value: "", label: "—" }, ...STAFF_CATEGORIES.map((category) => ({ value: category, label: t(`staff.${category}`) }))]}
        />
        <TextField name="jobTitle" label={t("assignments.field.jobTitle")} hint={t("assignments.field.jobTitleHint")} defaultValue={values.jobTitle} error={errors?.jobTitle} />
        <RadioGroup
          name="dueMode"
          legend={t("assignments.field.dueMode")}
          defaultValue={values.dueMode ?? "days"}
          error={errors?.dueMode}
          options={[
            { value: "days", label: t("assignments.field.dueMode.days") },
            { value: "date", label: t("assignments.field.dueMode.date"), hint: t("assignments.field.dueMode.dateHint") },
          ]}
        />
        <div className="filters__row">
          <TextField name="dueDays" label={t("assignments.field.dueDays")} inputMode="numeric" defaultValue={values.dueDays ?? "30"} error={errors?.dueDays} />
          <div className={`form-group${errors?.dueDate ? " form-group--error" : ""}`}>
            <label className="label" htmlFor="dueDate">
              {t("assignments.field.dueDate")}
            </label>
            {errors?.dueDate ? <p className="field-error">{t(errors.dueDate)}</p> : null}
            <input className="input input--date" id="dueDate" name="dueDate" type="date" defaultValue={values.dueDate} />
          </div>
        </div>
        <TextField
          name="recurrenceMonths"
          label={t("assignments.field.recurrence")}
          hint={t("assignments.field.recurrenceHint")}
          inputMode="numeric"
          defaultValue={values.recurrenceMonths}
          error={errors?.recurrenceMonths}
        />
        <button type="submit" className="button">
          {t("assignments.submit")}
        </button>
      </Form>
    </div>
  );
}
