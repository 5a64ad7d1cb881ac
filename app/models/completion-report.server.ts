import { Prisma, type StaffCategory } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

// Completion of assigned training, by unit, as of a day: the numbers HR
// reports. Each requirement (a person's period under a training rule) counts
// in the unit the person belonged to on that day (dated membership), so a
// past month's figures stay what they were after people move. A requirement
// is done when a completion made by that day is still valid (recurring
// rules: it lasts `recurrence_months`), overdue when not done and its due
// day has passed, due otherwise. Units' figures roll up the tree: a
// department's include its offices'.

export type CompletionCounts = { assigned: number; done: number; overdue: number; due: number };
export type UnitCompletion = {
  unitId: string;
  parentId: string | null;
  code: string;
  name: string;
  /** Requirements of people in this unit itself. */
  own: CompletionCounts;
  /** This unit and everything below it. */
  total: CompletionCounts;
};

export type CompletionFilters = {
  /** The day the figures are for (a calendar day, UTC midnight as DATE columns hold it). */
  asOf: Date;
  /** Only these units and everything below them (a manager's scope); null: the whole province. */
  scopeUnitIds: string[] | null;
  courseId?: string;
  assignmentId?: string;
  staffCategory?: StaffCategory;
};

const zero = (): CompletionCounts => ({ assigned: 0, done: 0, overdue: 0, due: 0 });

/**
 * Every requirement in force on the day, with the unit its person was in
 * and whether it was done by then: the one definition both the counts and
 * the drill-down list read.
 */
function requirementsOn({ asOf, scopeUnitIds, courseId, assignmentId, staffCategory }: CompletionFilters) {
  const scope = scopeUnitIds === null ? Prisma.sql`TRUE` : Prisma.sql`m.unit_id = ANY(${scopeUnitIds}::uuid[])`;
  const course = courseId ? Prisma.sql`a.course_id = ${courseId}::uuid` : Prisma.sql`TRUE`;
  const rule = assignmentId ? Prisma.sql`a.id = ${assignmentId}::uuid` : Prisma.sql`TRUE`;
  const category = staffCategory ? Prisma.sql`u.staff_category = ${staffCategory}::staff_category` : Prisma.sql`TRUE`;
  return Prisma.sql`
    SELECT m.unit_id, pa.user_id, a.course_id, pa.due_on, last_done.completed_at,
           (last_done.completed_at IS NOT NULL AND (a.recurrence_months IS NULL
             OR (last_done.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh' + make_interval(months => a.recurrence_months))::date > pa.assigned_on)) AS done
      FROM person_assignment pa
      JOIN assignment a ON a.id = pa.assignment_id
      JOIN app_user u ON u.id = pa.user_id
      JOIN unit_membership m ON m.user_id = pa.user_id AND m.valid_from <= ${asOf}::date AND (m.valid_to IS NULL OR m.valid_to > ${asOf}::date)
      LEFT JOIN LATERAL (
        SELECT max(e.completed_at) AS completed_at FROM enrolment e
         WHERE e.user_id = pa.user_id AND e.course_id = a.course_id AND e.status = 'COMPLETED'
           AND (e.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${asOf}::date
      ) last_done ON TRUE
     WHERE pa.assigned_on <= ${asOf}::date AND (pa.ended_on IS NULL OR pa.ended_on > ${asOf}::date)
       AND ${scope} AND ${course} AND ${rule} AND ${category}`;
}

/** Counts per unit of the people in it on the day; one query, whatever the province's size. */
async function countsByUnit(filters: CompletionFilters) {
  return prisma.$queryRaw<{ unit_id: string; assigned: number; done: number; overdue: number }[]>`
    WITH requirement AS (${requirementsOn(filters)})
    SELECT unit_id::text AS unit_id, count(*)::int AS assigned,
           count(*) FILTER (WHERE done)::int AS done,
           count(*) FILTER (WHERE NOT done AND due_on < ${filters.asOf}::date)::int AS overdue
      FROM requirement GROUP BY unit_id`;
}

const totalsSql = (filters: CompletionFilters) => Prisma.sql`
  WITH requirement AS (${requirementsOn(filters)})
  SELECT count(*)::int AS assigned, count(*) FILTER (WHERE done)::int AS done,
         count(*) FILTER (WHERE NOT done AND due_on < ${filters.asOf}::date)::int AS overdue
    FROM requirement`;

const withDue = ({ assigned, done, overdue }: { assigned: number; done: number; overdue: number }): CompletionCounts => ({ assigned, done, overdue, due: assigned - done - overdue });

