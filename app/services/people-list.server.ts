import { peopleFiltersSchema } from "~/validation/people-filters";
import { listSubtreeUnitIds, listUnitChoices } from "~/models/org-unit.server";
import { searchPeople } from "~/models/person.server";

/**
 * The people list for a request: filters from the query string, narrowed to
 * `scopeUnitIds` (a manager's units and their subtrees; null for admins).
 */
export async function findPeopleForList(request: Request, scopeRootIds: string[] | null) {
  const filters = peopleFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = scopeRootIds ? new Set(await listSubtreeUnitIds(scopeRootIds)) : null;
  const units = (await listUnitChoices()).filter((unit) => !scope || scope.has(unit.id));
  // A unit filter covers that unit's subtree, never beyond the scope.
  const chosen = filters.unit && units.some((unit) => unit.id === filters.unit) ? await listSubtreeUnitIds([filters.unit]) : null;
  const unitIds = chosen ? chosen.filter((id) => !scope || scope.has(id)) : scope ? [...scope] : null;
  const result = await searchPeople({
    query: filters.q,
    unitIds,
    role: filters.role,
    status: filters.status,
    staffCategory: filters.category,
  });
  return { filters, units, ...result };
}
