import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { getProvinceSummary } from "~/models/org-unit.server";
import { getUser } from "~/utils/auth.server";
import { sharedPageHeaders, sharedPageHeadersFromLoader } from "~/utils/shared-page.server";

// Public: the home page is open to everyone, signed in or not. Anonymous
// visitors all see the same page: browsers and shared caches may keep it.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = getTranslate(request);
  const user = await getUser(request);
  return data(
    {
      title: `${t("app.name")} – ${t("app.tagline")}`,
      province: await getProvinceSummary(),
      welcome: user
        ? {
            name: user.fullName,
            roles: user.roles.map((role) => t(`role.${role}`)).join(", "),
          }
        : null,
    },
    { headers: user ? undefined : sharedPageHeaders(request) },
  );
}

export const headers = sharedPageHeadersFromLoader;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

const features = [
  { title: "home.features.learn.title", body: "home.features.learn.body" },
  { title: "home.features.certify.title", body: "home.features.certify.body" },
  { title: "home.features.track.title", body: "home.features.track.body" },
] as const;

export default function Home() {
  const { province, welcome } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      {welcome ? (
        <div className="notice" role="status">
          <p className="panel__title">{t("home.welcome", { name: welcome.name })}</p>
          <p>{t("home.yourRoles", { roles: welcome.roles })}</p>
        </div>
      ) : null}
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <Link className="button" to={welcome ? "/courses" : "/login?redirectTo=%2Fcourses"}>
          {t("home.browseCourses")}
        </Link>
      </section>

      <section className="panel" aria-labelledby="serving-heading">
        <h2 id="serving-heading" className="panel__heading">
          {t("home.servingHeading")}
        </h2>
        {province ? (
          <>
            <p className="panel__title">{province.name}</p>
            <ul className="stat-list">
              <li>{t("home.stats.units", { count: province.units })}</li>
              <li>{t("home.stats.departments", { count: province.departments })}</li>
              <li>{t("home.stats.localities", { count: province.localities })}</li>
            </ul>
          </>
        ) : (
          <p>{t("home.servingEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="features-heading">
        <h2 id="features-heading">{t("home.features.heading")}</h2>
        <ul className="card-grid">
          {features.map((feature) => (
            <li key={feature.title} className="card">
              <h3 className="card__title">{t(feature.title)}</h3>
              <p>{t(feature.body)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
