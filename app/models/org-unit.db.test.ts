import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { createUnit, listSubtreeUnitIds, mergeUnit, UnitRuleError, updateUnit, upsertOrgUnitByCode } from "./org-unit.server";

const idOf = async (code: string) => (await prisma.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

beforeAll(async () => {
  await makeUnits();
  await upsertOrgUnitByCode({ code: "X-1", name: "Xã Một", kind: "COMMUNE", parentCode: "T" });
  await upsertOrgUnitByCode({ code: "X-1-VP", name: "Văn phòng HĐND và UBND", kind: "OFFICE", parentCode: "X-1" });
  await upsertOrgUnitByCode({ code: "X-2", name: "Xã Hai", kind: "COMMUNE", parentCode: "T" });
  await makePerson({ email: "mot@example.test", unitCode: "X-1" });
  await makePerson({ email: "quanly-x1@example.test", unitCode: "X-2", role: "MANAGER" });
  // makePerson scopes managers to T-A; give this one the commune instead.
  await prisma.roleGrant.updateMany({ where: { user: { email: "quanly-x1@example.test" } }, data: { scopeUnitId: await idOf("X-1") } });
});

test("a subtree has the unit and everything below it, at any depth", async () => {
  const ids = await listSubtreeUnitIds([await idOf("T-A")]);
  expect(ids.sort()).toEqual([await idOf("T-A"), await idOf("T-A-1")].sort());
});

test("a unit cannot move under itself or its own units", async () => {
  const unitId = await idOf("T-A");
  await expect(updateUnit({ unitId, name: "Sở A", kind: "DEPARTMENT", parentId: await idOf("T-A-1") })).rejects.toBeInstanceOf(UnitRuleError);
  await expect(updateUnit({ unitId, name: "Sở A", kind: "DEPARTMENT", parentId: unitId })).rejects.toBeInstanceOf(UnitRuleError);
  await updateUnit({ unitId, name: "Sở A (đổi tên)", kind: "DEPARTMENT", parentId: await idOf("T-B") });
  expect(await prisma.orgUnit.findUnique({ where: { id: unitId }, select: { name: true, parentId: true } })).toEqual({
    name: "Sở A (đổi tên)",
    parentId: await idOf("T-B"),
  });
});

test("unit codes are unique", async () => {
  await expect(createUnit({ code: "T-B", name: "Trùng", kind: "OFFICE", parentId: null })).rejects.toBeInstanceOf(UnitRuleError);
});

test("merging moves people from that day, keeps their history, and moves units and manager roles", async () => {
  const [one, two] = [await idOf("X-1"), await idOf("X-2")];
  const day = new Date("2031-07-01");
  const result = await mergeUnit({ unitId: one, survivorId: two, day });
  expect(result).toEqual({ from: "Xã Một", into: "Xã Hai", peopleMoved: 1 });

  const history = await prisma.unitMembership.findMany({
    where: { user: { email: "mot@example.test" } },
    select: { unitId: true, validFrom: true, validTo: true },
    orderBy: { validFrom: "asc" },
  });
  expect(history).toEqual([
    { unitId: one, validFrom: new Date("2024-01-01"), validTo: day },
    { unitId: two, validFrom: day, validTo: null },
  ]);
  expect(await prisma.orgUnit.findUnique({ where: { id: one }, select: { archivedAt: true, mergedIntoId: true } })).toMatchObject({
    mergedIntoId: two,
    archivedAt: expect.any(Date),
  });
  expect((await prisma.orgUnit.findUniqueOrThrow({ where: { code: "X-1-VP" }, select: { parentId: true } })).parentId).toBe(two);
  const grant = await prisma.roleGrant.findFirstOrThrow({ where: { user: { email: "quanly-x1@example.test" } }, select: { scopeUnitId: true } });
  expect(grant.scopeUnitId).toBe(two);
  // An archived unit cannot take part again.
  await expect(mergeUnit({ unitId: one, survivorId: two, day })).rejects.toBeInstanceOf(UnitRuleError);
});
