import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PeopleList } from "~/components/people-list";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { PEOPLE_PAGE_SIZE } from "~/models/person.server";
import { findPeopleForList } from "~/services/people-list.server";
import { requirePermission } from "~/utils/auth.server";

// Managers: the people of the units they manage, subtrees included.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:person:scope");
  const t = getTranslate(request);
  const result = await findPeopleForList(request, user.managerScopeUnitIds);
  return { title: `${t("people.manageTitle")} – ${t("app.titleSuffix")}`, pageSize: PEOPLE_PAGE_SIZE, ...result };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function ManagePeople() {
  const { filters, units, total, people, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  return <PeopleList title={t("people.manageTitle")} pageSize={pageSize} filters={filters}
      units={units} total={total} people={people} />;
}
