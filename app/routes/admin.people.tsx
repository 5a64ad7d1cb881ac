import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PeopleList } from "~/components/people-list";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { PEOPLE_PAGE_SIZE } from "~/models/person.server";
import { findPeopleForList } from "~/services/people-list.server";
import { requirePermission } from "~/utils/auth.server";

// Admins: everyone in the province.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:person:any");
  const t = getTranslate(request);
  const result = await findPeopleForList(request, null);
  return { title: `${t("people.title")} – ${t("app.titleSuffix")}`, pageSize: PEOPLE_PAGE_SIZE, ...result };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function AdminPeople() {
  const { filters, units, total, people, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <PeopleList
      title={t("people.title")}
      pageSize={pageSize}
      filters={filters}
      units={units}
      total={total}
      people={people}
      personHref={(id) => `/admin/people/${id}`}
      actions={
        <p>
          <Link to="/admin/people/import" className="button button--secondary">
            {t("nav.importPeople")}
          </Link>
        </p>
      }
    />
  );
}
