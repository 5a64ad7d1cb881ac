import { dayOf, formatShortDay } from "~/utils/format";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import type { FormErrors } from "~/components/form";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { listUnitChoices } from "~/models/org-unit.server";
import { grantRole, PersonRuleError, revokeRole, setPersonStatus, setQuizExtraTime, updatePerson } from "~/models/user.server";
import { requestPasswordReset } from "~/services/password-reset.server";
import { findPersonOr404 } from "~/services/person-admin.server";
import { requirePermission } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { extraTimeSchema, grantSchema, personSchema, revokeSchema, sendResetSchema, statusSchema } from "~/validation/people";
import { needsPrivacyNotice } from "~/utils/privacy";
import { PersonPage } from "./person-page";

// Admins: one person — details, unit (with history), roles, account.


export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:person:any");
  const person = await findPersonOr404(request, params.userId);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const day = (date: Date) => formatShortDay(locale, date);
  return {
    title: `${person.fullName} – ${t("app.titleSuffix")}`,
    person: {
      ...person,
      anonymisedOn: person.anonymisedAt ? day(person.anonymisedAt) : null,
      consented: !needsPrivacyNotice(person.privacyNoticeVersion),
      unitId: person.memberships.find((membership) => !membership.validTo)?.unit.id ?? "",
      history: person.memberships.map((membership) => ({
        id: membership.id,
        unit: `${membership.unit.name} (${membership.unit.code})`,
        period: membership.validTo
          ? t("person.between", { from: day(membership.validFrom), to: day(membership.validTo) })
          : t("person.since", { from: day(membership.validFrom) }),
      })),
    },
    units: await listUnitChoices(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:person:any");
  const person = await findPersonOr404(request, params.userId);
  const t = getTranslate(request);
  const intent = (await request.clone().formData().catch(() => new FormData())).get("intent");
  const audit = { actorId: admin.id, targetType: "user", targetId: person.id, ipAddress: clientAddress() };
  const done = (message: string) => redirect(`/admin/people/${person.id}`, { headers: { "Set-Cookie": flashCookie(message) } });
  const refused = (errors: FormErrors) => data({ errors }, { status: 400 });
  // An anonymised person stays anonymous: no new name, address, role or reset link.
  if (person.anonymisedAt) return refused({ form: "person.anonymisedLocked" });

  try {
    if (intent === "update") {
      const form = await parseForm(request, personSchema);
      if (!form.ok) return refused(form.errors);
      const { intent: _intent, ...fields } = form.data;
      await updatePerson({ userId: person.id, ...fields, day: dayOf(new Date()) });
      await recordAudit({ action: "person.updated", ...audit, detail: fields });
      return done(t("person.saved", { name: fields.fullName }));
    }
    if (intent === "status") {
      const form = await parseForm(request, statusSchema);
      if (!form.ok) return refused(form.errors);
      await setPersonStatus({ userId: person.id, status: form.data.status });
      await recordAudit({ action: form.data.status === "DISABLED" ? "person.disabled" : "person.enabled", ...audit });
      return done(t(form.data.status === "DISABLED" ? "person.disabled" : "person.enabled"));
    }
    if (intent === "extra-time") {
      const form = await parseForm(request, extraTimeSchema);
      if (!form.ok) return refused(form.errors);
      await setQuizExtraTime({ userId: person.id, percent: form.data.percent });
      await recordAudit({ action: "person.extraTime", ...audit, detail: { percent: form.data.percent } });
      return done(t("person.extraTimeSaved", { percent: form.data.percent }));
    }
    if (intent === "grant") {
      const form = await parseForm(request, grantSchema);
      if (!form.ok) return refused(form.errors);
      await grantRole({ userId: person.id, role: form.data.role, scopeUnitId: form.data.scopeUnitId, grantedById: admin.id });
      await recordAudit({ action: "role.granted", ...audit, detail: { role: form.data.role, scopeUnitId: form.data.scopeUnitId } });
      return done(t("person.granted"));
    }
    if (intent === "revoke") {
      const form = await parseForm(request, revokeSchema);
      if (!form.ok) return refused(form.errors);
      if (!(await revokeRole({ userId: person.id, grantId: form.data.grantId }))) throw new Response(t("error.notFound.title"), { status: 404 });
      await recordAudit({ action: "role.revoked", ...audit, detail: { grantId: form.data.grantId } });
      return done(t("person.revoked"));
    }
    if (intent === "send-reset") {
      const form = await parseForm(request, sendResetSchema);
      if (!form.ok) return refused(form.errors);
      await requestPasswordReset({ email: person.email, baseUrl: publicBaseUrl(), ipAddress: clientAddress(), t });
      return done(t("person.resetSent", { email: person.email }));
    }
  } catch (error) {
    if (error instanceof PersonRuleError) {
      if (error.key === "person.anonymisedLocked") return refused({ form: error.key });
      const field =
        error.key === "people.error.unitUnknown"
          ? intent === "grant" ? "scopeUnitId" : "unitId"
          : intent === "grant" ? "role" : error.key === "people.error.codeTaken" ? "employeeCode" : "email";
      return refused({ [field]: error.key });
    }
    throw error;
  }
  return refused({ form: "error.badRequest.body" });
}

export default PersonPage;
