import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CertificateSummary } from "~/components/certificate-summary";
import { ErrorSummary, TextArea, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { findCertificateByCode, findRevisionByCode, listRevisions, revokeCertificate, stateOf } from "~/models/certificate.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";

// Administrators: find a certificate by its code and revoke it, with a reason
// (the public page then says "revoked" and when).
const revokeSchema = z.object({
  code: z.string().trim().min(1, { error: "certificates.admin.codeMissing" }).max(32, { error: "certificates.admin.codeMissing" }),
  reason: z.string().trim().min(5, { error: "certificates.admin.reasonMissing" }).max(500, { error: "certificates.admin.reasonMissing" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const code = new URL(request.url).searchParams.get("code")?.trim().slice(0, 32) ?? "";
  const found = code ? await findCertificateByCode({ code }) : null;
  const locale = getLocale(request);
  return {
    title: `${t("certificates.admin.title")} – ${t("app.titleSuffix")}`,
    code,
    // An earlier code of a re-issued certificate leads to the current one.
    replaced: code && !found ? await replacedBy(code, locale) : null,
    found: found
      ? {
          code: found.code,
          holderName: found.holderName,
          courseTitle: found.courseTitle,
          completedOn: formatDate(locale, found.completedOn),
          state: stateOf(found),
          revokeReason: found.revokeReason,
          revisions: (await listRevisions({ certificateId: found.id })).map((row) => ({
            code: row.code,
            holderName: row.holderName,
            replacedAt: formatDate(locale, row.replacedAt),
            reason: row.reason,
            by: row.replacedBy?.fullName ?? "—",
          })),
        }
      : null,
  };
}

async function replacedBy(code: string, locale: "vi" | "en") {
  const revision = await findRevisionByCode({ code });
  return revision ? { date: formatDate(locale, revision.replacedAt), code: revision.certificate.code } : null;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:person:any");
  const form = await parseForm(request, revokeSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  if (!(await revokeCertificate(form.data))) {
    const errors: FormErrors = { code: "certificates.admin.notRevocable" };
    return data({ errors, values: form.fields }, { status: 400 });
  }
  await recordAudit({ action: "certificate.revoked", actorId: user.id, targetType: "certificate", targetId: form.data.code, detail: { reason: form.data.reason }, ipAddress: clientAddress() });
  return redirect(`/admin/certificates?code=${encodeURIComponent(form.data.code)}`, {
    headers: { "Set-Cookie": flashCookie(getTranslate(request)("certificates.admin.revoked")) },
  });
}

export default function AdminCertificates() {
  const { code, found, replaced } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["code", "reason"]} />
      <h1>{t("certificates.admin.title")}</h1>
      <p>
        <Link to="/admin/certificates/template">{t("template.link")}</Link>
      </p>
      <Form method="get" className="search-form">
        <TextField name="code" label={t("verify.code")} defaultValue={code} spellCheck={false} />
        <button type="submit" className="button">
          {t("verify.submit")}
        </button>
      </Form>
      {replaced ? (
        <p>
          {t("certificates.admin.replacedBy", { date: replaced.date })} <Link to={`/admin/certificates?code=${replaced.code}`}>{replaced.code}</Link>.
        </p>
      ) : code && !found ? (
        <p>{t("verify.unknown")}</p>
      ) : null}
      {found ? (
        <>
          <CertificateSummary holderName={found.holderName} courseTitle={found.courseTitle} completedOn={found.completedOn}>
            <div>
              <dt>{t("certificates.admin.state")}</dt>
              <dd>
                {t(`certificates.admin.state.${found.state}`)}
                {found.revokeReason ? ` – ${found.revokeReason}` : null}
              </dd>
            </div>
          </CertificateSummary>
          <p>
            <Link to={`/verify/${found.code}`}>{t("certificate.verifyLink")}</Link>
            {found.state === "revoked" ? null : (
              <>
                {" · "}
                <Link to={`/admin/certificates/${found.code}/reissue`}>{t("certificates.reissue.link")}</Link>
              </>
            )}
          </p>
          {found.revisions.length ? (
            <section aria-labelledby="revisions">
              <h2 id="revisions">{t("certificates.reissue.history")}</h2>
              <ul className="plain-list">
                {found.revisions.map((row) => (
                  <li key={row.code}>{t("certificates.reissue.historyRow", { code: row.code, name: row.holderName, date: row.replacedAt, by: row.by, reason: row.reason })}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {found.state === "revoked" ? null : (
            <Form method="post">
              <input type="hidden" name="code" value={found.code} />
              <TextArea name="reason" label={t("certificates.admin.reason")} hint={t("certificates.admin.reasonHint")} rows={3} defaultValue={result?.values.reason} error={result?.errors.reason} />
              <button type="submit" className="button button--warning">
                {t("certificates.admin.revoke")}
              </button>
            </Form>
          )}
        </>
      ) : null}
    </div>
  );
}
