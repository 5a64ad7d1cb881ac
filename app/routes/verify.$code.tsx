import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CertificateSummary } from "~/components/certificate-summary";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { findCertificateByCode, findRevisionByCode, stateOf } from "~/models/certificate.server";
import { lockedUntil, recordFailure, verifyKey, verifyPolicy } from "~/models/login-throttle.server";
import { isAnonymised } from "~/models/user.server";
import { formatDate } from "~/utils/format";
import { clientAddress } from "~/utils/request-context.server";

// Public verification, no sign-in: whether the certificate is valid, revoked
// or expired, and only what is printed on it (nothing more personal).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = getTranslate(request);
  const locale = getLocale(request);
  const title = `${t("verify.title")} – ${t("app.titleSuffix")}`;
  // Unknown codes count against the address: 30 in a quarter hour and it
  // waits (codes have 50 random bits; this makes guessing hopeless).
  const key = verifyKey(clientAddress());
  const locked = await lockedUntil([key]);
  if (locked) return data({ title, found: null, locked: true }, { status: 429 });
  const code = (params.code ?? "").slice(0, 32);
  const certificate = await findCertificateByCode({ code });
  if (!certificate) {
    // An earlier code of a re-issued certificate: replaced, not unknown.
    const revision = await findRevisionByCode({ code });
    if (revision) {
      // Replaced, unless what replaced it has since been revoked: then that is the news.
      const revokedAt = revision.certificate.revokedAt;
      const anonymised = await isAnonymised({ userId: revision.certificate.userId });
      return {
        title,
        locked: false,
        found: {
          code: revision.code,
          // Revoked is the news that matters most, even once the holder is anonymous.
          state: revokedAt ? ("revoked" as const) : anonymised ? ("anonymised" as const) : ("replaced" as const),
          holderName: revision.holderName,
          courseTitle: revision.courseTitle,
          completedOn: formatDate(locale, revision.certificate.completedOn),
          issuerName: revision.issuerName,
          revokedAt: revokedAt ? formatDate(locale, revokedAt) : null,
          replacedAt: formatDate(locale, revision.replacedAt),
          expiresOn: null,
        },
      };
    }
    await recordFailure(key, verifyPolicy);
    return data({ title, found: null, locked: false }, { status: 404 });
  }
  return {
    title,
    locked: false,
    found: {
      code: certificate.code,
      // The holder had their data deleted (ADR 026): the completion stays a
      // fact, but the page can no longer vouch for who holds the paper. A
      // revocation still shows as one: that is what a checker must learn.
      state: !certificate.revokedAt && (await isAnonymised({ userId: certificate.userId })) ? ("anonymised" as const) : stateOf(certificate),
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      completedOn: formatDate(locale, certificate.completedOn),
      issuerName: certificate.issuerName,
      revokedAt: certificate.revokedAt ? formatDate(locale, certificate.revokedAt) : null,
      replacedAt: null,
      expiresOn: certificate.expiresOn ? formatDate(locale, certificate.expiresOn) : null,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }, { name: "robots", content: "noindex" }];

export default function VerifyCode() {
  const { found, locked } = useLoaderData<typeof loader>();
  const t = useT();
  if (!found) {
    return (
      <div className="narrow">
        <h1>{t("verify.title")}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{locked ? t("verify.tooMany") : t("verify.unknown")}</p>
        </div>
        <Link to="/verify">{t("verify.again")}</Link>
      </div>
    );
  }
  const tone = found.state === "valid" ? "notice--success" : "notice--warning";
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <div className={`notice ${tone}`} role="status">
        <p className="panel__title">{t(`verify.state.${found.state}`, { date: found.revokedAt ?? found.replacedAt ?? found.expiresOn ?? "" })}</p>
      </div>
      <CertificateSummary holderName={found.holderName} courseTitle={found.courseTitle} completedOn={found.completedOn}>
        <div>
          <dt>{t("verify.issuer")}</dt>
          <dd>{found.issuerName}</dd>
        </div>
        <div>
          <dt>{t("verify.code")}</dt>
          <dd>{found.code}</dd>
        </div>
        {found.expiresOn ? (
          <div>
            <dt>{t("verify.expiresOn")}</dt>
            <dd>{found.expiresOn}</dd>
          </div>
        ) : null}
      </CertificateSummary>
    </div>
  );
}
