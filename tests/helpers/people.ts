import { upsertOrgUnitByCode } from "~/models/org-unit.server";
import { recordPrivacyConsent } from "~/models/privacy-consent.server";
import { upsertPerson } from "~/models/user.server";
import { hashPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";
import { PRIVACY_NOTICE_VERSION } from "~/utils/privacy";
import { createSession } from "~/utils/session.server";

// Real people in the test database, one per role, signed in for real.

export const TEST_PASSWORD = "correct horse battery staple";

export async function makeUnits() {
  await upsertOrgUnitByCode({ code: "T", name: "UBND tỉnh Thử", kind: "PROVINCE" });
  await upsertOrgUnitByCode({ code: "T-A", name: "Sở A", kind: "DEPARTMENT", parentCode: "T" });
  await upsertOrgUnitByCode({ code: "T-A-1", name: "Phòng A1", kind: "OFFICE", parentCode: "T-A" });
  await upsertOrgUnitByCode({ code: "T-B", name: "Sở B", kind: "DEPARTMENT", parentCode: "T" });
}

/**
 * A person with a password, who has accepted the current privacy notice
 * (unless `privacyPending`: they are then sent to it from every page).
 */
export async function makePerson(options: { email: string; fullName?: string; role?: Role; unitCode?: string; privacyPending?: boolean }) {
  const role = options.role ?? "LEARNER";
  const person = await upsertPerson({
    email: options.email,
    fullName: options.fullName ?? "Người Thử",
    staffCategory: "CONG_CHUC",
    unitCode: options.unitCode ?? "T-A-1",
    since: new Date("2024-01-01"),
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: role === "LEARNER" ? [] : [{ role, scopeUnitCode: role === "MANAGER" ? "T-A" : undefined }],
  });
  if (!options.privacyPending) await recordPrivacyConsent({ userId: person.id, noticeVersion: PRIVACY_NOTICE_VERSION });
  return person;
}

/** A Cookie header for a new live session of this person. */
export async function sessionCookieFor(userId: string, role: Role) {
  const session = await createSession({ userId, isAdmin: role === "ADMIN", userAgent: "vitest", ipAddress: "127.0.0.1" });
  return `hocso_session=${session.token}`;
}

/** A person with `role`, and a Cookie header for a live session of theirs. */
export async function signedInAs(role: Role, email = `${role.toLowerCase()}@example.test`) {
  const user = await makePerson({ email, role });
  return { userId: user.id, cookie: await sessionCookieFor(user.id, role) };
}
