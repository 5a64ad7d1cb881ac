import { useT } from "~/i18n/context";
import { LanguageSwitcher } from "./language-switcher";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="page-width site-footer__inner">
        <p className="site-footer__about">{t("layout.footer.about")}</p>
        <LanguageSwitcher />
        <p className="site-footer__copyright">
          {t("layout.footer.copyright", { year: String(new Date().getFullYear()) })}
        </p>
      </div>
    </footer>
  );
}
