import { beforeAll, describe, expect, test } from "vitest";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { prisma } from "~/utils/db.server";
import { PRIVACY_NOTICE_VERSION } from "~/utils/privacy";
import { loader as rootLoader } from "~/root";
import { oneLessonCourse, publishTestCourse } from "./helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "./helpers/people";
import { statusOf } from "./helpers/status";
import { loader as dataLoader } from "~/routes/account.data[.json]";
import { action as personAction } from "~/routes/admin.people_.$userId/route";
import { action as anonymiseAction, loader as anonymiseLoader } from "~/routes/admin.people_.$userId_.anonymise";
import { loader as learningLoader } from "~/routes/learning";
import { action as logoutAction } from "~/routes/logout";
import { action as privacyAction, loader as privacyLoader } from "~/routes/privacy";
import { loader as verifyLoader } from "~/routes/verify.$code";

// The privacy notice at first sign-in, a person's own data as a file, and an
// administrator anonymising a person — through the routes, with real requests.

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
const thrown = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown response");
};

let adminId = "";
let adminCookie = "";
beforeAll(async () => {
  await makeUnits();
  adminId = (await makePerson({ email: "quantri@example.test", role: "ADMIN" })).id;
  adminCookie = await sessionCookieFor(adminId, "ADMIN");
});

