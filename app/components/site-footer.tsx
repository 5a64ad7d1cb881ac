import { Link, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import type { loader as rootLoader } from "~/root";
import { LanguageSwitcher } from "./language-switcher";

export function SiteFooter() {
  const t = useT();
  // Absent only when the root loader itself failed.
  const year = useRouteLoaderData<typeof rootLoader>("root")?.year ?? new Date().getFullYear();
  return (
    <footer className="site-footer">
      <div className="page-width site-footer__inner">
        <p className="site-footer__about">{t("layout.footer.about")}</p>
        <p>
          <Link to="/privacy">{t("privacy.footerLink")}</Link>
        </p>
        <LanguageSwitcher />
        <p className="site-footer__copyright">
          {t("layout.footer.copyright", { year: String(year) })}
        </p>
      </div>
    </footer>
  );
}
