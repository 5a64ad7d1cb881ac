import { Form, Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import type { loader as rootLoader } from "~/root";
import { navigationFor } from "./navigation";

export function SiteHeader() {
  const t = useT();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
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
        <div className="site-header__account">
          {user ? (
            <>
              <span className="site-header__user">{t("nav.signedInAs", { name: user.fullName })}</span>
              <Link to="/notifications" className="header-link">
                {user.unread ? t("nav.notificationsUnread", { count: user.unread }) : t("nav.notifications")}
              </Link>
              <Form method="post" action="/logout" reloadDocument>
                <button type="submit" className="header-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="header-button">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
      <nav className="site-nav" aria-label={t("layout.mainNav")}>
        <ul className="page-width site-nav__list">
          {navigationFor(user).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="site-nav__link">
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
