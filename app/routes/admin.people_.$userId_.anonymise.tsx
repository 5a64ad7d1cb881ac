import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate, translatorFor } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { anonymisePerson } from "~/models/personal-data.server";
import { findPersonOr404 } from "~/services/person-admin.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { anonymiseSchema } from "~/validation/privacy";

// Administrators: anonymise a person who asked for their personal data to
// be deleted (ADR 026). A page of its own, so the consequences are read and
// confirmed before anything happens, with or without JavaScript.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const person = await findPersonOr404(request, params.userId);
  // Nothing left to do: the person's page says when it was done.
  if (person.anonymisedAt) throw redirect(`/admin/people/${person.id}`);
  const t = getTranslate(request);
  return {
    title: `${t("anonymise.title", { name: person.fullName })} – ${t("app.titleSuffix")}`,
    person: { id: person.id, fullName: person.fullName, email: person.email },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:person:any");
  const person = await findPersonOr404(request, params.userId);
  const t = getTranslate(request);
  const back = `/admin/people/${person.id}`;
  const form = await parseForm(request, anonymiseSchema);
  const refused = (errors: FormErrors) => data({ errors }, { status: 400 });
  if (!form.ok) return refused(form.errors);
  if (person.id === admin.id) return refused({ form: "anonymise.self" });
  // The placeholder is stored, so it is written in the site's language
  // (reports and lists show it to everyone), with a short reference from the
  // id so that two anonymised people can be told apart.
  const placeholderName = translatorFor("vi")("anonymise.name", { ref: person.id.slice(-6).toUpperCase() });
  const result = await anonymisePerson({ userId: person.id, placeholderName });
  if (!result.anonymised) return redirect(back, { headers: { "Set-Cookie": flashCookie(t("anonymise.already")) } });
  // What happened, never who it was: the id and counts only.
  await recordAudit({
    action: "person.anonymised",
    actorId: admin.id,
    targetType: "user",
    targetId: person.id,
    detail: { certificates: result.certificates },
    ipAddress: clientAddress(),
  });
  return redirect(back, { headers: { "Set-Cookie": flashCookie(t("anonymise.done")) } });
}

export default function Anonymise() {
  const { person } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} fieldOrder={["form", "confirm"]} />
      <h1>{t("anonymise.title", { name: person.fullName })}</h1>
      <p className="lead">{t("anonymise.lead")}</p>
      <p>{person.email}</p>
      <h2>{t("anonymise.what")}</h2>
      <ul>
        <li>{t("anonymise.identity")}</li>
        <li>{t("anonymise.traces")}</li>
        <li>{t("anonymise.certificates")}</li>
        <li>{t("anonymise.kept")}</li>
      </ul>
      <Form method="post" noValidate>
        <div className={`form-group${errors?.confirm ? " form-group--error" : ""}`}>
          {errors?.confirm ? <p className="field-error" id="confirm-error">{t(errors.confirm)}</p> : null}
          <div className="checkbox">
            <input
              className="checkbox__input"
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              aria-describedby={errors?.confirm ? "confirm-error" : undefined}
            />
            <label className="checkbox__label" htmlFor="confirm">
              {t("anonymise.confirm")}
            </label>
          </div>
        </div>
        <div className="inline-row">
          <button type="submit" className="button button--warning">
            {t("anonymise.submit")}
          </button>
          <Link to={`/admin/people/${person.id}`}>{t("anonymise.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
