import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { changePassword } from "~/services/password-change.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { changePasswordSchema } from "~/validation/auth";

// Signed in: change one's own password; other sessions end.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:password:own");
  const t = getTranslate(request);
  return { title: `${t("password.title")} – ${t("app.titleSuffix")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:password:own");
  const form = await parseForm(request, changePasswordSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await changePassword({
    userId: user.id,
    sessionId: user.sessionId,
    current: form.data.current,
    password: form.data.password,
    ipAddress: clientAddress(),
  });
  if (!result.ok) {
    const errors: FormErrors = { [result.field]: result.problem };
    return data({ errors }, { status: 400 });
  }
  return redirect("/account/sessions", { headers: { "Set-Cookie": flashCookie(getTranslate(request)("password.changed")) } });
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["current", "password", "confirm"]} />
      <h1>{t("password.title")}</h1>
      <p className="lead">{t("reset.lead")}</p>
      <Form method="post" noValidate>
        <TextField name="current" type="password" label={t("password.current")} autoComplete="current-password" error={result?.errors.current} />
        <TextField name="password" type="password" label={t("password.new")} autoComplete="new-password" error={result?.errors.password} />
        <TextField name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" error={result?.errors.confirm} />
        <button type="submit" className="button">
          {t("password.submit")}
        </button>
      </Form>
    </div>
  );
}
