import { Prisma, type AssignmentTarget, type StaffCategory } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { addMonths, dayOf } from "~/utils/format";
import { listSubtreeUnitIds } from "./org-unit.server";

// Mandatory training (docs/decisions/017-mandatory-training.md): rules, and
// the people each rule covers over time. Rules are live: `syncAssignments`
// brings person_assignment in line with who matches today, and every change
// to people (a move, a new job title, an import, a merge) calls it.

/** A newcomer under a rule whose fixed due date has passed gets this long. */
export const NEWCOMER_GRACE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export type AssignmentInput = {
  courseId: string;
  target: AssignmentTarget;
  userId?: string | null;
  unitId?: string | null;
  includeSubunits?: boolean;
  staffCategory?: StaffCategory | null;
  jobTitle?: string | null;
  scopeUnitId?: string | null;
  dueDate?: Date | null;
  dueDays?: number | null;
  recurrenceMonths?: number | null;
  createdById: string | null;
};

type Rule = Prisma.AssignmentGetPayload<{ select: typeof ruleSelect }>;
const ruleSelect = {
  id: true,
  courseId: true,
  target: true,
  userId: true,
  unitId: true,
  includeSubunits: true,
  staffCategory: true,
  jobTitle: true,
  scopeUnitId: true,
  dueDate: true,
  dueDays: true,
  createdAt: true,
} satisfies Prisma.AssignmentSelect;

type Db = Prisma.TransactionClient;

export { dayOf };

function dueFor(rule: Rule, assignedOn: Date): Date {
  if (rule.dueDays) return new Date(assignedOn.getTime() + rule.dueDays * DAY);
  const fixed = rule.dueDate!;
  return fixed.getTime() >= assignedOn.getTime() ? fixed : new Date(assignedOn.getTime() + NEWCOMER_GRACE_DAYS * DAY);
}

