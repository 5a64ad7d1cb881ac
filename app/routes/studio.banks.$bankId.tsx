import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextArea, TextField, type FormErrors } from "~/components/form";
import { QuizPreviewList } from "~/components/quiz-preview";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { getBank, saveBank } from "~/models/question-bank.server";
import { quizPreview } from "~/services/item-preview.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { isUuid } from "~/utils/ids";
import { can } from "~/utils/permissions";
import { clientAddress } from "~/utils/request-context.server";
import { bankSaveSchema } from "~/validation/question-bank";

// One shared bank: its questions as GIFT (categories and tags inside), the
// questions as learners would get them, and every format problem by line.
// Its creator and admins edit it; other trainers read it to plan their draws.
// A save takes effect for attempts started after it; started ones keep theirs.

async function loadBank(request: Request, params: Record<string, string | undefined>) {
  const user = await requireStudioUser(request);
  const bank = isUuid(params.bankId) ? await getBank({ bankId: params.bankId }) : null;
  if (!bank) throw new Response(getTranslate(request)("studio.banks.notFound"), { status: 404 });
  const canEdit = can(user, "edit:course:any") || bank.createdById === user.id;
  return { user, bank, canEdit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank, canEdit } = await loadBank(request, params);
  const t = getTranslate(request);
  return {
    title: `${bank.title} – ${t("studio.banks.title")} – ${t("app.titleSuffix")}`,
    bank: { id: bank.id, slug: bank.slug, title: bank.title, body: bank.body, revision: bank.revision },
    canEdit,
    preview: quizPreview(bank.body, t, getLocale(request)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bank, canEdit } = await loadBank(request, params);
  const t = getTranslate(request);
  if (!canEdit) throw new Response(t("error.forbidden.title"), { status: 403 });
  const form = await parseForm(request, bankSaveSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  // Questions need titles here: attempts and statistics follow them.
  if (quizPreview(form.data.body, t, getLocale(request)).errors.length) {
    const errors: FormErrors = { body: "studio.banks.badGift" };
    return data({ errors, values: form.fields }, { status: 400 });
  }
  const saved = await saveBank({ bankId: bank.id, creatorId: can(user, "edit:course:any") ? null : user.id, ...form.data });
  if (saved === "missing") throw new Response(t("studio.banks.notFound"), { status: 404 });
  if (saved === "conflict") {
    const errors: FormErrors = { form: "studio.editor.stale" };
    return data({ errors, values: form.fields }, { status: 409 });
  }
  await recordAudit({ action: "bank.updated", actorId: user.id, targetType: "question_bank", targetId: bank.id, ipAddress: clientAddress(), detail: { revision: form.data.revision + 1 } });
  return redirect(`/studio/banks/${bank.id}`, { headers: { "Set-Cookie": flashCookie(t("studio.banks.saved")) } });
}

export default function QuestionBank() {
  const { bank, canEdit, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result?.values;
  return (
    <>
      <p>
        <Link to="/studio/banks">{t("studio.banks.title")}</Link>
      </p>
      <ErrorSummary errors={result?.errors} fieldOrder={["form", "title", "body"]} />
      <h1>{bank.title}</h1>
      <p className="hint">
        {t("studio.banks.slugIs", { slug: bank.slug })} ·{" "}
        <a href={`/studio/banks/${bank.id}/export.gift`} download>
          {t("studio.export.link")}
        </a>
      </p>
      {canEdit ? (
        <Form method="post" noValidate key={bank.revision}>
          <input type="hidden" name="revision" value={bank.revision} />
          <TextField name="title" label={t("studio.banks.field.title")} defaultValue={values?.title ?? bank.title} error={result?.errors?.title} />
          <TextArea
            name="body"
            label={t("studio.banks.field.body")}
            hint={t("studio.banks.field.bodyHint")}
            rows={20}
            className="textarea--code"
            spellCheck={false}
            defaultValue={values?.body ?? bank.body}
            error={result?.errors?.body}
          />
          <button type="submit" className="button">
            {t("studio.banks.save")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("studio.banks.readOnly")}</p>
      )}
      <h2>{t("studio.banks.previewTitle", { count: preview.questions.length })}</h2>
      <QuizPreviewList quiz={preview} showTitles />
    </>
  );
}
