import { z } from "zod";
import { targetText } from "~/components/assignment-text";
import type { Translate } from "~/i18n/i18n";
import { getTranslate } from "~/i18n/translate.server";
import { listRuleChoices } from "~/models/assignment.server";
import { listCompetencyAreaChoices } from "~/models/competency.server";
import type { CompletionFilters } from "~/models/completion-report.server";
import { listPublishedCourseChoices } from "~/models/course-version.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { requireAnyPermission, type SignedIn } from "~/utils/auth.server";
import { dayOf } from "~/utils/format";
import { isUuid } from "~/utils/ids";
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

const DAY = 24 * 60 * 60 * 1000;
const EARLIEST_DAY = Date.UTC(2020, 0, 1);

const staffCategories = ["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const;

/** A report's filters, from its address (GET: bookmarkable, no JavaScript needed). Anything unreadable is dropped. */
const reportFiltersSchema = z.object({
  // A real calendar day (not 30 February) from 2020 to a year ahead: HR's
  // questions, and nothing that would freeze decades of empty months.
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    })
    .transform((text) => new Date(`${text}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()) && date.getTime() >= EARLIEST_DAY && date.getTime() <= dayOf(new Date()).getTime() + 366 * DAY)
    .catch(() => dayOf(new Date())),
  courseId: z.uuid().optional().catch(undefined),
  assignmentId: z.uuid().optional().catch(undefined),
  areaId: z.uuid().optional().catch(undefined),
  staffCategory: z.enum(staffCategories).optional().catch(undefined),
  /** The people list: only those with a requirement in this state. */
  status: z.enum(["done", "overdue", "due"]).optional().catch(undefined),
  /** The trend's first month ("2026-01"); by default the twelve months up to the day. */
  from: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  unit: z.uuid().optional().catch(undefined),
});

export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** The model's filters for these units (null: the whole province). */
export function completionFilters(filters: ReportFilters, scopeUnitIds: string[] | null): CompletionFilters {
  return { asOf: filters.asOf, scopeUnitIds, courseId: filters.courseId, assignmentId: filters.assignmentId, areaId: filters.areaId, staffCategory: filters.staffCategory };
}

/** How many months the trend covers: from `from` to the day, between 1 and 24; 12 without `from`. */
export function trendMonths(filters: ReportFilters) {
  if (!filters.from) return 12;
  const [year, month] = filters.from.split("-").map(Number) as [number, number];
  const months = (filters.asOf.getUTCFullYear() - year) * 12 + (filters.asOf.getUTCMonth() + 1 - month) + 1;
  return Math.min(24, Math.max(1, months));
}

/** The filters in an address's query (the page's, or one kept with a background export). */
export function parseReportFilters(params: URLSearchParams) {
  return reportFiltersSchema.parse(Object.fromEntries(params));
}

/**
 * The guard of every report page and export: who may see reports, which
 * units, and the filters asked for. A unit outside the scope is a 404 here,
 * once, for every page and table (some tables do not read `unit`: an
 * address naming someone else's unit still answers nothing).
 */
export async function requireReport(request: Request) {
  const user = await requireAnyPermission(request, ["read:report:scope", "read:report:any"]);
  const url = new URL(request.url);
  const filters = parseReportFilters(url.searchParams);
  const scope = await reportScope(user);
  if (filters.unit && !inScope(scope, filters.unit)) throw new Response(getTranslate(request)("reports.unitNotFound"), { status: 404 });
  return { user, url, filters, scope };
}

/**
 * The filter form's choices: courses, competency areas, and, once a course
 * is chosen, the rules for it the viewer may see (a province has hundreds).
 */
export async function reportChoices(scope: string[] | null, courseId: string | undefined, t: Translate) {
  const [courses, areas, rules] = await Promise.all([
    listPublishedCourseChoices(),
    listCompetencyAreaChoices(),
    courseId ? listRuleChoices({ scopeUnitIds: scope, courseId }) : [],
  ]);
  return {
    courseChoices: courses.map((course) => ({ value: course.id, label: course.title })),
    areaChoices: areas.map((area) => ({ value: area.id, label: `${area.code}. ${area.name}` })),
    ruleChoices: rules.map((rule) => ({
      value: rule.id,
      label: `${targetText(t, { ...rule, dueDate: null })}${rule.removedAt ? ` (${t("reports.ruleRemoved")})` : ""}`,
    })),
  };
}

/** The overdue list's page cursor ("2026-03-01_<requirement id>"), or undefined when absent or unreadable. */
export function parseOverdueCursor(text: string | null) {
  const match = text?.match(/^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/);
  if (!match || !isUuid(match[2])) return undefined;
  const dueOn = new Date(`${match[1]}T00:00:00Z`);
  return Number.isNaN(dueOn.getTime()) ? undefined : { dueOn, requirementId: match[2]! };
}
