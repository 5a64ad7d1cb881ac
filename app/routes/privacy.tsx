import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { listPrivacyConsents, recordPrivacyConsent } from "~/models/privacy-consent.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { needsPrivacyNotice, PRIVACY_NOTICE_DATE, PRIVACY_NOTICE_VERSION } from "~/utils/privacy";
import { safeRedirectPath } from "~/utils/redirect";
import { clientAddress } from "~/utils/request-context.server";
import { clearSessionCookie } from "~/utils/session-cookie.server";
import { invalidateSession } from "~/utils/session.server";
import { privacyDecisionSchema } from "~/validation/privacy";

// The privacy notice (ADR 026). Anyone may read it. A signed-in person who
// has not accepted the current version is sent here from every page
// (app/utils/auth.server.ts) and answers with a plain form: accept and go on
// to where they were going, or decline and be signed out with the reasons.

export async function loader({ request }: LoaderFunctionArgs) {
  // Open to everyone: the notice is public, and this page is the one a
  // person who has not accepted it can reach.
  const user = await getUser(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const env = getEnv();
  const url = new URL(request.url);
  const accepted = user ? (await listPrivacyConsents({ userId: user.id })).find((row) => row.noticeVersion === PRIVACY_NOTICE_VERSION) : undefined;
  return {
    title: `${t("privacy.title")} – ${t("app.titleSuffix")}`,
    version: PRIVACY_NOTICE_VERSION,
    date: formatDate(locale, new Date(`${PRIVACY_NOTICE_DATE}T00:00:00Z`)),
    controller: env.CERT_ISSUER_NAME,
    contact: env.PRIVACY_CONTACT_EMAIL,
    sessionDays: env.SESSION_DAYS,
    auditDays: env.AUDIT_LOG_RETENTION_DAYS,
    state: !user ? ("anonymous" as const) : needsPrivacyNotice(user.privacyNoticeVersion) ? ("pending" as const) : ("accepted" as const),
    acceptedOn: accepted ? formatDate(locale, accepted.acceptedAt) : null,
    declined: !user && url.searchParams.get("declined") === "1",
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo")),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await parseForm(request, privacyDecisionSchema);
  if (!form.ok) throw new Response(getTranslate(request)("error.badRequest.body"), { status: 400 });
  const audit = { actorId: user.id, targetType: "user", targetId: user.id, ipAddress: clientAddress() };
  if (form.data.intent === "decline") {
    await invalidateSession(user.sessionId);
    await recordAudit({ action: "privacy.declined", ...audit, detail: { version: PRIVACY_NOTICE_VERSION } });
    return redirect("/privacy?declined=1", { headers: { "Set-Cookie": clearSessionCookie(request) } });
  }
  // A page from before (or after) the notice changed: show the one in force.
  if (form.data.version !== PRIVACY_NOTICE_VERSION) {
    const url = new URL(request.url);
    return redirect(url.pathname + url.search);
  }
  if (await recordPrivacyConsent({ userId: user.id, noticeVersion: PRIVACY_NOTICE_VERSION })) {
    await recordAudit({ action: "privacy.accepted", ...audit, detail: { version: PRIVACY_NOTICE_VERSION } });
  }
  return redirect(safeRedirectPath(form.data.redirectTo));
}

export default function Privacy() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      {data.declined ? (
        <div className="notice notice--warning" role="status">
          <h2 className="panel__title">{t("privacy.declined.title")}</h2>
          <p>{t("privacy.declined.body", { email: data.contact })}</p>
        </div>
      ) : null}
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      <p className="hint">{t("privacy.version", { version: data.version, date: data.date })}</p>
      {data.state === "accepted" ? (
        <div className="notice notice--success">
          <p>{data.acceptedOn ? t("privacy.accepted", { version: data.version, date: data.acceptedOn }) : t("privacy.thanks")}</p>
          <p>
            <a href="/account/data.json" download>
              {t("privacy.data.download")}
            </a>
          </p>
        </div>
      ) : null}

      <h2>{t("privacy.who.title")}</h2>
      <p>{t("privacy.who.body", { controller: data.controller })}</p>

      <h2>{t("privacy.held.title")}</h2>
      <ul>
        <li>{t("privacy.held.profile")}</li>
        <li>{t("privacy.held.learning")}</li>
        <li>{t("privacy.held.quizzes")}</li>
        <li>{t("privacy.held.certificates")}</li>
        <li>{t("privacy.held.technical")}</li>
      </ul>

      <h2>{t("privacy.why.title")}</h2>
      <p>{t("privacy.why.body")}</p>

      <h2>{t("privacy.see.title")}</h2>
      <ul>
        <li>{t("privacy.see.you")}</li>
        <li>{t("privacy.see.managers")}</li>
        <li>{t("privacy.see.trainers")}</li>
        <li>{t("privacy.see.admins")}</li>
        <li>{t("privacy.see.public")}</li>
      </ul>

      <h2>{t("privacy.keep.title")}</h2>
      <ul>
        <li>{t("privacy.keep.records")}</li>
        <li>{t("privacy.keep.sessions", { days: data.sessionDays })}</li>
        <li>{t("privacy.keep.audit", { days: data.auditDays })}</li>
      </ul>

      <h2>{t("privacy.rights.title")}</h2>
      <ul>
        <li>{t("privacy.rights.know")}</li>
        <li>
          {data.state === "anonymous" ? t("privacy.rights.download") : <Link to="/account/sessions">{t("privacy.rights.download")}</Link>}
        </li>
        <li>{t("privacy.rights.correct")}</li>
        <li>{t("privacy.rights.delete")}</li>
        <li>{t("privacy.rights.complain")}</li>
      </ul>

      <h2>{t("privacy.contact.title")}</h2>
      <p>{t("privacy.contact.body", { email: data.contact })}</p>

      {data.state === "pending" ? (
        <>
          <h2>{t("privacy.decide.title")}</h2>
          <p>{t("privacy.decide.body")}</p>
          {/* A whole new page after either answer: the header and the staff messages follow the new state. */}
          <Form method="post" reloadDocument className="inline-row">
            <input type="hidden" name="version" value={data.version} />
            <input type="hidden" name="redirectTo" value={data.redirectTo} />
            <button type="submit" name="intent" value="accept" className="button">
              {t("privacy.accept")}
            </button>
            <button type="submit" name="intent" value="decline" className="button button--secondary">
              {t("privacy.decline")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
