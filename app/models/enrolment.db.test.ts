import { beforeAll, describe, expect, test } from "vitest";
import { getLearnerCourse } from "~/services/learning.server";
import type { CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { publishCourse } from "~/services/course-publish.server";
import { writeDraftContent } from "./course.server";
import { enrol, findCourseWithCurrentEnrolment, getCurrentEnrolment, markItemDone, recordVisit } from "./enrolment.server";

const lesson = (key: string, body = `Nội dung ${key}.`) => ({ key, kind: "LESSON" as const, title: `Bài ${key}`, minutes: 5, body, passPercent: null });
const content = (items: ReturnType<typeof lesson>[]): CourseContent => ({
  slug: "khoa-thu",
  title: "Khoá thử",
  summary: "Tóm tắt",
  description: "",
  level: "BASIC",
  estimatedMinutes: 15,
  coverImage: null,
  competences: [],
  prerequisites: [],
  modules: [{ key: "phan-1", title: "Phần 1", items }],
});

let userId = "";
let otherId = "";
let courseId = "";
beforeAll(async () => {
  await makeUnits();
  userId = (await makePerson({ email: "hoc@example.test" })).id;
  otherId = (await makePerson({ email: "khac@example.test" })).id;
  const v1 = content([lesson("mot"), lesson("hai")]);
  courseId = await writeDraftContent({ content: v1, trainerIds: [], sourceHash: null });
  await publishCourse({ courseId, content: v1, changeNote: "Bản đầu", publishedById: null });
});

describe("enrolment", () => {
  test("two clicks on “Bắt đầu học” make one enrolment", async () => {
    const [a, b] = await Promise.all([enrol({ userId, courseId, source: "SELF" }), enrol({ userId, courseId, source: "SELF" })]);
    expect(a).toBe(b);
    expect(await prisma.enrolment.count({ where: { userId, courseId } })).toBe(1);
  });

  test("a learner in progress keeps their version when a newer one is published; a new learner gets the newest", async () => {
    const v2 = content([lesson("mot", "Nội dung mới."), lesson("ba")]);
    await writeDraftContent({ content: v2, trainerIds: [], sourceHash: null });
    await publishCourse({ courseId, content: v2, changeNote: "Bản hai", publishedById: null });

    const mine = await getLearnerCourse({ slug: "khoa-thu", userId });
    expect(mine!.enrolment!.versionNumber).toBe(1);
    expect(mine!.content.modules[0]!.items.map((item) => item.key)).toEqual(["mot", "hai"]);
    expect(mine!.newerVersion).toBe(true);

    await enrol({ userId: otherId, courseId, source: "SELF" });
    const theirs = await getLearnerCourse({ slug: "khoa-thu", userId: otherId });
    expect(theirs!.enrolment!.versionNumber).toBe(2);
    expect(theirs!.content.modules[0]!.items.map((item) => item.key)).toEqual(["mot", "ba"]);
  });

  test("marking done is idempotent; the last item completes the course once; items not in the version are refused", async () => {
    const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { userId, courseId } });
    expect(await markItemDone({ userId, enrolmentId: enrolment.id, itemKey: "ba" })).toEqual({ status: "no-such-item" });
    expect(await markItemDone({ userId: otherId, enrolmentId: enrolment.id, itemKey: "mot" })).toEqual({ status: "not-enrolled" });
    expect(await markItemDone({ userId, enrolmentId: enrolment.id, itemKey: "mot" })).toEqual({ status: "done" });
    expect(await markItemDone({ userId, enrolmentId: enrolment.id, itemKey: "mot" })).toEqual({ status: "done" });
    const [a, b] = await Promise.all([
      markItemDone({ userId, enrolmentId: enrolment.id, itemKey: "hai" }),
      markItemDone({ userId, enrolmentId: enrolment.id, itemKey: "hai" }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["completed", "not-enrolled"]);
    const after = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
    expect(after.status).toBe("COMPLETED");
    expect(after.completedAt).not.toBeNull();
    expect(await prisma.itemProgress.count({ where: { enrolmentId: enrolment.id } })).toBe(2);

    // Completed stays as history; starting again is a new enrolment on the newest version.
    const again = await enrol({ userId, courseId, source: "SELF" });
    expect(again).not.toBe(enrolment.id);
    expect(await prisma.enrolment.count({ where: { userId, courseId } })).toBe(2);
  });
});

test("a course with a prerequisite cannot be started until the prerequisite is completed", async () => {
  const { ensureEnrolment } = await import("~/services/learning.server");
  const next = { ...content([lesson("x")]), slug: "khoa-sau", title: "Khoá sau", prerequisites: ["khoa-thu"] };
  const laterId = await writeDraftContent({ content: next, trainerIds: [], sourceHash: null });
  await publishCourse({ courseId: laterId, content: next, changeNote: "Bản đầu", publishedById: null });
  const newcomer = (await makePerson({ email: "moi@example.test" })).id;
  const blocked = await getLearnerCourse({ slug: "khoa-sau", userId: newcomer });
  expect(blocked!.blockedBy).toEqual(["khoa-thu"]);
  expect(await ensureEnrolment(blocked!, newcomer)).toEqual({ ok: false, reason: "progress.prerequisitesFirst" });
  // userId completed "khoa-thu" in the test above.
  const allowed = await getLearnerCourse({ slug: "khoa-sau", userId });
  expect(allowed!.blockedBy).toEqual([]);
  expect((await ensureEnrolment(allowed!, userId)).ok).toBe(true);
});

test("a course taken in order opens each item once the ones before are done", async () => {
  const { lockedBy } = await import("~/services/learning.server");
  const ordered = { ...content([lesson("mot"), lesson("hai"), lesson("ba")]), sequential: true as const };
  expect(lockedBy(ordered, [], "mot")).toBeNull();
  expect(lockedBy(ordered, [], "ba")).toEqual({ key: "mot", title: "Bài mot", kind: "LESSON" });
  expect(lockedBy(ordered, ["mot"], "ba")).toEqual({ key: "hai", title: "Bài hai", kind: "LESSON" });
  expect(lockedBy(ordered, ["mot", "hai"], "ba")).toBeNull();
  // Not in order: nothing is ever locked.
  expect(lockedBy(content([lesson("mot"), lesson("hai")]), [], "hai")).toBeNull();
});

describe("where the learner is", () => {
  test("a lesson read again within a minute is not written again; another lesson, or a later read, is", async () => {
    const personId = (await makePerson({ email: "dau@example.test" })).id;
    const enrolmentId = (await enrol({ userId: personId, courseId, source: "SELF" }))!;
    const row = () => prisma.enrolment.findUniqueOrThrow({ select: { lastItemKey: true, lastActivityAt: true }, where: { id: enrolmentId } });
    const enrolment = async () => ({ id: enrolmentId, ...(await row()) });

    await recordVisit({ userId: personId, enrolment: await enrolment(), itemKey: "mot" });
    const first = await row();
    expect(first.lastItemKey).toBe("mot");
    await recordVisit({ userId: personId, enrolment: await enrolment(), itemKey: "mot" });
    expect((await row()).lastActivityAt).toEqual(first.lastActivityAt);

    await recordVisit({ userId: personId, enrolment: await enrolment(), itemKey: "hai" });
    expect((await row()).lastItemKey).toBe("hai");

    // A minute later the same lesson counts as activity again.
    await prisma.enrolment.update({ where: { id: enrolmentId }, data: { lastActivityAt: new Date(Date.now() - 61_000) } });
    const stale = await row();
    await recordVisit({ userId: personId, enrolment: await enrolment(), itemKey: "hai" });
    expect((await row()).lastActivityAt.getTime()).toBeGreaterThan(stale.lastActivityAt.getTime());

    // Someone else's enrolment is never written.
    await recordVisit({ userId: otherId, enrolment: { id: enrolmentId, lastItemKey: null, lastActivityAt: new Date(0) }, itemKey: "mot" });
    expect((await row()).lastItemKey).toBe("hai");
  });
});

describe("a course and the person's current enrolment in one statement", () => {
  test("is what the course and getCurrentEnrolment give separately", async () => {
    const someone = (await makePerson({ email: "mot-cau-lenh@example.test" })).id;
    const course = await prisma.course.findUniqueOrThrow({ select: { id: true, status: true, publishedVersionId: true }, where: { id: courseId } });
    expect(await findCourseWithCurrentEnrolment({ slug: "khoa-thu", userId: someone })).toEqual({ course, enrolment: null });
    const enrolmentId = (await enrol({ userId: someone, courseId, source: "SELF" }))!;
    await markItemDone({ userId: someone, enrolmentId, itemKey: "mot" });
    await prisma.enrolment.update({ where: { id: enrolmentId }, data: { lastItemKey: "mot", lastActivityAt: new Date("2026-11-20T01:02:03.456Z") } });
    const together = await findCourseWithCurrentEnrolment({ slug: "khoa-thu", userId: someone });
    const apart = await getCurrentEnrolment({ userId: someone, courseId });
    expect(together).toEqual({ course, enrolment: apart });
    // Dates as dates, to the millisecond; progress as a set of keys.
    expect(together?.enrolment?.startedAt).toBeInstanceOf(Date);
    expect(together?.enrolment?.lastActivityAt).toEqual(new Date("2026-11-20T01:02:03.456Z"));
    expect(together?.enrolment?.lastItemKey).toBe("mot");
    expect([...(together?.enrolment?.done ?? [])]).toEqual(["mot"]);
  });

  test("unknown slug: nothing; another person's enrolment is never theirs", async () => {
    expect(await findCourseWithCurrentEnrolment({ slug: "khong-co", userId })).toBeNull();
    const stranger = (await makePerson({ email: "nguoi-la@example.test" })).id;
    expect((await findCourseWithCurrentEnrolment({ slug: "khoa-thu", userId: stranger }))?.enrolment).toBeNull();
  });
});
