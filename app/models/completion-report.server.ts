import { Prisma, type StaffCategory } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { dayOf } from "~/utils/format";

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
  /** Only courses that build a competence of this area (the digital competency framework). */
  areaId?: string;
  staffCategory?: StaffCategory;
};

/** The courses of a competency area, as SQL: the filter both sources share. */
const coursesOfArea = (areaId: string) =>
  Prisma.sql`SELECT cc.course_id FROM course_competence cc JOIN competence k ON k.id = cc.competence_id WHERE k.area_id = ${areaId}::uuid`;

const zero = (): CompletionCounts => ({ assigned: 0, done: 0, overdue: 0, due: 0 });

/**
 * Every requirement in force on the day, with the unit its person was in
 * and whether it was done by then: the one definition the figures of any
 * day, the month snapshots and the drill-down list read. (`done_on` is kept
 * by triggers: the first day a completion satisfied the period.)
 */
function requirementsOn(filters: CompletionFilters) {
  const { asOf } = filters;
  return Prisma.sql`
    SELECT pa.id, m.unit_id, pa.user_id, pa.assignment_id, a.course_id, u.staff_category, pa.due_on, pa.done_on,
           coalesce(pa.done_on <= ${asOf}::date, FALSE) AS done
      FROM person_assignment pa
      JOIN assignment a ON a.id = pa.assignment_id
      JOIN app_user u ON u.id = pa.user_id
      JOIN unit_membership m ON m.user_id = pa.user_id AND m.valid_from <= ${asOf}::date AND (m.valid_to IS NULL OR m.valid_to > ${asOf}::date)
     WHERE pa.assigned_on <= ${asOf}::date AND (pa.ended_on IS NULL OR pa.ended_on > ${asOf}::date)
       AND ${filterSql(filters)}`;
}

/** The filters on requirements `pa` of rules `a`, people `u` and memberships `m`. */
function filterSql({ scopeUnitIds, courseId, assignmentId, areaId, staffCategory }: CompletionFilters) {
  return Prisma.sql`${scopeUnitIds === null ? Prisma.sql`TRUE` : Prisma.sql`m.unit_id IN (SELECT unnest(${scopeUnitIds}::uuid[]))`}
    AND ${courseId ? Prisma.sql`a.course_id = ${courseId}::uuid` : Prisma.sql`TRUE`}
    AND ${assignmentId ? Prisma.sql`a.id = ${assignmentId}::uuid` : Prisma.sql`TRUE`}
    AND ${areaId ? Prisma.sql`a.course_id IN (${coursesOfArea(areaId)})` : Prisma.sql`TRUE`}
    AND ${staffCategory ? Prisma.sql`u.staff_category = ${staffCategory}::staff_category` : Prisma.sql`TRUE`}`;
}

/** Where a day's figures are read from (ADR 022). */
type Source = "summary" | "month" | "live";

const isToday = (asOf: Date) => asOf.getTime() === dayOf(new Date()).getTime();
const isMonthEnd = (day: Date) => day.getTime() === Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0);

/**
 * Today's figures come from completion_summary, which the triggers keep
 * current; a closed month's last day from its frozen figures (frozen now
 * if need be); any other day is counted from the requirements themselves.
 */
async function sourceFor(asOf: Date, forced?: Source): Promise<Source> {
  if (forced) return forced;
  if (isToday(asOf)) return "summary";
  if (isMonthEnd(asOf) && asOf.getTime() < dayOf(new Date()).getTime()) {
    await ensureMonths([asOf]);
    return "month";
  }
  return "live";
}

/** The filters on a summary-shaped table `s` (completion_summary, completion_month). */
function summaryWhere({ scopeUnitIds, courseId, assignmentId, areaId, staffCategory }: CompletionFilters) {
  // IN (unnest): a hash of a few hundred ids, not a scan of the array per row.
  return Prisma.sql`${scopeUnitIds === null ? Prisma.sql`TRUE` : Prisma.sql`s.unit_id IN (SELECT unnest(${scopeUnitIds}::uuid[]))`}
    AND ${courseId ? Prisma.sql`s.assignment_id IN (SELECT id FROM assignment WHERE course_id = ${courseId}::uuid)` : Prisma.sql`TRUE`}
    AND ${assignmentId ? Prisma.sql`s.assignment_id = ${assignmentId}::uuid` : Prisma.sql`TRUE`}
    AND ${areaId ? Prisma.sql`s.assignment_id IN (SELECT id FROM assignment WHERE course_id IN (${coursesOfArea(areaId)}))` : Prisma.sql`TRUE`}
    AND ${staffCategory ? Prisma.sql`s.staff_category = ${staffCategory}::staff_category` : Prisma.sql`TRUE`}`;
}

