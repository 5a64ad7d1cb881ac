import { Prisma, type RoleName, type StaffCategory } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { nameFields } from "~/utils/text";
import { syncAssignments } from "./assignment.server";
import { moveToUnit } from "./membership.server";

/** Remembers the language a person chose, for every device they use and their e-mails. */
export async function setUserLocale({ userId, locale }: { userId: string; locale: Locale }) {
  await prisma.user.update({ select: { id: true }, where: { id: userId }, data: { locale } });
}

/** What sign-in needs to know about an e-mail address, and nothing more. */
export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    select: { id: true, status: true, passwordHash: true, locale: true, roleGrants: { select: { role: true } } },
    where: { email: email.toLowerCase() },
  });
}

export type PersonInput = {
  email: string;
  fullName: string;
  employeeCode?: string | null;
  jobTitle?: string | null;
  staffCategory: StaffCategory;
  unitCode: string;
  since: Date;
  passwordHash?: string | null;
  roles?: { role: RoleName; scopeUnitCode?: string }[];
};

/**
 * Creates the person or brings them in line with `input`, keyed by e-mail
 * (for demo data and, later, imports). A change of unit closes the current
 * membership and opens a new one: history is kept, never rewritten.
 */
export async function upsertPerson(input: PersonInput) {
  const email = input.email.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const unit = await tx.orgUnit.findUniqueOrThrow({ select: { id: true }, where: { code: input.unitCode } });
    const fields = {
      ...nameFields(input.fullName),
      employeeCode: input.employeeCode ?? null,
      jobTitle: input.jobTitle ?? null,
      staffCategory: input.staffCategory,
      ...(input.passwordHash !== undefined ? { passwordHash: input.passwordHash } : {}),
    };
    const user = await tx.user.upsert({
      select: { id: true },
      where: { email },
      create: { email, ...fields },
      update: fields,
    });
    await moveToUnit(tx, { userId: user.id, unitId: unit.id, day: input.since });
    await syncAssignments({ db: tx, userIds: [user.id], day: input.since > new Date() ? input.since : new Date() });
    for (const grant of input.roles ?? []) {
      const scope = grant.scopeUnitCode
        ? await tx.orgUnit.findUniqueOrThrow({ select: { id: true }, where: { code: grant.scopeUnitCode } })
        : null;
      const existing = await tx.roleGrant.findFirst({
        select: { id: true },
        where: { userId: user.id, role: grant.role, scopeUnitId: scope?.id ?? null },
      });
      if (!existing) {
        await tx.roleGrant.create({ data: { userId: user.id, role: grant.role, scopeUnitId: scope?.id ?? null }, select: { id: true } });
      }
    }
    return user;
  });
}

/** One person as the admin page shows them. */
export function getPersonForAdmin(userId: string) {
  return prisma.user.findUnique({
    select: {
      id: true,
      email: true,
      fullName: true,
      employeeCode: true,
      jobTitle: true,
      staffCategory: true,
      status: true,
      quizExtraTimePercent: true,
      privacyNoticeVersion: true,
      anonymisedAt: true,
      memberships: {
        select: { id: true, validFrom: true, validTo: true, unit: { select: { id: true, name: true, code: true } } },
        orderBy: { validFrom: "desc" },
      },
      roleGrants: { select: { id: true, role: true, scopeUnit: { select: { name: true, code: true } } }, orderBy: { createdAt: "asc" } },
    },
    where: { id: userId },
  });
}

/** Whether the person was anonymised at their request (their certificates' public page says so). */
export async function isAnonymised({ userId }: { userId: string }) {
  const row = await prisma.user.findUnique({ select: { anonymisedAt: true }, where: { id: userId } });
  return Boolean(row?.anonymisedAt);
}

/** A person's full name, or null. */
export async function getPersonName({ userId }: { userId: string }) {
  const row = await prisma.user.findUnique({ select: { fullName: true }, where: { id: userId } });
  return row?.fullName ?? null;
}

export class PersonRuleError extends Error {
  constructor(
    readonly key:
      | "people.error.emailTaken"
      | "people.error.codeTaken"
      | "people.error.grantExists"
      | "people.error.unitUnknown"
      | "person.anonymisedLocked",
  ) {
    super(key);
  }
}

/**
 * Edits a person. A new unit closes the current membership on `day` and opens
 * one in the new unit: the history stays for reports on past periods.
 */
