import type { OrgUnitKind } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

// The province's organisation tree (see issue "People, sign-in, roles and the
// province's organisation tree", which extends this model).

const DEPARTMENT_KINDS: OrgUnitKind[] = ["DEPARTMENT"];
const LOCALITY_KINDS: OrgUnitKind[] = ["COMMUNE", "WARD", "SPECIAL_ZONE"];

export type OrgUnitInput = {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode?: string;
};

/** The top of the tree and a few counts, for the public home page. */
export async function getProvinceSummary() {
  const root = await prisma.orgUnit.findFirst({
    select: { name: true },
    where: { parentId: null, kind: "PROVINCE" },
    orderBy: { createdAt: "asc" },
  });
  if (!root) return null;
  const counts = await prisma.orgUnit.groupBy({
    by: ["kind"],
    _count: { _all: true },
    where: { parentId: { not: null } },
  });
  const count = (kinds: OrgUnitKind[]) =>
    counts.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + row._count._all, 0);
  return {
    name: root.name,
    units: count(counts.map((row) => row.kind)),
    departments: count(DEPARTMENT_KINDS),
    localities: count(LOCALITY_KINDS),
  };
}

/**
 * Creates the unit or brings it in line with `input`, keyed by its code.
 * Parents must be saved before their children.
 */
export async function upsertOrgUnitByCode(input: OrgUnitInput) {
  const parent = input.parentCode
    ? await prisma.orgUnit.findUniqueOrThrow({ select: { id: true }, where: { code: input.parentCode } })
    : null;
  const data = { name: input.name, kind: input.kind, parentId: parent?.id ?? null };
  return prisma.orgUnit.upsert({
    select: { id: true },
    where: { code: input.code },
    create: { code: input.code, ...data },
    update: data,
  });
}

/** The ids of these units and every unit below them (any depth). */
export async function listSubtreeUnitIds(rootIds: string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE subtree AS (
      SELECT id FROM org_unit WHERE id = ANY(${rootIds}::uuid[])
      UNION
      SELECT child.id FROM org_unit child JOIN subtree ON child.parent_id = subtree.id
    )
    SELECT id::text FROM subtree`;
  return rows.map((row) => row.id);
}

/** Every live unit with its current head count, for the tree view. */
export async function listUnitsWithHeadcount() {
  const [units, counts] = await Promise.all([
    prisma.orgUnit.findMany({
      select: { id: true, code: true, name: true, kind: true, parentId: true },
      where: { archivedAt: null },
    }),
    prisma.unitMembership.groupBy({ by: ["unitId"], _count: { _all: true }, where: { validTo: null } }),
  ]);
  const headcount = new Map(counts.map((row) => [row.unitId, row._count._all]));
  return units.map((unit) => ({ ...unit, people: headcount.get(unit.id) ?? 0 }));
}

/** Live units by code (upper case), for imports. */
export async function findUnitIdsByCode(codes: string[]): Promise<Map<string, string>> {
  const units = await prisma.orgUnit.findMany({
    select: { id: true, code: true },
    where: { code: { in: codes.map((code) => code.toUpperCase()) }, archivedAt: null },
  });
  return new Map(units.map((unit) => [unit.code, unit.id]));
}
