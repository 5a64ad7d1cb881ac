import { beforeAll, describe, expect, test } from "vitest";
import { accountKey } from "~/models/login-throttle.server";
import { prisma } from "~/utils/db.server";
import { sessionIdFromToken, validateSessionToken } from "~/utils/session.server";
import { makePerson, makeUnits, TEST_PASSWORD } from "../../tests/helpers/people";
import { signIn } from "./sign-in.server";

const MINUTE = 60_000;
const attempt = (email: string, password: string, now: Date, ipAddress = "10.0.0.1") =>
  signIn({ email, password, ipAddress, userAgent: "vitest", now });

beforeAll(async () => {
  await makeUnits();
  await makePerson({ email: "an@example.test", fullName: "Nguyễn Văn Ân" });
  await makePerson({ email: "binh@example.test" });
  await makePerson({ email: "disabled@example.test" });
  await prisma.user.update({ where: { email: "disabled@example.test" }, data: { status: "DISABLED" } });
});

describe("signIn", () => {
  test("the right password opens a session whose token is not stored", async () => {
    const result = await attempt("AN@example.test", TEST_PASSWORD, new Date());
    expect(result.outcome).toBe("signed-in");
    if (result.outcome !== "signed-in") return;
    expect(result.token).toMatch(/^[a-z2-7]{32}$/);
    const row = await prisma.session.findUnique({ where: { id: sessionIdFromToken(result.token) } });
    expect(row?.userId).toBe(result.userId);
    expect(await prisma.session.count({ where: { id: result.token } })).toBe(0);
    const valid = await validateSessionToken(result.token);
    expect(valid?.user).toMatchObject({ email: "an@example.test", fullName: "Nguyễn Văn Ân", roles: ["LEARNER"] });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "auth.sign_in", actorId: result.userId } });
    expect(audit).not.toBeNull();
  });

  test("the person's language comes with them; a browser's is not taken as theirs", async () => {
    const { id } = await makePerson({ email: "lang@example.test" });
    const signInNow = () => signIn({ email: "lang@example.test", password: TEST_PASSWORD, ipAddress: "10.0.0.9", userAgent: "vitest" });
    // Never chose: nothing to carry, nothing stored.
    expect(await signInNow()).toMatchObject({ outcome: "signed-in", locale: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).locale).toBeNull();
    // Chose English (app/routes/language.tsx): every later sign-in brings it.
    await prisma.user.update({ where: { id }, data: { locale: "en" } });
    expect(await signInNow()).toMatchObject({ outcome: "signed-in", locale: "en" });
  });

  test("wrong password, unknown e-mail and disabled account get the same answer", async () => {
    const now = new Date();
    expect(await attempt("binh@example.test", "wrong password!", now, "10.0.0.2")).toEqual({ outcome: "invalid" });
    expect(await attempt("nobody@example.test", "wrong password!", now, "10.0.0.2")).toEqual({ outcome: "invalid" });
    expect(await attempt("disabled@example.test", TEST_PASSWORD, now, "10.0.0.2")).toEqual({ outcome: "invalid" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBeGreaterThanOrEqual(3);
  });

  test("20 wrong attempts lock the account; the right password fails until the lock ends", async () => {
    const email = "binh@example.test";
    const start = new Date(Date.now() + 60 * MINUTE);
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await attempt(email, `wrong guess ${i}`, new Date(start.getTime() + i * 1000));
      outcomes.push(result.outcome);
    }
    // Four plain failures, then locked.
    expect(outcomes.slice(0, 4)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(new Set(outcomes.slice(4))).toEqual(new Set(["locked"]));

    const during = await attempt(email, TEST_PASSWORD, new Date(start.getTime() + 30 * 1000));
    expect(during.outcome).toBe("locked");
    if (during.outcome === "locked") expect(during.until.getTime()).toBeGreaterThan(start.getTime());

    const after = await attempt(email, TEST_PASSWORD, new Date(start.getTime() + 2 * MINUTE));
    expect(after.outcome).toBe("signed-in");
  });

  test("guesses sent in parallel cannot slip past the lock", async () => {
    await makePerson({ email: "song-song@example.test" });
    const now = new Date(Date.now() + 6 * 60 * MINUTE);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt("song-song@example.test", `guess ${i}`, now, "10.0.0.9")),
    );
    // Only four passwords were ever checked and found wrong; everything else was refused.
    expect(outcomes.filter((result) => result.outcome === "invalid")).toHaveLength(4);
    expect(outcomes.filter((result) => result.outcome === "locked")).toHaveLength(16);
  });

  test("failures keep counting: the lock grows longer", async () => {
    const email = "an@example.test";
    let now = new Date(Date.now() + 3 * 60 * MINUTE);
    let last: Awaited<ReturnType<typeof attempt>> = { outcome: "invalid" };
    let lastTriedAt = now;
    // Wait out each short lock and fail again, ten times over.
    for (let i = 0; i < 10; i++) {
      lastTriedAt = now;
      last = await attempt(email, "wrong again", now, "10.0.0.3");
      now = new Date((last.outcome === "locked" ? last.until.getTime() : now.getTime()) + 1000);
    }
    const row = await prisma.loginThrottle.findUnique({ where: { key: accountKey(email) } });
    expect(row?.failures).toBe(10);
    // The counters match the address and the network address again, but do
    // not hold them (personal data).
    expect(await prisma.loginThrottle.count({ where: { OR: [{ key: { contains: "example.test" } }, { key: { contains: "10.0.0.3" } }] } })).toBe(0);
    // The tenth failure locks for 15 minutes, not one.
    expect(last.outcome).toBe("locked");
    if (last.outcome === "locked") expect(last.until.getTime() - lastTriedAt.getTime()).toBe(15 * MINUTE);
  });
});
