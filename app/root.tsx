import "./styles/fonts.css";
import "./styles/app.css";
import fontLatin400 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url";
import fontVietnamese400 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { useI18n } from "./i18n/context";
import { loadMessages } from "./i18n/i18n";
import { getTranslate } from "./i18n/translate.server";
import { getUser } from "./utils/auth.server";
import { takeFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getTranslate(request);
  const user = await getUser(request);
  // Titles for pages that fail: meta functions cannot use hooks, so the
  // server hands them over already translated.
  return {
    // The server's year, so that server and browser render the same footer
    // even on New Year's Eve in another time zone.
    year: new Date().getFullYear(),
    user: user ? { fullName: user.fullName, roles: user.roles, unread: user.unreadNotifications } : null,
    flash: takeFlash(request),
    titles: {
      site: t("app.name"),
      notFound: `${t("error.notFound.title")} – ${t("app.titleSuffix")}`,
      error: `${t("error.generic.title")} – ${t("app.titleSuffix")}`,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const titles = data?.titles;
  if (!error) return [{ title: titles?.site ?? "Học Số" }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: (notFound ? titles?.notFound : titles?.error) ?? "Học Số" }];
};

export const links: LinksFunction = () => [
  // Body text needs both subsets at once: Latin letters plus the Vietnamese
  // marks. Fetch them early so the text swaps in before it is read.
  { rel: "preload", href: fontLatin400, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  { rel: "preload", href: fontVietnamese400, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Signed in as a trainer, manager or administrator: their pages need the staff messages. */
const isStaff = (roles: readonly string[] | undefined) => Boolean(roles?.some((role) => role !== "LEARNER"));

export function Layout({ children }: { children: ReactNode }) {
  const { locale, t } = useI18n();
  const nonce = useNonce();
  const staff = isStaff(useRouteLoaderData<typeof loader>("root")?.user?.roles);
  // data-staff tells the browser to load the staff messages before hydrating (entry.client.tsx).
  return (
    <html lang={locale} data-staff={staff ? "1" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#12355b" />
        <meta name="description" content={t("app.tagline")} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          {t("layout.skipToContent")}
        </a>
        <SiteHeader />
        <main id="main-content" className="page-width main" tabIndex={-1}>
          <Flash />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The one-time message a redirect left (see utils/flash.server.ts). */
function Flash() {
  const message = useRouteLoaderData<typeof loader>("root")?.flash;
  return message ? (
    <div className="notice notice--success" role="status">
      {message}
    </div>
  ) : null;
}

export default function App() {
  return (
    <>
      <StaffMessages />
      <Outlet />
    </>
  );
}

/**
 * Someone who became staff without a page load (signing in as a trainer)
 * has a catalog without the staff messages: they are fetched then, and the
 * page shows them as soon as they come.
 */
function StaffMessages() {
  const staff = isStaff(useRouteLoaderData<typeof loader>("root")?.user?.roles);
  const { isKey, locale, addMessages } = useI18n();
  const missing = staff && !isKey("reports.title");
  useEffect(() => {
    if (missing) void loadMessages(locale, { staff: true }).then(addMessages);
  }, [missing, locale, addMessages]);
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
