import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { createSession, sessionIdFromToken, validateSessionToken } from "./session.server";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let learnerId = "";
let adminId = "";

beforeAll(async () => {
  await makeUnits();
  learnerId = (await makePerson({ email: "learner@example.test" })).id;
  adminId = (await makePerson({ email: "admin@example.test", role: "ADMIN" })).id;
});

const open = (userId: string, isAdmin: boolean, now: Date) =>
  createSession({ userId, isAdmin, userAgent: null, ipAddress: null, now });

test("a session used in its second half is extended (sliding expiry)", async () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const { token, expiresAt } = await open(learnerId, false, t0);
  expect(expiresAt.getTime()).toBe(t0.getTime() + 30 * DAY);
  // First half: valid, not extended.
  const early = await validateSessionToken(token, new Date(t0.getTime() + 5 * DAY));
  expect(early?.expiresAt.getTime()).toBe(expiresAt.getTime());
  expect(early?.refreshedCookie).toBe(false);
  // Second half: extended by a full lifetime from now, cookie refreshed.
  const later = new Date(t0.getTime() + 20 * DAY);
  const extended = await validateSessionToken(token, later);
  expect(extended?.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
  expect(extended?.refreshedCookie).toBe(true);
});

test("an expired session is refused and deleted", async () => {
  const t0 = new Date("2026-02-01T00:00:00Z");
  const { token } = await open(learnerId, false, t0);
  expect(await validateSessionToken(token, new Date(t0.getTime() + 31 * DAY))).toBeNull();
  expect(await prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
});

test("administrators: 30 minutes idle ends the session", async () => {
  const t0 = new Date("2026-03-01T08:00:00Z");
  const { token } = await open(adminId, true, t0);
  expect(await validateSessionToken(token, new Date(t0.getTime() + 20 * MINUTE))).not.toBeNull();
  expect(await validateSessionToken(token, new Date(t0.getTime() + 51 * MINUTE))).toBeNull();
});

test("administrators: 12 hours is the end, however active", async () => {
  const t0 = new Date("2026-03-02T08:00:00Z");
  const { token } = await open(adminId, true, t0);
  let now = t0;
  for (let step = 0; step < 11 * 3; step++) {
    now = new Date(now.getTime() + 20 * MINUTE);
    expect(await validateSessionToken(token, now), `still active at ${now.toISOString()}`).not.toBeNull();
  }
  expect(await validateSessionToken(token, new Date(t0.getTime() + 12 * 60 * MINUTE + 1))).toBeNull();
});

test("disabling a person ends their sessions at once", async () => {
  const person = await makePerson({ email: "leaving@example.test" });
  const { token } = await open(person.id, false, new Date());
  expect(await validateSessionToken(token)).not.toBeNull();
  await prisma.user.update({ where: { id: person.id }, data: { status: "DISABLED" } });
  expect(await validateSessionToken(token)).toBeNull();
});

test("a made-up token finds nothing", async () => {
  expect(await validateSessionToken("a".repeat(32))).toBeNull();
});

test("someone made an administrator while signed in must sign in again, under admin limits", async () => {
  const person = await makePerson({ email: "promoted@example.test" });
  const { token } = await open(person.id, false, new Date());
  expect(await validateSessionToken(token)).not.toBeNull();
  await prisma.roleGrant.create({ data: { userId: person.id, role: "ADMIN" } });
  expect(await validateSessionToken(token)).toBeNull();
});
