import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { createTemplateVersion, getCurrentTemplate, listTemplateVersions } from "~/models/certificate-template.server";
import { getMediaAsset } from "~/models/media.server";
import { BUILT_IN_LOOK } from "~/services/certificate-pdf.server";
import { readTemplateForm, templateToSave } from "~/services/certificate-template-form.server";
import { requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { mediaUrl } from "~/utils/media-url";
import { clientAddress } from "~/utils/request-context.server";

// Administrators set how certificates look: wording, colour, logo, who
// signs and their signature image; "Xem trước" shows a sample PDF in a new
// tab before saving. Each save is a new version; certificates already issued
// keep the version they were issued with.

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const env = getEnv();
  const current = await getCurrentTemplate();
  const image = async (id: string | null) => {
    const asset = id ? await getMediaAsset({ id }) : null;
    return asset ? mediaUrl(asset) : null;
  };
  return {
    title: `${t("template.title")} – ${t("app.titleSuffix")}`,
    values: current ?? { ...BUILT_IN_LOOK, issuerName: env.CERT_ISSUER_NAME, signerName: env.CERT_SIGNER_NAME ?? null, signerTitle: env.CERT_SIGNER_TITLE ?? null },
    logo: await image(current?.logoId ?? null),
    signature: await image(current?.signatureId ?? null),
    versions: (await listTemplateVersions()).map((row) => ({ version: row.version, createdAt: formatDateTime(locale, row.createdAt), by: row.createdBy?.fullName ?? null })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const form = await readTemplateForm(request);
  // What was typed comes back with the errors: nothing is lost to a mistake.
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await createTemplateVersion({ ...(await templateToSave(form, admin.id)), createdById: admin.id });
  await recordAudit({ action: "certificate.templateSaved", actorId: admin.id, targetType: "certificate_template", targetId: saved.id, ipAddress: clientAddress(), detail: { version: saved.version } });
  return redirect("/admin/certificates/template", { headers: { "Set-Cookie": flashCookie(t("template.saved", { version: saved.version })) } });
}

export default function CertificateTemplatePage() {
  const { values: saved, logo, signature, versions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  // After a refused save, the fields show what was typed, not what is saved.
  const values = { ...saved, ...result?.values };
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/admin/certificates">{t("certificates.admin.title")}</Link>
      </p>
      <ErrorSummary errors={errors} fieldOrder={["heading", "intro", "completedText", "issuerName", "signerName", "signerTitle", "colour", "logo", "signature"]} />
      <h1>{t("template.title")}</h1>
      <p className="lead">{t("template.lead")}</p>
      {/* A plain form post: "Xem trước" sends it to the preview's own address and opens the PDF in a new tab. */}
      <Form method="post" encType="multipart/form-data" noValidate className="narrow" reloadDocument>
        <TextField name="heading" label={t("template.heading")} defaultValue={values.heading} error={errors?.heading} />
        <TextField name="intro" label={t("template.intro")} defaultValue={values.intro} error={errors?.intro} />
        <TextField name="completedText" label={t("template.completedText")} defaultValue={values.completedText} error={errors?.completedText} />
        <TextField name="issuerName" label={t("template.issuerName")} defaultValue={values.issuerName} error={errors?.issuerName} />
        <TextField name="signerName" label={t("template.signerName")} defaultValue={values.signerName ?? ""} error={errors?.signerName} />
        <TextField name="signerTitle" label={t("template.signerTitle")} defaultValue={values.signerTitle ?? ""} error={errors?.signerTitle} />
        <div className={`form-group${errors?.colour ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="colour">
            {t("template.colour")}
          </label>
          <p className="hint" id="colour-hint">
            {t("template.colourHint")}
          </p>
          {errors?.colour ? (
            <p className="field-error" id="colour-error">
              {t(errors.colour)}
            </p>
          ) : null}
          <input
            className="input input--colour"
            type="color"
            id="colour"
            name="colour"
            defaultValue={values.colour}
            aria-invalid={errors?.colour ? true : undefined}
            aria-describedby={errors?.colour ? "colour-hint colour-error" : "colour-hint"}
          />
        </div>
        {(["logo", "signature"] as const).map((name) => {
          const current = name === "logo" ? logo : signature;
          const error = errors?.[name];
          return (
            <div key={name} className={`form-group${error ? " form-group--error" : ""}`}>
              <label className="label" htmlFor={name}>
                {t(`template.${name}`)}
              </label>
              <p className="hint" id={`${name}-hint`}>
                {t("template.imageHint")}
              </p>
              {error ? (
                <p className="field-error" id={`${name}-error`}>
                  {t(error)}
                </p>
              ) : null}
              {current ? <img src={current} alt={t(`template.${name}Current`)} className="template-image" /> : null}
              <input
                className="input"
                type="file"
                id={name}
                name={name}
                accept="image/png,image/jpeg"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
              />
              {current ? (
                <div className="checkbox">
                  <input className="checkbox__input" type="checkbox" id={`remove-${name}`} name={name === "logo" ? "removeLogo" : "removeSignature"} />
                  <label className="checkbox__label" htmlFor={`remove-${name}`}>
                    {t(`template.remove.${name}`)}
                  </label>
                </div>
              ) : null}
            </div>
          );
        })}
        <div className="button-group">
          <button type="submit" className="button">
            {t("template.save")}
          </button>
          <button type="submit" className="button button--secondary" formAction="/admin/certificates/template/preview.pdf" formTarget="_blank">
            {t("template.preview")}
          </button>
        </div>
      </Form>
      <h2>{t("template.versions")}</h2>
      {versions.length ? (
        <ul className="plain-list">
          {versions.map((row) => (
            <li key={row.version}>{t("template.versionRow", { version: row.version, date: row.createdAt, by: row.by ?? "—" })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("template.noVersions")}</p>
      )}
    </>
  );
}