/**
 * The day's counts grouped by unit or by course, from whichever source
 * serves the day: every figure on the page is a sum of these. (Flat
 * aggregates: the summary's few thousand rows sum in a couple of ms.)
 */
function countsBy(by: "unit" | "course", filters: CompletionFilters, source: Source) {
  if (source !== "live") {
    const key = by === "unit" ? Prisma.sql`s.unit_id` : Prisma.sql`a.course_id`;
    const join = by === "course" ? Prisma.sql`JOIN assignment a ON a.id = s.assignment_id` : Prisma.empty;
    // Ids as text: Prisma's uuid decoding costs more than the sum itself.
    if (source === "month") {
      return Prisma.sql`
        SELECT ${key}::text AS key_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, sum(s.overdue)::int AS overdue
          FROM completion_month s ${join}
         WHERE s.month_end = ${filters.asOf}::date AND ${summaryWhere(filters)}
         GROUP BY ${key}`;
    }
    return Prisma.sql`
      SELECT ${key}::text AS key_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done,
             coalesce(sum(s.assigned - s.done) FILTER (WHERE s.due_on < ${filters.asOf}::date), 0)::int AS overdue
        FROM completion_summary s ${join}
       WHERE ${summaryWhere(filters)}
       GROUP BY ${key}`;
  }
  const key = by === "unit" ? Prisma.sql`r.unit_id` : Prisma.sql`r.course_id`;
  return Prisma.sql`
    SELECT ${key}::text AS key_id, count(*)::int AS assigned, count(*) FILTER (WHERE r.done)::int AS done,
           count(*) FILTER (WHERE NOT r.done AND r.due_on < ${filters.asOf}::date)::int AS overdue
      FROM (${requirementsOn(filters)}) r
     GROUP BY ${key}`;
}

type Counted = { assigned: number; done: number; overdue: number };

/** Counts per unit of the people in it on the day; one query, whatever the province's size. */
async function countsByUnit(filters: CompletionFilters, source?: Source) {
  const rows = await prisma.$queryRaw<({ key_id: string } & Counted)[]>(countsBy("unit", filters, await sourceFor(filters.asOf, source)));
  return rows.map(({ key_id, ...counts }) => ({ unit_id: key_id, ...counts }));
}

const withDue = ({ assigned, done, overdue }: Counted): CompletionCounts => ({ assigned, done, overdue, due: assigned - done - overdue });

