import type { Prisma, RoleName, StaffCategory, UserStatus } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { foldForSearch } from "~/utils/text";

// Reading people for the admin and manager lists. Writing them is in
// user.server.ts.

export const PEOPLE_PAGE_SIZE = 100;

export type PeopleFilters = {
  query: string;
  /** Current unit among these (null: anywhere). */
  unitIds: string[] | null;
  role?: RoleName;
  status?: UserStatus;
  staffCategory?: StaffCategory;
};

/**
 * People matching the filters, the name with or without diacritics, at most
 * PEOPLE_PAGE_SIZE of them, with the total.
 */
export async function searchPeople({ query, unitIds, role, status, staffCategory }: PeopleFilters) {
  const folded = foldForSearch(query);
  const where: Prisma.UserWhereInput = {
    ...(folded ? { searchName: { contains: folded } } : {}),
    ...(unitIds ? { memberships: { some: { validTo: null, unitId: { in: unitIds } } } } : {}),
    ...(role ? { roleGrants: { some: { role } } } : {}),
    ...(status ? { status } : {}),
    ...(staffCategory ? { staffCategory } : {}),
  };
  const [total, people] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      select: {
        id: true,
        fullName: true,
        email: true,
        jobTitle: true,
        staffCategory: true,
        status: true,
        roleGrants: { select: { role: true } },
        memberships: {
          select: { unit: { select: { name: true, kind: true, parent: { select: { name: true, kind: true } } } } },
          where: { validTo: null },
          take: 1,
        },
      },
      where,
      // As official Vietnamese lists: by given name, in the Vietnamese
      // alphabet (the column has the ICU collation "vi-x-icu").
      orderBy: [{ sortName: "asc" }, { id: "asc" }],
      take: PEOPLE_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    people: people.map((person) => ({
      id: person.id,
      fullName: person.fullName,
      email: person.email,
      jobTitle: person.jobTitle,
      staffCategory: person.staffCategory,
      status: person.status,
      roles: [...new Set(person.roleGrants.map((grant) => grant.role))],
      unitName: person.memberships[0] ? describeUnit(person.memberships[0].unit) : null,
    })),
  };
}

/**
 * An office's name alone is ambiguous (every commune has a "Phòng Kinh tế"):
 * name it with the body it belongs to, unless that is the province itself.
 */
function describeUnit(unit: { name: string; parent: { name: string; kind: string } | null }): string {
  return unit.parent && unit.parent.kind !== "PROVINCE" ? `${unit.name}, ${unit.parent.name}` : unit.name;
}