describe("the privacy notice at first sign-in", () => {
  let userId = "";
  let cookie = "";
  beforeAll(async () => {
    userId = (await makePerson({ email: "moi@example.test", fullName: "Đinh Thị Mới", privacyPending: true })).id;
    cookie = await sessionCookieFor(userId, "LEARNER");
  });

  test("every page sends them to the notice, and says where they were going", async () => {
    const response = await thrown(() => learningLoader(args(get("/learning?tab=done", cookie))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/privacy?redirectTo=${encodeURIComponent("/learning?tab=done")}`);
    // The root loader asks too: so does every page, including public ones.
    expect((await thrown(() => rootLoader(args(get("/", cookie))))).headers.get("Location")).toBe("/privacy");
  });

  test("the notice, signing out and their own data stay open", async () => {
    const notice = await privacyLoader(args(get("/privacy?redirectTo=%2Flearning", cookie)));
    expect(notice).toMatchObject({ state: "pending", version: PRIVACY_NOTICE_VERSION, redirectTo: "/learning", declined: false });
    expect(await statusOf(() => dataLoader(args(get("/account/data.json", cookie))))).toBe(200);
    const other = await sessionCookieFor(userId, "LEARNER");
    expect((await logoutAction(args(post("/logout", other, {})))).headers.get("Location")).toBe("/");
  });

  test("anyone may read the notice without signing in", async () => {
    expect(await privacyLoader(args(get("/privacy")))).toMatchObject({ state: "anonymous" });
  });

  test("a page showing another version than the one in force records nothing and shows the notice again", async () => {
    const response = await privacyAction(args(post("/privacy?redirectTo=%2Flearning", cookie, { intent: "accept", version: String(PRIVACY_NOTICE_VERSION + 1) })));
    expect(response.headers.get("Location")).toBe("/privacy?redirectTo=%2Flearning");
    expect(await prisma.privacyConsent.count({ where: { userId } })).toBe(0);
  });

  test("accepting records who, which version and when, once, and goes on to where they were going", async () => {
    const first = await privacyAction(args(post("/privacy", cookie, { intent: "accept", version: String(PRIVACY_NOTICE_VERSION), redirectTo: "/learning" })));
    expect(first.headers.get("Location")).toBe("/learning");
    // A double click: still one acceptance, one audit event.
    await privacyAction(args(post("/privacy", cookie, { intent: "accept", version: String(PRIVACY_NOTICE_VERSION), redirectTo: "//evil.example" })));
    expect(await prisma.privacyConsent.findMany({ select: { noticeVersion: true, acceptedAt: true }, where: { userId } })).toEqual([
      { noticeVersion: PRIVACY_NOTICE_VERSION, acceptedAt: expect.any(Date) },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "privacy.accepted", actorId: userId } })).toBe(1);
    expect(await statusOf(() => learningLoader(args(get("/learning", cookie))))).toBe(200);
    expect(await privacyLoader(args(get("/privacy", cookie)))).toMatchObject({ state: "accepted", acceptedOn: expect.any(String) });
  });

  test("declining signs them out, with the reasons, and records the refusal", async () => {
    const person = await makePerson({ email: "tuchoi@example.test", privacyPending: true });
    const personCookie = await sessionCookieFor(person.id, "LEARNER");
    const response = await privacyAction(args(post("/privacy", personCookie, { intent: "decline", version: String(PRIVACY_NOTICE_VERSION) })));
    expect(response.headers.get("Location")).toBe("/privacy?declined=1");
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await prisma.privacyConsent.count({ where: { userId: person.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "privacy.declined", actorId: person.id } })).toBe(1);
    expect(await privacyLoader(args(get("/privacy?declined=1")))).toMatchObject({ state: "anonymous", declined: true });
  });

  test("bad input is a 400 and records nothing", async () => {
    expect(await statusOf(() => privacyAction(args(post("/privacy", cookie, { intent: "maybe", version: "1" }))))).toBe(400);
  });
});

describe("downloading one's own data", () => {
  test("a file of the person's own data, named and never cached", async () => {
    const owner = await makePerson({ email: "chu.du.lieu@example.test", fullName: "Chủ Dữ Liệu" });
    const stranger = await makePerson({ email: "nguoi.la@example.test", fullName: "Người Lạ Mặt" });
    const response = await dataLoader(args(get("/account/data.json", await sessionCookieFor(owner.id, "LEARNER"))));
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="hoc-so-du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.text();
    expect(JSON.parse(body).profile).toMatchObject({ id: owner.id, email: "chu.du.lieu@example.test" });
    expect(body).not.toContain(stranger.id);
    expect(body).not.toContain("Người Lạ Mặt");
    expect(await prisma.auditEvent.count({ where: { action: "privacy.downloaded", actorId: owner.id } })).toBe(1);
  });

  test("the address names no one: whoever asks gets their own file, and no one signed in gets nothing", async () => {
    const stranger = await makePerson({ email: "to.mo@example.test" });
    const response = await dataLoader(args(get("/account/data.json?userId=" + adminId, await sessionCookieFor(stranger.id, "LEARNER")), { userId: adminId }));
    expect(JSON.parse(await response.text()).profile.id).toBe(stranger.id);
    const anonymous = await thrown(() => dataLoader(args(get("/account/data.json"))));
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("anonymising a person", () => {
  let personId = "";
  let code = "";
  beforeAll(async () => {
    personId = (await makePerson({ email: "xin.xoa@example.test", fullName: "Hoàng Văn Xoá" })).id;
    const courseId = await publishTestCourse(oneLessonCourse("an-danh", "Khoá học ẩn danh"));
    const enrolmentId = (await enrol({ userId: personId, courseId, source: "SELF" }))!;
    await markItemDone({ userId: personId, enrolmentId, itemKey: "b" });
    code = (await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } })).code;
  });
  const path = () => `/admin/people/${personId}/anonymise`;

  test("only administrators: others are refused, and an unknown person is a 404", async () => {
    for (const role of ["LEARNER", "TRAINER", "MANAGER"] as const) {
      const someone = await makePerson({ email: `${role.toLowerCase()}.thu@example.test`, role });
      const cookie = await sessionCookieFor(someone.id, role);
      expect(await statusOf(() => anonymiseLoader(args(get(path(), cookie), { userId: personId })))).toBe(403);
      expect(await statusOf(() => anonymiseAction(args(post(path(), cookie, { confirm: "yes" }), { userId: personId })))).toBe(403);
    }
    const unknown = "0197a000-0000-7000-8000-000000000000";
    expect(await statusOf(() => anonymiseAction(args(post(path(), adminCookie, { confirm: "yes" }), { userId: unknown })))).toBe(404);
    expect(await prisma.user.count({ where: { id: personId, anonymisedAt: { not: null } } })).toBe(0);
  });

  test("asks for the confirmation first, and an admin cannot anonymise themselves", async () => {
    expect(await anonymiseLoader(args(get(path(), adminCookie), { userId: personId }))).toMatchObject({ person: { id: personId } });
    expect(await statusOf(() => anonymiseAction(args(post(path(), adminCookie, {}), { userId: personId })))).toBe(400);
    const self = await anonymiseAction(args(post(`/admin/people/${adminId}/anonymise`, adminCookie, { confirm: "yes" }), { userId: adminId }));
    expect(self).toMatchObject({ data: { errors: { form: "anonymise.self" } } });
    expect(await prisma.user.count({ where: { id: { in: [personId, adminId] }, anonymisedAt: { not: null } } })).toBe(0);
  });

  test("anonymises once, audits it without the person's data, and the certificate page says so", async () => {
    const response = await anonymiseAction(args(post(path(), adminCookie, { confirm: "yes" }), { userId: personId }));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe(`/admin/people/${personId}`);
    const person = await prisma.user.findUniqueOrThrow({ select: { fullName: true, email: true }, where: { id: personId } });
    expect(person.fullName).toMatch(/^Người dùng ẩn danh [0-9A-F]{6}$/);
    const events = await prisma.auditEvent.findMany({ select: { actorId: true, detail: true }, where: { action: "person.anonymised", targetId: personId } });
    expect(events).toEqual([{ actorId: adminId, detail: { certificates: 1 } }]);

    // A second click: told it was already done; nothing more in the log.
    const again = await anonymiseAction(args(post(path(), adminCookie, { confirm: "yes" }), { userId: personId }));
    expect((again as Response).headers.get("Set-Cookie")).toContain(encodeURIComponent("trước đó"));
    expect(await prisma.auditEvent.count({ where: { action: "person.anonymised", targetId: personId } })).toBe(1);
    // The confirmation page has nothing left to do.
    expect((await thrown(() => anonymiseLoader(args(get(path(), adminCookie), { userId: personId })))).headers.get("Location")).toBe(`/admin/people/${personId}`);

    const verify = await verifyLoader(args(get(`/verify/${code}`), { code }));
    expect(verify).toMatchObject({ found: { state: "anonymised", holderName: person.fullName } });
    expect(JSON.stringify(verify)).not.toContain("Hoàng Văn Xoá");

    // Revoked afterwards (say, for fraud): the checker must learn that, not "anonymised".
    await prisma.certificate.update({ where: { code }, data: { revokedAt: new Date() }, select: { id: true } });
    expect(await verifyLoader(args(get(`/verify/${code}`), { code }))).toMatchObject({ found: { state: "revoked" } });
  });

  test("an anonymised person's page changes nothing any more", async () => {
    const update = await personAction(
      args(post(`/admin/people/${personId}`, adminCookie, { intent: "status", status: "ACTIVE" }), { userId: personId }),
    );
    expect(update).toMatchObject({ data: { errors: { form: "person.anonymisedLocked" } } });
    expect(await prisma.user.count({ where: { id: personId, status: "DISABLED" } })).toBe(1);
  });
});
