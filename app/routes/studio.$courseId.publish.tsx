import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CourseDiff } from "~/components/course-diff";
import { ErrorSummary, TextArea, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { banksFor, getVersionContent, publishProblems } from "~/models/course-version.server";
import { publishDraft } from "~/services/course-publish.server";
import { draftContent, getCourseDraft } from "~/models/course.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { diffCourseContent } from "~/utils/course-content";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { publishSchema } from "~/validation/studio";

// Publishing: see what changed since the last version, write a change note,
// freeze the draft as a new version.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const draft = await getCourseDraft({ courseId: params.courseId! });
  if (!draft) throw new Response(t("studio.error.notFound"), { status: 404 });
  const content = draftContent(draft);
  const previous = draft.publishedVersion ? await getVersionContent({ courseId: draft.id, number: draft.publishedVersion.number }) : null;
  return {
    title: `${t("studio.publish.title", { title: draft.title })} – ${t("app.titleSuffix")}`,
    course: { id: draft.id, title: draft.title },
    previousNumber: previous?.number ?? null,
    changes: previous ? diffCourseContent(previous.content, content) : null,
    problems: publishProblems(content, await banksFor(content)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const form = await parseForm(request, publishSchema);
  const noErrors: FormErrors = {};
  if (!form.ok) return data({ errors: form.errors, problems: [], values: form.fields }, { status: 400 });
  const result = await publishDraft({ courseId: params.courseId!, changeNote: form.data.changeNote, userId: user.id });
  if (!result.ok) return data({ errors: noErrors, problems: result.problems, values: form.fields }, { status: 400 });
  await recordAudit({ action: "course.published", actorId: user.id, targetType: "course", targetId: params.courseId!, detail: { version: result.number }, ipAddress: clientAddress() });
  return redirect(`/studio/${params.courseId}`, { headers: { "Set-Cookie": flashCookie(t("studio.publish.done", { number: result.number })) } });
}

export default function Publish() {
  const { course, changes, previousNumber, problems: loadedProblems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const problems = result?.problems.length ? result.problems : loadedProblems;
  return (
    <div className="narrow">
      <p>
        <Link to={`/studio/${course.id}`}>{t("studio.backToCourse")}</Link>
      </p>
      <ErrorSummary errors={result?.errors} fieldOrder={["changeNote"]} />
      <h1>{t("studio.publish.title", { title: course.title })}</h1>
      <p className="lead">{t("studio.publish.lead")}</p>
      {problems.length ? (
        <div className="notice notice--warning" role="alert">
          <p className="panel__title">{t("studio.publish.cannot")}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{t(problem.key, { title: "title" in problem ? (problem.title ?? "") : "" })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{previousNumber ? t("studio.publish.changes", { number: previousNumber }) : t("studio.publish.firstVersion")}</h2>
      {changes ? <CourseDiff changes={changes} /> : null}
      <Form method="post" noValidate>
        <TextArea name="changeNote" label={t("studio.publish.note")} hint={t("studio.publish.noteHint")} rows={3} defaultValue={result?.values.changeNote} error={result?.errors.changeNote} />
        <button type="submit" className="button">
          {t("studio.publish.submit")}
        </button>
      </Form>
    </div>
  );
}
