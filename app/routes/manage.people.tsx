import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PeopleList } from "~/components/people-list";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { PEOPLE_PAGE_SIZE, searchPeople } from "~/models/person.server";
import { requirePermission } from "~/utils/auth.server";

// Managers: the people of the units they manage, subtrees included.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:person:scope");
  const t = getTranslate(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const unitIds = await listSubtreeUnitIds(user.managerScopeUnitIds);
  const result = await searchPeople({ query, unitIds });
  return { title: `${t("people.manageTitle")} – ${t("app.titleSuffix")}`, query, pageSize: PEOPLE_PAGE_SIZE, ...result };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function ManagePeople() {
  const { query, total, people, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  return <PeopleList title={t("people.manageTitle")} pageSize={pageSize} query={query} total={total} people={people} />;
}
