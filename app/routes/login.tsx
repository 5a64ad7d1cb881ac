import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { useI18n } from "~/i18n/context";
import { getLocale, localeCookieFor } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { signIn } from "~/services/sign-in.server";
import { requireAnonymous } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { safeRedirectPath } from "~/utils/redirect";
import { sessionCookie } from "~/utils/session-cookie.server";
import { signInSchema } from "~/validation/auth";
import { formatDayAndTime } from "~/utils/format";

// Public: the sign-in page (anonymous only; signed-in people go home).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = getTranslate(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  return { title: `${t("signIn.title")} – ${t("app.titleSuffix")}`, redirectTo };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

type ActionData = { errors: FormErrors; email: string; lockedUntil?: string };

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await parseForm(request, signInSchema);
  if (!form.ok) {
    // The password is never sent back.
    return data<ActionData>({ errors: form.errors, email: form.fields.email ?? "" }, { status: 400 });
  }
  const result = await signIn({
    email: form.data.email,
    password: form.data.password,
    ipAddress: clientAddress(),
    userAgent: request.headers.get("User-Agent"),
  });
  if (result.outcome === "signed-in") {
    const headers = new Headers({ "Set-Cookie": sessionCookie(request, result.token, result.cookieExpiresAt) });
    if (!result.locale || result.locale === getLocale(request)) return redirect(safeRedirectPath(form.data.redirectTo), { headers });
    // Their own language, chosen on another device, from the first page on:
    // a whole new document, since the browser holds this page's messages.
    headers.append("Set-Cookie", localeCookieFor(request, result.locale));
    return redirectDocument(safeRedirectPath(form.data.redirectTo), { headers });
  }
  if (result.outcome === "locked") {
    const time = formatDayAndTime(getLocale(request), result.until);
    return data<ActionData>(
      { errors: { form: "signIn.locked" }, email: form.data.email, lockedUntil: time },
      { status: 429, headers: { "Retry-After": String(Math.ceil((result.until.getTime() - Date.now()) / 1000)) } },
    );
  }
  return data<ActionData>({ errors: { form: "signIn.invalid" }, email: form.data.email }, { status: 400 });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const submitting = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  // A refused password is not left in the field (without JavaScript the
  // server never sends it back; with it, clear what the browser kept).
  const password = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (actionData && password.current) password.current.value = "";
  }, [actionData]);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors?.form === "signIn.locked" ? undefined : errors} fieldOrder={["form", "email", "password"]} />
      {actionData?.lockedUntil ? (
        <div className="notice notice--warning" role="alert">
          {t("signIn.locked", { time: actionData.lockedUntil })}
        </div>
      ) : null}
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          type="email"
          label={t("signIn.email")}
          autoComplete="username"
          spellCheck={false}
          defaultValue={actionData?.email}
          error={errors?.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("signIn.password")}
          autoComplete="current-password"
          inputRef={password}
          error={errors?.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t("signIn.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("forgot.link")}</Link>
      </p>
    </div>
  );
}
