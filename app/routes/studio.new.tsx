import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CourseSettingsFields, settingsFieldOrder } from "~/components/course-settings-fields";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { listCompetencyAreas } from "~/models/competency.server";
import { createCourse, CourseRuleError, keyFromTitle, listCourseChoices } from "~/models/course.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { can } from "~/utils/permissions";
import { clientAddress } from "~/utils/request-context.server";
import { newCourseSchema } from "~/validation/studio";

// A new course: its creator, a trainer, becomes its first trainer.
async function requireCreator(request: Request) {
  const user = await requireStudioUser(request);
  if (!can(user, "create:course:own") && !can(user, "edit:course:any")) {
    throw new Response(getTranslate(request)("error.forbidden.title"), { status: 403 });
  }
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCreator(request);
  const t = getTranslate(request);
  const [areas, courses] = await Promise.all([listCompetencyAreas(), listCourseChoices({})]);
  return { title: `${t("studio.new")} – ${t("app.titleSuffix")}`, choices: { areas, courses } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCreator(request);
  const form = await parseForm(request, newCourseSchema, { lists: ["competences", "prerequisites"] });
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  const { slug, competences, prerequisites, sequential, ...settings } = form.data;
  try {
    const course = await createCourse({
      ...settings,
      slug: slug || keyFromTitle(settings.title),
      sequential: sequential === "on",
      competenceCodes: competences,
      prerequisiteSlugs: prerequisites,
      trainerId: can(user, "create:course:own") ? user.id : null,
    });
    await recordAudit({ action: "course.created", actorId: user.id, targetType: "course", targetId: course.id, detail: { slug: course.slug }, ipAddress: clientAddress() });
    const notice = getTranslate(request)("studio.created", { title: settings.title });
    return redirect(`/studio/${course.id}`, { headers: { "Set-Cookie": flashCookie(notice) } });
  } catch (error) {
    if (error instanceof CourseRuleError) {
      const errors: FormErrors = { [error.key === "studio.error.slugTaken" ? "slug" : "form"]: error.key };
      return data({ errors, values: form.fields }, { status: 400 });
    }
    throw error;
  }
}

export default function NewCourse() {
  const { choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result?.values ?? {};
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={settingsFieldOrder} />
      <h1>{t("studio.new")}</h1>
      <Form method="post" noValidate>
        <CourseSettingsFields values={{ ...values, competences: [], prerequisites: [] }} errors={result?.errors} choices={choices} />
        <TextField name="slug" label={t("studio.field.slug")} hint={t("studio.field.slugHint")} defaultValue={values.slug} error={result?.errors.slug} spellCheck={false} />
        <button type="submit" className="button">
          {t("studio.create")}
        </button>
      </Form>
    </div>
  );
}