/** Completion per course across the scope, the courses with most assigned first. */
export async function completionByCourse(filters: CompletionFilters, source?: Source) {
  const rows = await prisma.$queryRaw<({ course_id: string; title: string } & Counted)[]>`
    SELECT c.id::text AS course_id, coalesce(v.title, c.slug) AS title, g.assigned, g.done, g.overdue
      FROM (${countsBy("course", filters, await sourceFor(filters.asOf, source))}) g
      JOIN course c ON c.id = g.key_id::uuid
      LEFT JOIN course_version v ON v.id = c.published_version_id
     WHERE g.assigned > 0
     ORDER BY g.assigned DESC, title`;
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
 * Freezes the figures at the end of a past month into completion_month,
 * unless that is done already (or `rebuild`). Two reports asking together
 * build it once: the month's advisory lock.
 */
export async function buildMonth(monthEnd: Date, { rebuild = false }: { rebuild?: boolean } = {}) {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('completion_month'), ${Math.round(monthEnd.getTime() / 86_400_000)}::int)`;
      if (!rebuild && (await tx.completionMonthBuild.count({ where: { monthEnd } }))) return;
      await tx.$executeRaw`DELETE FROM completion_month WHERE month_end = ${monthEnd}::date`;
      await tx.$executeRaw`DELETE FROM completion_month_unit WHERE month_end = ${monthEnd}::date`;
      await tx.$executeRaw`
        INSERT INTO completion_month (month_end, unit_id, assignment_id, staff_category, assigned, done, overdue)
        SELECT ${monthEnd}::date, r.unit_id, r.assignment_id, r.staff_category, count(*), count(*) FILTER (WHERE r.done),
               count(*) FILTER (WHERE NOT r.done AND r.due_on < ${monthEnd}::date)
          FROM (${requirementsOn({ asOf: monthEnd, scopeUnitIds: null })}) r
         GROUP BY r.unit_id, r.assignment_id, r.staff_category`;
      await tx.$executeRaw`
        INSERT INTO completion_month_unit (month_end, unit_id, staff_category, assigned, done, overdue)
        SELECT month_end, unit_id, staff_category, sum(assigned), sum(done), sum(overdue)
          FROM completion_month WHERE month_end = ${monthEnd}::date
         GROUP BY month_end, unit_id, staff_category`;
      await tx.$executeRaw`
        INSERT INTO completion_month_build (month_end) VALUES (${monthEnd}::date)
        ON CONFLICT (month_end) DO UPDATE SET built_at = now()`;
    },
    { timeout: 60_000 },
  );
}

/**
 * The nightly job: the last `months` closed months frozen, those missing
 * only (a report would otherwise freeze them on first use). Returns how
 * many it built.
 */
export async function freezeClosedMonths({ today = dayOf(new Date()), months = 12, rebuild = false }: { today?: Date; months?: number; rebuild?: boolean } = {}) {
  const lastClosed = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const ends = monthEnds(lastClosed, months);
  const built = rebuild ? [] : await prisma.completionMonthBuild.findMany({ select: { monthEnd: true }, where: { monthEnd: { in: ends } } });
  const have = new Set(built.map((row) => row.monthEnd.getTime()));
  const missing = ends.filter((end) => !have.has(end.getTime()));
  for (const monthEnd of missing) await buildMonth(monthEnd, { rebuild });
  return missing.length;
}

/** The closed months (ended before today) a report needs, built when missing. */
async function ensureMonths(monthEndDays: Date[]) {
  if (!monthEndDays.length) return;
  const built = await prisma.completionMonthBuild.findMany({ select: { monthEnd: true }, where: { monthEnd: { in: monthEndDays } } });
  const have = new Set(built.map((row) => row.monthEnd.getTime()));
  for (const monthEnd of monthEndDays) if (!have.has(monthEnd.getTime())) await buildMonth(monthEnd);
}

/**
 * The scope's totals at the end of each month: the trend. Each month counts
 * people in the units they were in then. Closed months are read from their
 * frozen figures (completion_month); the last point is the day asked for
 * (`current`: its totals, when the caller has them).
 */
export async function completionTrend(filters: CompletionFilters & { months: number; current?: Counted }) {
  const today = dayOf(new Date());
  const ends = monthEnds(filters.asOf, filters.months);
  const closed = ends.filter((end) => end.getTime() < today.getTime() && end.getTime() !== filters.asOf.getTime());
  await ensureMonths(closed);
  // Without a course or rule chosen, the per-unit rollup has all it needs.
  const table = filters.courseId || filters.assignmentId || filters.areaId ? Prisma.sql`completion_month` : Prisma.sql`completion_month_unit`;
  const frozen = closed.length
    ? await prisma.$queryRaw<({ month_end: Date } & Counted)[]>`
        SELECT s.month_end, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, sum(s.overdue)::int AS overdue
          FROM ${table} s
         WHERE s.month_end = ANY(${closed}::date[]) AND ${summaryWhere(filters)}
         GROUP BY s.month_end`
    : [];
  const byEnd = new Map(frozen.map((row) => [row.month_end.getTime(), row]));
  const trend = [];
  for (const asOf of ends) {
    let row = byEnd.get(asOf.getTime());
    if (!row && !closed.some((end) => end.getTime() === asOf.getTime())) {
      // The day asked for: the caller's figures when it has them already.
      const current = asOf.getTime() === filters.asOf.getTime() ? filters.current : undefined;
      row = { month_end: asOf, ...(current ?? sumCounts(await countsByUnit({ ...filters, asOf }))) };
    }
    trend.push({ asOf, counts: withDue(row ?? { assigned: 0, done: 0, overdue: 0 }) });
  }
  return trend;
}

function sumCounts(rows: Counted[]): Counted {
  return rows.reduce((sum, row) => ({ assigned: sum.assigned + row.assigned, done: sum.done + row.done, overdue: sum.overdue + row.overdue }), { assigned: 0, done: 0, overdue: 0 });
}

/**
 * Every unit in scope with its own and rolled-up counts, in tree order
 * (parents before children). Units that no longer exist as live units keep
 * their rows when people were in them on the day.
 */
export async function completionByUnit(filters: CompletionFilters, source?: Source): Promise<UnitCompletion[]> {
  const [counts, units] = await Promise.all([
    countsByUnit(filters, source),
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
export function completionRate(counts: { assigned: number; done: number }): number | null {
  return counts.assigned ? Math.floor((counts.done / counts.assigned) * 100) : null;
}

export type RequirementRow = {
  userId: string;
  fullName: string;
  courseTitle: string;
  dueOn: Date;
  /** The day it was done (by the day asked about), or null. */
  doneOn: Date | null;
  status: "done" | "overdue" | "due";
};

/** The requirements of the people in one unit (not below it) on the day, for drill-down. */
export async function requirementsInUnit({ unitId, status, ...filters }: Omit<CompletionFilters, "scopeUnitIds"> & { unitId: string; status?: RequirementStatus }) {
  const rows = await prisma.$queryRaw<{ user_id: string; full_name: string; course_title: string; due_on: Date; done_on: Date | null; done: boolean }[]>`
    WITH requirement AS (${requirementsOn({ ...filters, scopeUnitIds: [unitId] })})
    SELECT r.user_id::text AS user_id, u.full_name, coalesce(v.title, c.slug) AS course_title, r.due_on, r.done_on, r.done
      FROM requirement r
      JOIN app_user u ON u.id = r.user_id
      JOIN course c ON c.id = r.course_id
      LEFT JOIN course_version v ON v.id = c.published_version_id
     WHERE ${status ? inStatus(status, filters.asOf) : Prisma.sql`TRUE`}
     ORDER BY u.sort_name, course_title`;
  return rows.map(
    (row): RequirementRow => ({
      userId: row.user_id,
      fullName: row.full_name,
      courseTitle: row.course_title,
      dueOn: row.due_on,
      doneOn: row.done ? row.done_on : null,
      status: statusOn(row.done, row.due_on, filters.asOf),
    }),
  );
}

/**
 * Today's figures rebuilt from the requirements themselves (the triggers'
 * work, done again): after a bulk repair, or to check them.
 */
export async function rebuildCompletionSummary() {
  await prisma.$transaction((tx) => tx.$executeRaw`SELECT hoc_so_rebuild_completion_summary()`, { timeout: 120_000 });
}

export type RequirementStatus = "done" | "overdue" | "due";

/** A requirement in force on the day: done by then, overdue, or still due. */
const statusOn = (done: boolean, dueOn: Date, asOf: Date): RequirementStatus => (done ? "done" : dueOn.getTime() < asOf.getTime() ? "overdue" : "due");

/** A requirement row `r` (of requirementsOn) in this state on the day. */
function inStatus(status: RequirementStatus, asOf: Date) {
  if (status === "done") return Prisma.sql`r.done`;
  return status === "overdue" ? Prisma.sql`(NOT r.done AND r.due_on < ${asOf}::date)` : Prisma.sql`(NOT r.done AND r.due_on >= ${asOf}::date)`;
}

export type PersonCompletion = { userId: string; fullName: string; jobTitle: string | null; counts: CompletionCounts };

/** The people in one unit (not below it) on the day, one row each with their counts, in Vietnamese name order. */
export async function peopleInUnit({ unitId, status, ...filters }: Omit<CompletionFilters, "scopeUnitIds"> & { unitId: string; status?: RequirementStatus }): Promise<PersonCompletion[]> {
  const rows = await prisma.$queryRaw<({ user_id: string; full_name: string; job_title: string | null } & Counted)[]>`
    WITH requirement AS (${requirementsOn({ ...filters, scopeUnitIds: [unitId] })})
    SELECT u.id::text AS user_id, u.full_name, u.job_title, count(*)::int AS assigned, count(*) FILTER (WHERE r.done)::int AS done,
           count(*) FILTER (WHERE NOT r.done AND r.due_on < ${filters.asOf}::date)::int AS overdue
      FROM requirement r JOIN app_user u ON u.id = r.user_id
     GROUP BY u.id, u.full_name, u.job_title, u.sort_name
    HAVING ${status ? Prisma.sql`count(*) FILTER (WHERE ${inStatus(status, filters.asOf)}) > 0` : Prisma.sql`TRUE`}
     ORDER BY u.sort_name, u.id`;
  return rows.map((row) => ({ userId: row.user_id, fullName: row.full_name, jobTitle: row.job_title, counts: withDue(row) }));
}

/** The unit a person was in on the day (their first, if the day had two), or null. */
export async function unitOfPersonOn({ userId, asOf }: { userId: string; asOf: Date }) {
  const [row] = await prisma.$queryRaw<{ unit_id: string; name: string }[]>`
    SELECT m.unit_id::text AS unit_id, o.name FROM unit_membership m JOIN org_unit o ON o.id = m.unit_id
     WHERE m.user_id = ${userId}::uuid AND m.valid_from <= ${asOf}::date AND (m.valid_to IS NULL OR m.valid_to > ${asOf}::date)
     ORDER BY m.valid_from LIMIT 1`;
  return row ? { unitId: row.unit_id, name: row.name } : null;
}

export type PersonRequirement = {
  courseId: string;
  courseTitle: string;
  assignedOn: Date;
  dueOn: Date;
  endedOn: Date | null;
  doneOn: Date | null;
  /** On the day asked about; "ended" for a period over by then, "later" for one that had not begun. */
  status: "done" | "overdue" | "due" | "ended" | "later";
};

/**
 * Every period a person had been under a training rule by the day, newest
 * first, each with its status then: nothing after the day (a manager who
 * looks back at someone who has since moved away learns nothing new).
 */
export async function requirementsOfPerson({ userId, asOf }: { userId: string; asOf: Date }): Promise<PersonRequirement[]> {
  const rows = await prisma.$queryRaw<{ course_id: string; course_title: string; assigned_on: Date; due_on: Date; ended_on: Date | null; done_on: Date | null }[]>`
    SELECT c.id::text AS course_id, coalesce(v.title, c.slug) AS course_title, pa.assigned_on, pa.due_on, pa.ended_on, pa.done_on
      FROM person_assignment pa JOIN assignment a ON a.id = pa.assignment_id
      JOIN course c ON c.id = a.course_id LEFT JOIN course_version v ON v.id = c.published_version_id
     WHERE pa.user_id = ${userId}::uuid AND pa.assigned_on <= ${asOf}::date
     ORDER BY pa.assigned_on DESC, course_title`;
  const day = asOf.getTime();
  return rows.map((row) => {
    const done = row.done_on !== null && row.done_on.getTime() <= day;
    const status: PersonRequirement["status"] =
      row.assigned_on.getTime() > day ? "later"
      : row.ended_on && row.ended_on.getTime() <= day ? "ended"
      : statusOn(done, row.due_on, asOf);
    const endedOn = row.ended_on && row.ended_on.getTime() <= day ? row.ended_on : null;
    return { courseId: row.course_id, courseTitle: row.course_title, assignedOn: row.assigned_on, dueOn: row.due_on, endedOn, doneOn: done ? row.done_on : null, status };
  });
}

export type OverdueRow = { requirementId: string; userId: string; fullName: string; unitName: string; courseTitle: string; dueOn: Date; daysLate: number };

/**
 * Overdue requirements in scope on the day, the longest overdue first, a
 * page at a time (`after`: the last row of the page before, keyset order).
 * Today's list reads the open, undone requirements straight from their
 * index (person_assignment_overdue_hand); other days use the definition.
 */
export async function overdueOn(filters: CompletionFilters, { limit, after, source }: { limit: number; after?: { dueOn: Date; requirementId: string }; source?: Source }) {
  const today = source ? source === "summary" : isToday(filters.asOf);
  const requirement = today
    ? Prisma.sql`
        SELECT pa.id, pa.user_id, m.unit_id, a.course_id, pa.due_on
          FROM person_assignment pa
          JOIN assignment a ON a.id = pa.assignment_id
          JOIN app_user u ON u.id = pa.user_id
          JOIN unit_membership m ON m.user_id = pa.user_id AND m.valid_to IS NULL
         WHERE pa.ended_on IS NULL AND pa.done_on IS NULL AND pa.due_on < ${filters.asOf}::date
           AND ${filterSql(filters)}`
    : Prisma.sql`SELECT r.id, r.user_id, r.unit_id, r.course_id, r.due_on FROM (${requirementsOn(filters)}) r WHERE ${inStatus("overdue", filters.asOf)}`;
  const rows = await prisma.$queryRaw<{ id: string; user_id: string; full_name: string; unit_name: string; course_title: string; due_on: Date }[]>`
    SELECT r.id::text, r.user_id::text, u.full_name, o.name AS unit_name, coalesce(v.title, c.slug) AS course_title, r.due_on
      FROM (${requirement}) r
      JOIN app_user u ON u.id = r.user_id
      JOIN org_unit o ON o.id = r.unit_id
      JOIN course c ON c.id = r.course_id LEFT JOIN course_version v ON v.id = c.published_version_id
     WHERE ${after ? Prisma.sql`(r.due_on, r.id) > (${after.dueOn}::date, ${after.requirementId}::uuid)` : Prisma.sql`TRUE`}
     ORDER BY r.due_on, r.id
     LIMIT ${limit}`;
  const daysLate = (dueOn: Date) => Math.round((filters.asOf.getTime() - dueOn.getTime()) / (24 * 60 * 60 * 1000));
  return rows.map((row): OverdueRow => ({ requirementId: row.id, userId: row.user_id, fullName: row.full_name, unitName: row.unit_name, courseTitle: row.course_title, dueOn: row.due_on, daysLate: daysLate(row.due_on) }));
}

export type RequirementExportRow = {
  id: string;
  unitCode: string;
  unitName: string;
  fullName: string;
  employeeCode: string | null;
  staffCategory: StaffCategory;
  courseTitle: string;
  assignedOn: Date;
  dueOn: Date;
  doneOn: Date | null;
  status: RequirementStatus;
};

/**
 * Every requirement in force on the day in scope, a batch at a time in id
 * order (`after`: the last id of the batch before): the full detail a
 * province-wide export writes, without ever holding it all.
 */
export async function requirementBatch(filters: CompletionFilters, { after, limit }: { after?: string; limit: number }) {
  const rows = await prisma.$queryRaw<
    { id: string; unit_code: string; unit_name: string; full_name: string; employee_code: string | null; staff_category: StaffCategory; course_title: string; assigned_on: Date; due_on: Date; done_on: Date | null; done: boolean }[]
  >`
    SELECT r.id::text, o.code AS unit_code, o.name AS unit_name, u.full_name, u.employee_code, r.staff_category,
           coalesce(v.title, c.slug) AS course_title, pa.assigned_on, r.due_on, r.done_on, r.done
      FROM (${requirementsOn(filters)}) r
      JOIN person_assignment pa ON pa.id = r.id
      JOIN app_user u ON u.id = r.user_id
      JOIN org_unit o ON o.id = r.unit_id
      JOIN course c ON c.id = r.course_id LEFT JOIN course_version v ON v.id = c.published_version_id
     WHERE ${after ? Prisma.sql`r.id > ${after}::uuid` : Prisma.sql`TRUE`}
     ORDER BY r.id
     LIMIT ${limit}`;
  return rows.map(
    (row): RequirementExportRow => ({
      id: row.id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      fullName: row.full_name,
      employeeCode: row.employee_code,
      staffCategory: row.staff_category,
      courseTitle: row.course_title,
      assignedOn: row.assigned_on,
      dueOn: row.due_on,
      doneOn: row.done ? row.done_on : null,
      status: statusOn(row.done, row.due_on, filters.asOf),
    }),
  );
}
