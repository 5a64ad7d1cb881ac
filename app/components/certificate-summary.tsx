import type { ReactNode } from "react";
import { useT } from "~/i18n/context";

// What a certificate says, as a summary list: the public verification page
// and the administrators' page show the same facts the same way.
export function CertificateSummary({ holderName, courseTitle, completedOn, children }: { holderName: string; courseTitle: string; completedOn: string; children?: ReactNode }) {
  const t = useT();
  return (
    <dl className="summary-list">
      <div>
        <dt>{t("verify.holder")}</dt>
        <dd>{holderName}</dd>
      </div>
      <div>
        <dt>{t("verify.course")}</dt>
        <dd>{courseTitle}</dd>
      </div>
      <div>
        <dt>{t("verify.completedOn")}</dt>
        <dd>{completedOn}</dd>
      </div>
      {children}
    </dl>
  );
}
