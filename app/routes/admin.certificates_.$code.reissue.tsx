import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextArea, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { findCertificateByCode, reissueCertificate } from "~/models/certificate.server";
import { getPersonForAdmin } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";

// A correction to an issued certificate (a misspelt name, a unit that has
// changed its name) is a re-issue: a new code and PDF with what it should
// say; the old code keeps verifying as "replaced", and the history stays.
const reissueSchema = z.object({
  holderName: z.string().trim().min(2, { error: "certificates.reissue.nameMissing" }).max(200, { error: "certificates.reissue.nameMissing" }),
  unitName: z
    .string()
    .trim()
    .max(255, { error: "certificates.reissue.unitTooLong" })
    .transform((value) => value || null),
  reason: z.string().trim().min(5, { error: "certificates.admin.reasonMissing" }).max(500, { error: "certificates.admin.reasonMissing" }),
});

async function loadValid(request: Request, code: string | undefined) {
  const certificate = await findCertificateByCode({ code: (code ?? "").slice(0, 32) });
  if (!certificate || certificate.revokedAt) throw new Response(getTranslate(request)("certificates.admin.notRevocable"), { status: 404 });
  return certificate;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const certificate = await loadValid(request, params.code);
  const person = await getPersonForAdmin(certificate.userId);
  return {
    title: `${t("certificates.reissue.title")} – ${t("app.titleSuffix")}`,
    certificate: { code: certificate.code, holderName: certificate.holderName, unitName: certificate.unitName ?? "", courseTitle: certificate.courseTitle },
    // The fields start from what is printed; the person's record as it is
    // today is shown beside them, the usual source of a correction.
    record: { holderName: person?.fullName ?? "", unitName: person?.memberships.find((row) => !row.validTo)?.unit.name ?? "" },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:person:any");
  const t = getTranslate(request);
  const certificate = await loadValid(request, params.code);
  const form = await parseForm(request, reissueSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  const code = await reissueCertificate({ code: certificate.code, ...form.data, actorId: admin.id });
  if (!code) {
    const errors: FormErrors = { holderName: "certificates.admin.notRevocable" };
    return data({ errors, values: form.fields }, { status: 400 });
  }
  await recordAudit({
    action: "certificate.reissued",
    actorId: admin.id,
    targetType: "certificate",
    targetId: code,
    ipAddress: clientAddress(),
    detail: { previousCode: certificate.code, reason: form.data.reason },
  });
  return redirect(`/admin/certificates?code=${code}`, { headers: { "Set-Cookie": flashCookie(t("certificates.reissue.done", { code })) } });
}

export default function ReissueCertificate() {
  const { certificate, record } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <p>
        <Link to={`/admin/certificates?code=${certificate.code}`}>{t("certificates.admin.title")}</Link>
      </p>
      <ErrorSummary errors={result?.errors} fieldOrder={["holderName", "unitName", "reason"]} />
      <h1>{t("certificates.reissue.title")}</h1>
      <p className="lead">{t("certificates.reissue.lead", { code: certificate.code, course: certificate.courseTitle })}</p>
      <p>{t("certificates.reissue.printed", { name: certificate.holderName, unit: certificate.unitName || "—" })}</p>
      <p className="hint">{t("certificates.reissue.record", { name: record.holderName || "—", unit: record.unitName || "—" })}</p>
      <Form method="post" noValidate>
        <TextField name="holderName" label={t("verify.holder")} defaultValue={result?.values.holderName ?? certificate.holderName} error={result?.errors.holderName} />
        <TextField name="unitName" label={t("certificates.reissue.unit")} defaultValue={result?.values.unitName ?? certificate.unitName} error={result?.errors.unitName} />
        <TextArea name="reason" label={t("certificates.reissue.reason")} hint={t("certificates.reissue.reasonHint")} rows={3} defaultValue={result?.values.reason} error={result?.errors.reason} />
        <button type="submit" className="button">
          {t("certificates.reissue.submit")}
        </button>
      </Form>
    </div>
  );
}
