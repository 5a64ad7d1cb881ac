import { Link, NavLink } from "@remix-run/react";
import { useT } from "~/i18n/context";

export function SiteHeader() {
  const t = useT();
  return (
    <header className="site-header">
      <div className="official-banner">
        <p className="page-width">{t("layout.officialBanner")}</p>
      </div>
      <div className="page-width site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__logo" aria-hidden="true">
            HS
          </span>
          <span>
            <span className="site-header__name">{t("app.name")}</span>
            <span className="site-header__tagline">{t("app.tagline")}</span>
          </span>
        </Link>
      </div>
      <nav className="site-nav" aria-label={t("layout.mainNav")}>
        <ul className="page-width site-nav__list">
          <li>
            <NavLink to="/" end className="site-nav__link">
              {t("layout.nav.home")}
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
