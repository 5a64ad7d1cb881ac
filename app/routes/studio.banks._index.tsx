import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { keyFromTitle } from "~/models/course.server";
import { BankRuleError, createBank, listBanks } from "~/models/question-bank.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { newBankSchema } from "~/validation/question-bank";

// Shared question banks: questions any course's quiz may draw from (by
// category or tag), kept once for the province instead of copied into
// every quiz. Every trainer sees them; their creators and admins edit them.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStudioUser(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const banks = await listBanks();
  return {
    title: `${t("studio.banks.title")} – ${t("app.titleSuffix")}`,
    banks: banks.map((bank) => ({ ...bank, updatedAt: formatDateTime(locale, bank.updatedAt), createdBy: bank.createdBy?.fullName ?? null })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStudioUser(request);
  const t = getTranslate(request);
  const form = await parseForm(request, newBankSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  try {
    const bank = await createBank({ slug: form.data.slug || keyFromTitle(form.data.title), title: form.data.title, createdById: user.id });
    return redirect(`/studio/banks/${bank.id}`, { headers: { "Set-Cookie": flashCookie(t("studio.banks.created")) } });
  } catch (error) {
    if (error instanceof BankRuleError) {
      const errors: FormErrors = { slug: error.key };
      return data({ errors }, { status: 400 });
    }
    throw error;
  }
}

export default function QuestionBanks() {
  const { banks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/studio">{t("studio.title")}</Link>
      </p>
      <ErrorSummary errors={result?.errors} fieldOrder={["title", "slug"]} />
      <h1>{t("studio.banks.title")}</h1>
      <p className="lead">{t("studio.banks.lead")}</p>
      {banks.length ? (
        <div className="table-scroll" role="region" aria-label={t("studio.banks.title")} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("studio.banks.bank")}</th>
                <th scope="col">{t("studio.banks.questions")}</th>
                <th scope="col">{t("studio.column.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {banks.map((bank) => (
                <tr key={bank.id}>
                  <td>
                    <Link to={`/studio/banks/${bank.id}`}>{bank.title}</Link>
                    <br />
                    <span className="hint">{bank.slug}</span>
                  </td>
                  <td>{bank.questions}</td>
                  <td>{bank.updatedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("studio.banks.empty")}</p>
      )}
      <h2>{t("studio.banks.new")}</h2>
      <Form method="post" noValidate className="narrow">
        <TextField name="title" label={t("studio.banks.field.title")} error={result?.errors?.title} />
        <TextField name="slug" label={t("studio.banks.field.slug")} hint={t("studio.banks.field.slugHint")} spellCheck={false} error={result?.errors?.slug} />
        <button type="submit" className="button">
          {t("studio.banks.create")}
        </button>
      </Form>
    </>
  );
}
