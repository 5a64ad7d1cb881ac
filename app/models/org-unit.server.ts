import type { OrgUnitKind, Prisma } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n/vi";
import { prisma } from "~/utils/db.server";
import { rememberFor } from "~/utils/remember.server";
import { syncAssignments } from "./assignment.server";

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
/**
 * The home page's figures: the province and how many units it has. Every
 * visitor's home page shows them, so each process keeps them a minute
 * (units change a few times a year); a unit written through this process
 * is counted at once.
 */
export function getProvinceSummary() {
  return provinceSummary.get();
}

const provinceSummary = rememberFor(60_000, readProvinceSummary, (summary) => summary !== null);

/** Called by every write to units in this module. */
function unitsChanged() {
  provinceSummary.forget();
}

async function readProvinceSummary() {
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
  const saved = await prisma.orgUnit.upsert({
    select: { id: true },
    where: { code: input.code },
    create: { code: input.code, ...data },
    update: data,
  });
  unitsChanged();
  return saved;
}

/** The ids of these units and every unit below them (any depth). `db`: inside a transaction. */
export async function listSubtreeUnitIds(rootIds: string[], db: Prisma.TransactionClient = prisma): Promise<string[]> {
  if (!rootIds.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
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

export function getUnit(unitId: string) {
  return prisma.orgUnit.findFirst({
    select: { id: true, code: true, name: true, kind: true, parentId: true },
    where: { id: unitId, archivedAt: null },
  });
}

/** Live units for a parent picker, without `excludeSubtreeOf` and its subtree. */
export async function listUnitChoices(excludeSubtreeOf?: string) {
  const excluded = new Set(excludeSubtreeOf ? await listSubtreeUnitIds([excludeSubtreeOf]) : []);
  const units = await prisma.orgUnit.findMany({
    select: { id: true, name: true, code: true },
    where: { archivedAt: null },
    orderBy: { code: "asc" },
  });
  return units.filter((unit) => !excluded.has(unit.id));
}

/** A rule of the tree that a change would break; `key` is a catalog message. */
export class UnitRuleError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

async function assertLiveParent(client: Prisma.TransactionClient, parentId: string | null) {
  if (parentId && !(await client.orgUnit.count({ where: { id: parentId, archivedAt: null } }))) {
    throw new UnitRuleError("units.error.notFound");
  }
}

export async function createUnit(input: { code: string; name: string; kind: OrgUnitKind; parentId: string | null }) {
  if (await prisma.orgUnit.findUnique({ select: { id: true }, where: { code: input.code } })) {
    throw new UnitRuleError("units.error.codeTaken");
  }
  await assertLiveParent(prisma, input.parentId);
  const created = await prisma.orgUnit.create({ select: { id: true }, data: input });
  unitsChanged();
  return created;
}

/** True when `unitId` is `rootId` or anywhere below it. */
async function isWithin(tx: Prisma.TransactionClient, unitId: string, rootId: string): Promise<boolean> {
  const found = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE subtree AS (
      SELECT id FROM org_unit WHERE id = ${rootId}::uuid
      UNION SELECT child.id FROM org_unit child JOIN subtree ON child.parent_id = subtree.id)
    SELECT id::text FROM subtree WHERE id = ${unitId}::uuid`;
  return found.length > 0;
}

/** Renames or moves a unit; a unit cannot move under itself or its own units. */
export async function updateUnit(input: { unitId: string; name: string; kind: OrgUnitKind; parentId: string | null }) {
  const before = await prisma.$transaction(async (tx) => {
    const before = await tx.orgUnit.findFirstOrThrow({
      select: { name: true, kind: true, parentId: true },
      where: { id: input.unitId, archivedAt: null },
    });
    await assertLiveParent(tx, input.parentId);
    if (input.parentId && (await isWithin(tx, input.parentId, input.unitId))) throw new UnitRuleError("units.error.cycle");
    await tx.orgUnit.update({
      select: { id: true },
      where: { id: input.unitId },
      data: { name: input.name, kind: input.kind, parentId: input.parentId },
    });
    // A unit moved under another parent comes under (and out of) its rules.
    if (before.parentId !== input.parentId) await syncAssignments({ db: tx });
    return before;
  });
  unitsChanged();
  return before;
}

/**
 * Merges `unitId` into `survivorId`, as when two communes become one: from
 * `day` its people belong to the survivor (their earlier memberships stay,
 * so past reports still count them where they were), its units and manager
 * roles move to the survivor, and it is archived, pointing at the survivor.
 */
export async function mergeUnit(input: { unitId: string; survivorId: string; day: Date }) {
  if (input.unitId === input.survivorId) throw new UnitRuleError("units.error.mergeSelf");
  const merged = await prisma.$transaction(async (tx) => {
    const [unit, survivor] = await Promise.all([
      tx.orgUnit.findFirst({ select: { id: true, name: true }, where: { id: input.unitId, archivedAt: null } }),
      tx.orgUnit.findFirst({ select: { id: true, name: true }, where: { id: input.survivorId, archivedAt: null } }),
    ]);
    if (!unit || !survivor) throw new UnitRuleError("units.error.notFound");
    if (await isWithin(tx, input.survivorId, input.unitId)) throw new UnitRuleError("units.error.mergeIntoOwn");

    const open = await tx.unitMembership.findMany({
      select: { id: true, userId: true, validFrom: true },
      where: { unitId: unit.id, validTo: null },
    });
    // Opened today: simply re-point; older: close and open anew.
    const sameDay = open.filter((membership) => membership.validFrom.getTime() >= input.day.getTime());
    const older = open.filter((membership) => membership.validFrom.getTime() < input.day.getTime());
    await tx.unitMembership.updateMany({ where: { id: { in: sameDay.map((m) => m.id) } }, data: { unitId: survivor.id } });
    await tx.unitMembership.updateMany({ where: { id: { in: older.map((m) => m.id) } }, data: { validTo: input.day } });
    await tx.unitMembership.createMany({
      data: older.map((membership) => ({ userId: membership.userId, unitId: survivor.id, validFrom: input.day })),
    });
    await tx.orgUnit.updateMany({ where: { parentId: unit.id }, data: { parentId: survivor.id } });
    const grants = await tx.roleGrant.findMany({ select: { id: true, userId: true }, where: { scopeUnitId: unit.id } });
    for (const grant of grants) {
      const duplicate = await tx.roleGrant.findFirst({
        select: { id: true },
        where: { userId: grant.userId, role: "MANAGER", scopeUnitId: survivor.id },
      });
      if (duplicate) await tx.roleGrant.delete({ where: { id: grant.id }, select: { id: true } });
      else await tx.roleGrant.update({ where: { id: grant.id }, data: { scopeUnitId: survivor.id }, select: { id: true } });
    }
    // Training rules aimed at the merged unit now aim at the body it became.
    await tx.assignment.updateMany({ where: { unitId: unit.id }, data: { unitId: survivor.id } });
    await tx.assignment.updateMany({ where: { scopeUnitId: unit.id }, data: { scopeUnitId: survivor.id } });
    await tx.orgUnit.update({
      select: { id: true },
      where: { id: unit.id },
      data: { archivedAt: new Date(), mergedIntoId: survivor.id },
    });
    await syncAssignments({ db: tx, day: input.day });
    return { from: unit.name, into: survivor.name, peopleMoved: open.length };
  });
  unitsChanged();
  return merged;
}
