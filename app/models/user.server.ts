import type { RoleName, StaffCategory } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { foldForSearch } from "~/utils/text";

/** What sign-in needs to know about an e-mail address, and nothing more. */
export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    select: { id: true, status: true, passwordHash: true, roleGrants: { select: { role: true } } },
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
      fullName: input.fullName,
      searchName: foldForSearch(input.fullName),
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
    const current = await tx.unitMembership.findFirst({
      select: { id: true, unitId: true },
      where: { userId: user.id, validTo: null },
    });
    if (current?.unitId !== unit.id) {
      if (current) await tx.unitMembership.update({ where: { id: current.id }, data: { validTo: input.since }, select: { id: true } });
      await tx.unitMembership.create({ data: { userId: user.id, unitId: unit.id, validFrom: input.since }, select: { id: true } });
    }
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
