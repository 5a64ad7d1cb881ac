import { Form, useLocation } from "@remix-run/react";
import { useI18n } from "~/i18n/context";
import { locales } from "~/i18n/i18n";

/**
 * A plain form: works without JavaScript, and reloads the whole document so
 * that every string on the page, outside Remix's tree too, changes language.
 */
export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/language" reloadDocument className="language-switcher">
      <h2 className="language-switcher__heading">{t("layout.footer.language")}</h2>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <ul className="language-switcher__list">
        {locales.map((option) => (
          <li key={option}>
            {option === locale ? (
              <span className="language-switcher__current" aria-current="true" lang={option}>
                {t(`language.${option}`)}
              </span>
            ) : (
              <button type="submit" name="locale" value={option} lang={option} className="link-button">
                {t(`language.${option}`)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Form>
  );
}
