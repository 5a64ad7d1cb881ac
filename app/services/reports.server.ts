import { z } from "zod";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { requireAnyPermission, type SignedIn } from "~/utils/auth.server";
import { dayOf } from "~/utils/format";
import { can } from "~/utils/permissions";

// Who sees which units in reports: an administrator all of them; a manager
// the units they look after and everything below them. Every report query
// takes this scope; a unit outside it is a 404, never an empty page.

/** The units a person may report on: null = the whole province. */
async function reportScope(user: SignedIn): Promise<string[] | null> {
  if (can(user, "read:report:any")) return null;
  return listSubtreeUnitIds(user.managerScopeUnitIds);
}

export const inScope = (scope: string[] | null, unitId: string) => scope === null || scope.includes(unitId);

const staffCategories = ["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const;

/** A report's filters, from its address (GET: bookmarkable, no JavaScript needed). Anything unreadable is dropped. */
const reportFiltersSchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .transform((text) => new Date(`${text}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()))
    .catch(() => dayOf(new Date())),
  courseId: z.uuid().optional().catch(undefined),
  staffCategory: z.enum(staffCategories).optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
});

function reportFilters(url: URL) {
  return reportFiltersSchema.parse(Object.fromEntries(url.searchParams));
}

/** The guard of every report page and export: who may see reports, which units, and the filters asked for. */
export async function requireReport(request: Request) {
  const user = await requireAnyPermission(request, ["read:report:scope", "read:report:any"]);
  const url = new URL(request.url);
  return { url, filters: reportFilters(url), scope: await reportScope(user) };
}
