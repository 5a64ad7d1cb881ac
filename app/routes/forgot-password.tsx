import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { requestPasswordReset } from "~/services/password-reset.server";
import { requireAnonymous } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { forgotPasswordSchema } from "~/validation/auth";

// Public (anonymous only): ask for a password reset link.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = getTranslate(request);
  return { title: `${t("forgot.title")} – ${t("app.titleSuffix")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await parseForm(request, forgotPasswordSchema);
  if (!form.ok) return data({ errors: form.errors, sent: false }, { status: 400 });
  await requestPasswordReset({
    email: form.data.email,
    baseUrl: publicBaseUrl(),
    ipAddress: clientAddress(),
    t: getTranslate(request),
  });
  // The same answer whether or not the address has an account.
  const errors: FormErrors = {};
  return { errors, sent: true };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["email"]} />
      <h1>{t("forgot.title")}</h1>
      {result?.sent ? (
        <div className="notice notice--success" role="status">
          {t("forgot.sent")}
        </div>
      ) : (
        <>
          <p className="lead">{t("forgot.lead")}</p>
          <Form method="post" noValidate>
            <TextField name="email" type="email" label={t("signIn.email")} autoComplete="username" spellCheck={false} error={result?.errors.email} />
            <button type="submit" className="button">
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