/** Active people the rule covers today, among `among` when given. */
async function matchingUserIds(db: Db, rule: Rule, among?: string[]): Promise<string[]> {
  const people: Prisma.UserWhereInput = { status: "ACTIVE", ...(among ? { id: { in: among } } : {}) };
  const inUnits = (unitIds: string[]): Prisma.UserWhereInput => ({ memberships: { some: { validTo: null, unitId: { in: unitIds } } } });
  const scope = rule.scopeUnitId ? inUnits(await listSubtreeUnitIds([rule.scopeUnitId], db)) : {};
  let where: Prisma.UserWhereInput;
  switch (rule.target) {
    case "PERSON":
      where = { id: rule.userId! };
      break;
    case "UNIT":
      where = inUnits(rule.includeSubunits ? await listSubtreeUnitIds([rule.unitId!], db) : [rule.unitId!]);
      break;
    case "STAFF_CATEGORY":
      where = { staffCategory: rule.staffCategory!, ...scope };
      break;
    case "JOB_TITLE": {
      // Same title whatever the case or diacritics (hoc_so_fold, courses migration).
      const ids = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM app_user WHERE hoc_so_fold(coalesce(job_title, '')) = hoc_so_fold(${rule.jobTitle!})`;
      where = { id: { in: ids.map((row) => row.id) }, ...scope };
      break;
    }
  }
  const rows = await db.user.findMany({ select: { id: true }, where: { AND: [people, where] } });
  return rows.map((row) => row.id);
}

/**
 * Brings one rule's people in line with today: newcomers are assigned (with
 * their own due date), people who no longer match stop counting from `day`.
 * With `among`, only those people are looked at (one person moved).
 */
async function syncRule(db: Db, rule: Rule, day: Date, among?: string[]) {
  const today = dayOf(day);
  const matches = new Set(await matchingUserIds(db, rule, among));
  const open = await db.personAssignment.findMany({
    select: { id: true, userId: true, assignedOn: true },
    where: { assignmentId: rule.id, endedOn: null, ...(among ? { userId: { in: among } } : {}) },
  });
  const covered = new Set(open.map((row) => row.userId));
  const joining = [...matches].filter((userId) => !covered.has(userId));
  if (joining.length) {
    await db.personAssignment.createMany({
      data: joining.map((userId) => ({ assignmentId: rule.id, userId, assignedOn: today, dueOn: dueFor(rule, today) })),
      skipDuplicates: true,
    });
  }
  for (const row of open.filter((row) => !matches.has(row.userId))) {
    const endedOn = today.getTime() < row.assignedOn.getTime() ? row.assignedOn : today;
    await db.personAssignment.update({ where: { id: row.id }, data: { endedOn } });
  }
  return { joined: joining.length, left: open.length - open.filter((row) => matches.has(row.userId)).length };
}

/** Every live rule, for these people (or everyone). */
export async function syncAssignments({ userIds, day = new Date(), db = prisma }: { userIds?: string[]; day?: Date; db?: Db }) {
  if (userIds && !userIds.length) return;
  const rules = await db.assignment.findMany({ select: ruleSelect, where: { removedAt: null } });
  for (const rule of rules) await syncRule(db, rule, day, userIds);
}

/** The same live rule already exists (a double click, or HR asking twice). */
export async function findSameRule(input: AssignmentInput) {
  const row = await prisma.assignment.findFirst({
    select: { id: true },
    where: {
      removedAt: null,
      courseId: input.courseId,
      target: input.target,
      userId: input.target === "PERSON" ? input.userId : null,
      unitId: input.target === "UNIT" ? input.unitId : null,
      staffCategory: input.target === "STAFF_CATEGORY" ? input.staffCategory : null,
      jobTitle: input.target === "JOB_TITLE" ? { equals: input.jobTitle?.trim(), mode: "insensitive" } : null,
    },
  });
  return row?.id ?? null;
}

export async function createAssignment(input: AssignmentInput, day = new Date()) {
  return prisma.$transaction(async (tx) => {
    const rule = await tx.assignment.create({
      select: ruleSelect,
      data: {
        courseId: input.courseId,
        target: input.target,
        userId: input.target === "PERSON" ? input.userId : null,
        unitId: input.target === "UNIT" ? input.unitId : null,
        includeSubunits: input.includeSubunits ?? true,
        staffCategory: input.target === "STAFF_CATEGORY" ? input.staffCategory : null,
        jobTitle: input.target === "JOB_TITLE" ? input.jobTitle?.trim() : null,
        scopeUnitId: input.target === "STAFF_CATEGORY" || input.target === "JOB_TITLE" ? input.scopeUnitId : null,
        dueDate: input.dueDate ? dayOf(input.dueDate) : null,
        dueDays: input.dueDate ? null : input.dueDays,
        recurrenceMonths: input.recurrenceMonths ?? null,
        createdById: input.createdById,
      },
    });
    const result = await syncRule(tx, rule, day);
    return { id: rule.id, assigned: result.joined };
  });
}

/** Ends a rule (history kept): its people stop counting from `day`. */
export async function removeAssignment({ assignmentId, day = new Date() }: { assignmentId: string; day?: Date }) {
  return prisma.$transaction(async (tx) => {
    const removed = await tx.assignment.updateMany({ where: { id: assignmentId, removedAt: null }, data: { removedAt: day } });
    if (removed.count === 0) return false;
    const open = await tx.personAssignment.findMany({ select: { id: true, assignedOn: true }, where: { assignmentId, endedOn: null } });
    const today = dayOf(day);
    for (const row of open) {
      await tx.personAssignment.update({ where: { id: row.id }, data: { endedOn: today < row.assignedOn ? row.assignedOn : today } });
    }
    return true;
  });
}

// ---------------------------------------------------------------------------
// Reading: who is assigned, and how far they are.

export type AssignmentStatus = "done" | "overdue" | "due";

/**
 * Done when the person has a completion that is still valid on the day they
 * were assigned, or any made since (recurring rules: a completion lasts
 * `recurrenceMonths`).
 */
export function statusOf(
  row: { assignedOn: Date; dueOn: Date },
  completedAt: Date | null,
  recurrenceMonths: number | null,
  today: Date,
): AssignmentStatus {
  // Lapses on a calendar day, compared as days (as renewal does).
  const valid = completedAt && (!recurrenceMonths || dayOf(addMonths(completedAt, recurrenceMonths)).getTime() > row.assignedOn.getTime());
  if (valid) return "done";
  return dayOf(today).getTime() > row.dueOn.getTime() ? "overdue" : "due";
}

/** The latest completion of each (person, course). */
async function latestCompletions(pairs: { userId: string; courseId: string }[]) {
  if (!pairs.length) return new Map<string, Date>();
  const rows = await prisma.enrolment.groupBy({
    by: ["userId", "courseId"],
    _max: { completedAt: true },
    where: { status: "COMPLETED", OR: pairs.map((pair) => ({ userId: pair.userId, courseId: pair.courseId })) },
  });
  return new Map(rows.filter((row) => row._max.completedAt).map((row) => [`${row.userId}:${row.courseId}`, row._max.completedAt!]));
}

/** A person's current assignments, for "Việc học của tôi". */
export async function listAssignedToUser({ userId, today = new Date() }: { userId: string; today?: Date }) {
  const rows = await prisma.personAssignment.findMany({
    select: {
      id: true,
      assignedOn: true,
      dueOn: true,
      assignment: {
        select: {
          recurrenceMonths: true,
          course: { select: { id: true, slug: true, title: true, publishedVersion: { select: { title: true } } } },
        },
      },
    },
    where: { userId, endedOn: null, assignment: { removedAt: null } },
    orderBy: { dueOn: "asc" },
  });
  const completions = await latestCompletions(rows.map((row) => ({ userId, courseId: row.assignment.course.id })));
  return rows.map((row) => {
    const course = row.assignment.course;
    const completedAt = completions.get(`${userId}:${course.id}`) ?? null;
    return {
      id: row.id,
      slug: course.slug,
      title: course.publishedVersion?.title ?? course.title,
      assignedOn: row.assignedOn,
      dueOn: row.dueOn,
      status: statusOf(row, completedAt, row.assignment.recurrenceMonths, today),
    };
  });
}

const listSelect = {
  id: true,
  target: true,
  includeSubunits: true,
  staffCategory: true,
  jobTitle: true,
  dueDate: true,
  dueDays: true,
  recurrenceMonths: true,
  createdAt: true,
  removedAt: true,
  course: { select: { id: true, title: true, slug: true } },
  user: { select: { fullName: true, email: true } },
  unit: { select: { name: true, code: true } },
  scopeUnit: { select: { name: true } },
} satisfies Prisma.AssignmentSelect;

/**
 * Rules a person may see: all for admins (`scopeUnitIds` null); for a
 * manager those aimed inside their units (a unit, a scope, or a person who
 * works there now).
 */
export async function listAssignments({ scopeUnitIds, assignmentId }: { scopeUnitIds: string[] | null; assignmentId?: string }) {
  const inScope: Prisma.AssignmentWhereInput | undefined = scopeUnitIds
    ? {
        OR: [
          { unitId: { in: scopeUnitIds } },
          { scopeUnitId: { in: scopeUnitIds } },
          { user: { memberships: { some: { validTo: null, unitId: { in: scopeUnitIds } } } } },
        ],
      }
    : undefined;
  const rules = await prisma.assignment.findMany({
    select: listSelect,
    where: { ...(inScope ?? {}), ...(assignmentId ? { id: assignmentId } : {}) },
    orderBy: { createdAt: "desc" },
  });
  const counts = await prisma.personAssignment.groupBy({
    by: ["assignmentId"],
    _count: { _all: true },
    where: { assignmentId: { in: rules.map((rule) => rule.id) }, endedOn: null },
  });
  const open = new Map(counts.map((row) => [row.assignmentId, row._count._all]));
  return rules.map((rule) => ({ ...rule, people: open.get(rule.id) ?? 0 }));
}

/**
 * The rules of one course a report can be narrowed to: for a manager, those
 * that cover (or covered) someone in their units now, province-wide rules
 * included; newest first, without their counts.
 */
export async function listRuleChoices({ scopeUnitIds, courseId }: { scopeUnitIds: string[] | null; courseId: string }) {
  const inScope: Prisma.AssignmentWhereInput = scopeUnitIds
    ? { people: { some: { user: { memberships: { some: { validTo: null, unitId: { in: scopeUnitIds } } } } } } }
    : {};
  return prisma.assignment.findMany({ select: listSelect, where: { ...inScope, courseId }, orderBy: { createdAt: "desc" } });
}

/** One rule with everyone it has covered, current and past, and their status. */
export async function getAssignment({ assignmentId, scopeUnitIds, today = new Date() }: { assignmentId: string; scopeUnitIds: string[] | null; today?: Date }) {
  const [rule] = await listAssignments({ scopeUnitIds, assignmentId });
  if (!rule) return null;
  const rows = await prisma.personAssignment.findMany({
    select: {
      id: true,
      userId: true,
      assignedOn: true,
      dueOn: true,
      endedOn: true,
      user: {
        select: {
          fullName: true,
          email: true,
          sortName: true,
          memberships: { select: { unit: { select: { name: true } } }, where: { validTo: null } },
        },
      },
    },
    where: { assignmentId },
  });
  const completions = await latestCompletions(rows.map((row) => ({ userId: row.userId, courseId: rule.course.id })));
  const people = rows
    .map((row) => ({
      id: row.id,
      fullName: row.user.fullName,
      email: row.user.email,
      sortName: row.user.sortName,
      unit: row.user.memberships[0]?.unit.name ?? "",
      assignedOn: row.assignedOn,
      dueOn: row.dueOn,
      endedOn: row.endedOn,
      completedAt: completions.get(`${row.userId}:${rule.course.id}`) ?? null,
      status: statusOf(row, completions.get(`${row.userId}:${rule.course.id}`) ?? null, rule.recurrenceMonths, today),
    }))
    .sort((a, b) => a.sortName.localeCompare(b.sortName, "vi"));
  return { rule, current: people.filter((row) => !row.endedOn), past: people.filter((row) => row.endedOn) };
}

/** Whether the person is under a live rule for this course (their enrolment then counts as assigned). */
export async function isAssigned({ userId, courseId }: { userId: string; courseId: string }) {
  const count = await prisma.personAssignment.count({ where: { userId, endedOn: null, assignment: { courseId, removedAt: null } } });
  return count > 0;
}

/** Every live person-assignment with its status: what reminders are made from. */
export async function listReminderCandidates({ today = new Date() }: { today?: Date } = {}) {
  const rows = await prisma.personAssignment.findMany({
    select: {
      id: true,
      userId: true,
      assignedOn: true,
      dueOn: true,
      user: { select: { fullName: true, memberships: { select: { unitId: true }, where: { validTo: null } } } },
      assignment: { select: { recurrenceMonths: true, course: { select: { id: true, slug: true, title: true, publishedVersion: { select: { title: true } } } } } },
    },
    where: { endedOn: null, assignment: { removedAt: null }, user: { status: "ACTIVE" } },
  });
  const completions = await latestCompletions(rows.map((row) => ({ userId: row.userId, courseId: row.assignment.course.id })));
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    fullName: row.user.fullName,
    unitId: row.user.memberships[0]?.unitId ?? null,
    dueOn: row.dueOn,
    courseSlug: row.assignment.course.slug,
    courseTitle: row.assignment.course.publishedVersion?.title ?? row.assignment.course.title,
    status: statusOf(row, completions.get(`${row.userId}:${row.assignment.course.id}`) ?? null, row.assignment.recurrenceMonths, today),
  }));
}

/** Managers and the units they look after (their subtrees). */
export async function listManagerScopes() {
  const grants = await prisma.roleGrant.findMany({
    select: { userId: true, scopeUnitId: true },
    where: { role: "MANAGER", scopeUnitId: { not: null }, user: { status: "ACTIVE" } },
  });
  const byManager = new Map<string, string[]>();
  for (const grant of grants) byManager.set(grant.userId, [...(byManager.get(grant.userId) ?? []), grant.scopeUnitId!]);
  const scopes = new Map<string, Set<string>>();
  for (const [userId, roots] of byManager) scopes.set(userId, new Set(await listSubtreeUnitIds(roots)));
  return scopes;
}

/** Demo data only: whether a rule for this course already exists. */
export async function hasAssignmentForCourse({ courseId }: { courseId: string }) {
  return (await prisma.assignment.count({ where: { courseId } })) > 0;
}

/**
 * Recertification: under a recurring rule, a person whose completion has
 * lapsed is assigned again: the period that the old completion satisfied
 * ends on the day it lapsed and a new one opens that day, with a new due
 * date. Earlier periods and completions stay as they are.
 */
export async function renewLapsedAssignments({ today = new Date() }: { today?: Date } = {}) {
  const day = dayOf(today);
  const open = await prisma.personAssignment.findMany({
    select: { id: true, userId: true, assignedOn: true, assignment: { select: { ...ruleSelect, recurrenceMonths: true } } },
    where: { endedOn: null, assignment: { removedAt: null, recurrenceMonths: { not: null } } },
  });
  const completions = await latestCompletions(open.map((row) => ({ userId: row.userId, courseId: row.assignment.courseId })));
  let renewed = 0;
  for (const row of open) {
    const completedAt = completions.get(`${row.userId}:${row.assignment.courseId}`);
    if (!completedAt) continue;
    const lapses = dayOf(addMonths(completedAt, row.assignment.recurrenceMonths!));
    // Only a completion made for this period (or still valid when it began) can lapse out of it.
    if (lapses.getTime() > day.getTime() || lapses.getTime() <= row.assignedOn.getTime()) continue;
    await prisma.$transaction(async (tx) => {
      const ended = await tx.personAssignment.updateMany({ where: { id: row.id, endedOn: null }, data: { endedOn: lapses } });
      if (ended.count === 0) return;
      await tx.personAssignment.create({ data: { assignmentId: row.assignment.id, userId: row.userId, assignedOn: lapses, dueOn: dueFor(row.assignment, lapses) } });
      renewed++;
    });
  }
  return renewed;
}
