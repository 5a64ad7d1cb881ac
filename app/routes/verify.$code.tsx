import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { findCertificateByCode, stateOf } from "~/models/certificate.server";
import { formatDate } from "~/utils/format";

// Public verification, no sign-in: whether the certificate is valid, revoked
// or expired, and only what is printed on it (nothing more personal).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = getTranslate(request);
  const locale = getLocale(request);
  const certificate = await findCertificateByCode({ code: (params.code ?? "").slice(0, 32) });
  const title = `${t("verify.title")} – ${t("app.titleSuffix")}`;
  if (!certificate) return data({ title, found: null }, { status: 404 });
  return {
    title,
    found: {
      code: certificate.code,
      state: stateOf(certificate),
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      completedOn: formatDate(locale, certificate.completedOn),
      issuerName: certificate.issuerName,
      revokedAt: certificate.revokedAt ? formatDate(locale, certificate.revokedAt) : null,
      expiresOn: certificate.expiresOn ? formatDate(locale, certificate.expiresOn) : null,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }, { name: "robots", content: "noindex" }];

export default function VerifyCode() {
  const { found } = useLoaderData<typeof loader>();
  const t = useT();
  if (!found) {
    return (
      <div className="narrow">
        <h1>{t("verify.title")}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{t("verify.unknown")}</p>
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
        <p className="panel__title">{t(`verify.state.${found.state}`, { date: found.revokedAt ?? found.expiresOn ?? "" })}</p>
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t("verify.holder")}</dt>
          <dd>{found.holderName}</dd>
        </div>
        <div>
          <dt>{t("verify.course")}</dt>
          <dd>{found.courseTitle}</dd>
        </div>
        <div>
          <dt>{t("verify.completedOn")}</dt>
          <dd>{found.completedOn}</dd>
        </div>
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
      </dl>
    </div>
  );
}
