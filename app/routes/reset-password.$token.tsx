import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { findResetTokenUser } from "~/models/password-reset.server";
import { resetPassword } from "~/services/password-reset.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { sessionIdFromToken } from "~/utils/session.server";
import { resetPasswordSchema } from "~/validation/auth";

// Public: the page a reset link opens. The token in the URL is the key; the
// page says plainly when it no longer works.

const TOKEN = /^[a-z2-7]{32}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = getTranslate(request);
  const token = params.token ?? "";
  const valid = TOKEN.test(token) && (await findResetTokenUser(sessionIdFromToken(token))) !== null;
  return { title: `${t("reset.title")} – ${t("app.titleSuffix")}`, valid };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Học Số" },
  // The URL holds a secret: keep it out of other sites' logs.
  { name: "referrer", content: "no-referrer" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const t = getTranslate(request);
  const token = params.token ?? "";
  const form = await parseForm(request, resetPasswordSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = TOKEN.test(token)
    ? await resetPassword({ token, password: form.data.password, ipAddress: clientAddress() })
    : ({ outcome: "invalid-link" } as const);
  if (result.outcome === "done") return redirect("/login", { headers: { "Set-Cookie": flashCookie(t("reset.done")) } });
  const errors: FormErrors = result.outcome === "weak" ? { password: result.problem } : { form: "reset.invalid" };
  return data({ errors }, { status: 400 });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (!valid) {
    return (
      <div className="narrow">
        <h1>{t("reset.title")}</h1>
        <p className="notice notice--warning">{t("reset.invalid")}</p>
        <p>
          <a href="/forgot-password">{t("forgot.link")}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["form", "password", "confirm"]} />
      <h1>{t("reset.title")}</h1>
      <p className="lead">{t("reset.lead")}</p>
      <Form method="post" noValidate>
        <TextField name="password" type="password" label={t("reset.password")} autoComplete="new-password" error={result?.errors.password} />
        <TextField name="confirm" type="password" label={t("reset.confirm")} autoComplete="new-password" error={result?.errors.confirm} />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
