import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { grantRole, PersonRuleError, revokeRole, setPersonStatus, updatePerson } from "./user.server";

let userId = "";
let otherId = "";
beforeAll(async () => {
  await makeUnits();
  userId = (await makePerson({ email: "nguoi@example.test" })).id;
  otherId = (await makePerson({ email: "khac@example.test" })).id;
});

test("disabling a person ends all their sessions at once", async () => {
  await createSession({ userId, isAdmin: false, userAgent: null, ipAddress: null });
  await setPersonStatus({ userId, status: "DISABLED" });
  expect(await prisma.session.count({ where: { userId } })).toBe(0);
  await setPersonStatus({ userId, status: "ACTIVE" });
});

test("a role is granted once, and only its holder's grant id revokes it", async () => {
  const grant = await grantRole({ userId, role: "TRAINER", scopeUnitId: null, grantedById: otherId });
  await expect(grantRole({ userId, role: "TRAINER", scopeUnitId: null, grantedById: otherId })).rejects.toBeInstanceOf(PersonRuleError);
  expect(await revokeRole({ userId: otherId, grantId: grant.id })).toBe(false);
  expect(await revokeRole({ userId, grantId: grant.id })).toBe(true);
});

test("the database refuses a manager without a unit, whatever the code does", async () => {
  await expect(prisma.roleGrant.create({ data: { userId, role: "MANAGER" } })).rejects.toThrow();
});

test("an e-mail address or employee code held by someone else is refused", async () => {
  const unitId = (await prisma.orgUnit.findUniqueOrThrow({ where: { code: "T-B" }, select: { id: true } })).id;
  const base = { userId, fullName: "Người Thử", employeeCode: null, jobTitle: null, staffCategory: "CONG_CHUC" as const, unitId, day: new Date("2030-01-01") };
  await expect(updatePerson({ ...base, email: "khac@example.test" })).rejects.toMatchObject({ key: "people.error.emailTaken" });
  await updatePerson({ ...base, email: "nguoi@example.test" });
  const memberships = await prisma.unitMembership.findMany({ where: { userId }, orderBy: { validFrom: "asc" }, select: { validTo: true, unitId: true } });
  expect(memberships.at(-1)).toEqual({ validTo: null, unitId });
  expect(memberships).toHaveLength(2);
});

test("a unit that does not exist or was merged is refused, for a person and for a manager's scope", async () => {
  const unknown = "01900000-0000-7000-8000-000000000000";
  const base = { userId, email: "nguoi@example.test", fullName: "Người Thử", employeeCode: null, jobTitle: null, staffCategory: "CONG_CHUC" as const, day: new Date("2030-02-01") };
  await expect(updatePerson({ ...base, unitId: unknown })).rejects.toMatchObject({ key: "people.error.unitUnknown" });
  await expect(grantRole({ userId, role: "MANAGER", scopeUnitId: unknown, grantedById: otherId })).rejects.toMatchObject({
    key: "people.error.unitUnknown",
  });
});