export async function updatePerson(input: {
  userId: string;
  email: string;
  fullName: string;
  employeeCode: string | null;
  jobTitle: string | null;
  staffCategory: StaffCategory;
  unitId: string;
  day: Date;
}) {
  return prisma.$transaction(async (tx) => {
    const clash = await tx.user.findFirst({
      select: { email: true, employeeCode: true },
      where: {
        id: { not: input.userId },
        OR: [{ email: input.email }, ...(input.employeeCode ? [{ employeeCode: input.employeeCode }] : [])],
      },
    });
    if (clash) throw new PersonRuleError(clash.email === input.email ? "people.error.emailTaken" : "people.error.codeTaken");
    if (!(await tx.orgUnit.count({ where: { id: input.unitId, archivedAt: null } }))) throw new PersonRuleError("people.error.unitUnknown");
    // Not an anonymised person: an edit saved as they are anonymised must
    // not write their name back (the row is re-checked once it is free).
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, anonymisedAt: null },
      data: {
        email: input.email,
        ...nameFields(input.fullName),
        employeeCode: input.employeeCode,
        jobTitle: input.jobTitle,
        staffCategory: input.staffCategory,
      },
    });
    if (count === 0) throw new PersonRuleError("person.anonymisedLocked");
    await moveToUnit(tx, { userId: input.userId, unitId: input.unitId, day: input.day });
    // A new unit, category or job title may bring new training, or end some.
    await syncAssignments({ db: tx, userIds: [input.userId], day: input.day });
  });
}

/** A person's extra time on timed quizzes (an accommodation), in percent. */
export async function getQuizExtraTime({ userId }: { userId: string }) {
  const user = await prisma.user.findUnique({ select: { quizExtraTimePercent: true }, where: { id: userId } });
  return user?.quizExtraTimePercent ?? 0;
}

/** Grants (or removes, with 0) extra time on every timed quiz; attempts already started keep their deadline. */
export async function setQuizExtraTime({ userId, percent }: { userId: string; percent: number }) {
  const updated = await prisma.user.updateMany({ where: { id: userId }, data: { quizExtraTimePercent: percent } });
  return updated.count === 1;
}

export async function setPersonStatus({ userId, status }: { userId: string; status: "ACTIVE" | "DISABLED" }) {
  await prisma.$transaction(async (tx) => {
    // An anonymised person stays disabled, whatever was clicked meanwhile.
    const { count } = await tx.user.updateMany({ where: { id: userId, anonymisedAt: null }, data: { status } });
    if (count === 0) throw new PersonRuleError("person.anonymisedLocked");
    // Disabled means signed out everywhere, now.
    if (status === "DISABLED") await tx.session.deleteMany({ where: { userId } });
    // …and no longer counted under training rules (back again when re-enabled).
    await syncAssignments({ db: tx, userIds: [userId] });
  });
}

export async function grantRole(input: { userId: string; role: RoleName; scopeUnitId: string | null; grantedById: string }) {
  const existing = await prisma.roleGrant.findFirst({
    select: { id: true },
    where: { userId: input.userId, role: input.role, scopeUnitId: input.scopeUnitId },
  });
  if (existing) throw new PersonRuleError("people.error.grantExists");
  if (input.scopeUnitId && !(await prisma.orgUnit.count({ where: { id: input.scopeUnitId, archivedAt: null } }))) {
    throw new PersonRuleError("people.error.unitUnknown");
  }
  try {
    return await prisma.roleGrant.create({ select: { id: true }, data: input });
  } catch (error) {
    // A double click: the unique index (role_grant_unique_hand) caught the twin.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new PersonRuleError("people.error.grantExists");
    }
    throw error;
  }
}

/** Revokes one of this person's grants (the id alone, from another person, does nothing). */
export async function revokeRole({ userId, grantId }: { userId: string; grantId: string }) {
  const { count } = await prisma.roleGrant.deleteMany({ where: { id: grantId, userId } });
  return count > 0;
}

/** Active people with these e-mail addresses (course trainers named in content/ files). */
export async function findActiveUsersByEmail(emails: string[]) {
  return prisma.user.findMany({
    select: { id: true, email: true },
    where: { email: { in: emails.map((email) => email.toLowerCase()) }, status: "ACTIVE" },
  });
}

/** People holding the trainer role, for assigning trainers to a course. */
export async function listTrainers() {
  return prisma.user.findMany({
    select: { id: true, fullName: true, email: true },
    where: { status: "ACTIVE", roleGrants: { some: { role: { in: ["TRAINER", "ADMIN"] } } } },
    orderBy: { sortName: "asc" },
  });
}
