import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nProvider } from "./i18n/context";
import { defaultLocale, isLocale, loadMessages } from "./i18n/i18n";

// The server wrote the page's language into <html lang>, and for staff
// data-staff; fetch only that catalog (and the staff messages only for
// staff), then hydrate. The page is fully usable before this runs.
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : defaultLocale;

loadMessages(locale, { staff: document.documentElement.dataset.staff === "1" }).then((messages) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nProvider locale={locale} messages={messages}>
          <RemixBrowser />
        </I18nProvider>
      </StrictMode>,
    );
  });
});