/** Completion per course across the scope, the courses with most assigned first. */
export async function completionByCourse(filters: CompletionFilters) {
  const rows = await prisma.$queryRaw<{ course_id: string; title: string; assigned: number; done: number; overdue: number }[]>`
    WITH requirement AS (${requirementsOn(filters)})
    SELECT r.course_id::text AS course_id, coalesce(v.title, c.slug) AS title, count(*)::int AS assigned,
           count(*) FILTER (WHERE r.done)::int AS done,
           count(*) FILTER (WHERE NOT r.done AND r.due_on < ${filters.asOf}::date)::int AS overdue
      FROM requirement r JOIN course c ON c.id = r.course_id LEFT JOIN course_version v ON v.id = c.published_version_id
     GROUP BY r.course_id, v.title, c.slug
     ORDER BY count(*) DESC, title`;
  return rows.map((row) => ({ courseId: row.course_id, title: row.title, counts: withDue(row) }));
}

/** The last day of each of the `months` months up to `until`'s, `until` itself for its own month. */
export function monthEnds(until: Date, months: number): Date[] {
  return Array.from({ length: months }, (_, index) => {
    const back = months - 1 - index;
    const end = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - back + 1, 0));
    return end.getTime() > until.getTime() ? until : end;
  });
}

/**
 * The scope's totals at the end of each month: the trend. Each month counts
 * people in the units they were in then. One query per month for now; the
 * summary tables of ADR 021 will serve this at national scale.
 */
export async function completionTrend(filters: CompletionFilters & { months: number }) {
  const trend = [];
  for (const asOf of monthEnds(filters.asOf, filters.months)) {
    const [row] = await prisma.$queryRaw<{ assigned: number; done: number; overdue: number }[]>(totalsSql({ ...filters, asOf }));
    trend.push({ asOf, counts: withDue(row ?? { assigned: 0, done: 0, overdue: 0 }) });
  }
  return trend;
}

/**
 * Every unit in scope with its own and rolled-up counts, in tree order
 * (parents before children). Units that no longer exist as live units keep
 * their rows when people were in them on the day.
 */
export async function completionByUnit(filters: CompletionFilters): Promise<UnitCompletion[]> {
  const [counts, units] = await Promise.all([
    countsByUnit(filters),
    prisma.orgUnit.findMany({
      select: { id: true, parentId: true, code: true, name: true },
      where: filters.scopeUnitIds === null ? {} : { id: { in: filters.scopeUnitIds } },
      orderBy: { code: "asc" },
    }),
  ]);
  const byUnit = new Map(counts.map((row) => [row.unit_id, row]));
  const rows = new Map<string, UnitCompletion>(
    units.map((unit) => {
      const own = byUnit.get(unit.id);
      const counted = own ? { assigned: own.assigned, done: own.done, overdue: own.overdue, due: own.assigned - own.done - own.overdue } : zero();
      return [unit.id, { unitId: unit.id, parentId: unit.parentId, code: unit.code, name: unit.name, own: counted, total: { ...counted } }];
    }),
  );
  // Roll up: each unit's own counts are added to every ancestor in scope.
  for (const row of rows.values()) {
    for (let parent = row.parentId ? rows.get(row.parentId) : undefined; parent; parent = parent.parentId ? rows.get(parent.parentId) : undefined) {
      for (const key of ["assigned", "done", "overdue", "due"] as const) parent.total[key] += row.own[key];
    }
  }
  // Tree order: roots (no parent in scope) first, each followed by its children.
  const children = new Map<string | null, UnitCompletion[]>();
  for (const row of rows.values()) {
    const parent = row.parentId && rows.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: UnitCompletion[] = [];
  const visit = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(row);
      visit(row.unitId);
    }
  };
  visit(null);
  return ordered;
}

/** Done as a share of assigned, in whole percent; null when nothing is assigned. */
export function completionRate(counts: CompletionCounts): number | null {
  return counts.assigned ? Math.floor((counts.done / counts.assigned) * 100) : null;
}

export type RequirementRow = {
  userId: string;
  fullName: string;
  courseTitle: string;
  dueOn: Date;
  completedAt: Date | null;
  status: "done" | "overdue" | "due";
};

/** The requirements of the people in one unit (not below it) on the day, for drill-down. */
export async function requirementsInUnit({ unitId, ...filters }: Omit<CompletionFilters, "scopeUnitIds"> & { unitId: string }) {
  const rows = await prisma.$queryRaw<{ user_id: string; full_name: string; course_title: string; due_on: Date; completed_at: Date | null; done: boolean }[]>`
    WITH requirement AS (${requirementsOn({ ...filters, scopeUnitIds: [unitId] })})
    SELECT r.user_id::text AS user_id, u.full_name, coalesce(v.title, c.slug) AS course_title, r.due_on, r.completed_at, r.done
      FROM requirement r
      JOIN app_user u ON u.id = r.user_id
      JOIN course c ON c.id = r.course_id
      LEFT JOIN course_version v ON v.id = c.published_version_id
     ORDER BY u.sort_name, course_title`;
  return rows.map(
    (row): RequirementRow => ({
      userId: row.user_id,
      fullName: row.full_name,
      courseTitle: row.course_title,
      dueOn: row.due_on,
      completedAt: row.done ? row.completed_at : null,
      status: row.done ? "done" : row.due_on.getTime() < filters.asOf.getTime() ? "overdue" : "due",
    }),
  );
}
