import { beforeAll, describe, expect, test } from "vitest";
import { signIn } from "~/services/sign-in.server";
import { prisma } from "~/utils/db.server";
import { PRIVACY_NOTICE_VERSION } from "~/utils/privacy";
import { freezeQuiz } from "~/utils/quiz";
import { createSession } from "~/utils/session.server";
import { oneLessonCourse, publishTestCourse, quizCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits, TEST_PASSWORD } from "../../tests/helpers/people";
import { pruneAuditEvents, recordAudit } from "./audit.server";
import { enrol, markItemDone } from "./enrolment.server";
import { accountKey } from "./login-throttle.server";
import { applyCheckedImport } from "./people-import.server";
import { anonymisePerson, describeAnswer, exportPersonalData } from "./personal-data.server";
import { listPrivacyConsents, recordPrivacyConsent } from "./privacy-consent.server";
import { saveAnswers, startAttempt } from "./quiz-attempt.server";
import { setPersonStatus, updatePerson } from "./user.server";

// A person's own data, whole and nobody else's; and the anonymisation that
// answers a request to delete it.

const GIFT = "::Thủ đô::Thủ đô của Việt Nam là thành phố nào? {=Hà Nội}\n\n::Chọn::Mật khẩu mạnh có bao nhiêu ký tự? {=12 ký tự trở lên ~6 ký tự}\n";
const OWNER = { email: "lan.pham@example.test", fullName: "Phạm Thị Lan" };
const OTHER = { email: "tuan.vo@example.test", fullName: "Võ Minh Tuấn" };

let ownerId = "";
let otherId = "";
let enrolmentId = "";
let checkedImportId = "";

beforeAll(async () => {
  await makeUnits();
  ownerId = (await makePerson({ ...OWNER, role: "TRAINER" })).id;
  otherId = (await makePerson({ ...OTHER })).id;
  await prisma.user.update({ where: { id: ownerId }, data: { employeeCode: "LD-0042", jobTitle: "Chuyên viên", quizExtraTimePercent: 50 } });

  const quizCourseId = await publishTestCourse(quizCourse("du-lieu-ca-nhan", "Bảo vệ dữ liệu", GIFT));
  const lessonCourseId = await publishTestCourse(oneLessonCourse("mot-bai", "Một bài"));
  enrolmentId = (await enrol({ userId: ownerId, courseId: quizCourseId, source: "SELF" }))!;
  const questions = freezeQuiz(GIFT);
  const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 });
  if (started.status === "exhausted") throw new Error("should start");
  const choice = questions.find((question) => question.kind === "single")!;
  const right = choice.answers.findIndex((answer) => answer.text === "12 ký tự trở lên");
  await saveAnswers({ attemptId: started.attemptId, userId: ownerId, seq: 0, answers: { [questions[0]!.key]: "Hà Nội", [choice.key]: [right] } });
  // The other person learns too: none of it may appear in the owner's file.
  const otherEnrolment = (await enrol({ userId: otherId, courseId: quizCourseId, source: "SELF" }))!;
  await startAttempt({ enrolmentId: otherEnrolment, itemKey: "kiem-tra", questions, passPercent: 100 });
  // A finished course: a certificate with the owner's name.
  const done = (await enrol({ userId: ownerId, courseId: lessonCourseId, source: "SELF" }))!;
  await markItemDone({ userId: ownerId, enrolmentId: done, itemKey: "b" });

  await createSession({ userId: ownerId, isAdmin: false, userAgent: "Mozilla/5.0 (Android 14)", ipAddress: "10.0.0.7" });
  await prisma.passwordResetToken.create({ data: { id: "f".repeat(64), userId: ownerId, expiresAt: new Date(Date.now() + 3_600_000) } });
  await prisma.notification.create({ data: { userId: ownerId, kind: "ASSIGNED", dedupeKey: "assigned:test", params: { course: "Bảo vệ dữ liệu", due: "31/12/2026" } } });
  await prisma.outboxMessage.create({ data: { to: OWNER.email, subject: "Đặt lại mật khẩu", text: `Chào ${OWNER.fullName}` } });
  await prisma.loginThrottle.create({ data: { key: accountKey(OWNER.email), failures: 2 } });
  // An administrator's edit of the owner, from the administrator's own address.
  await recordAudit({ action: "person.updated", actorId: otherId, targetType: "user", targetId: ownerId, ipAddress: "10.9.9.9", detail: { fullName: OWNER.fullName, email: OWNER.email } });
  await recordAudit({ action: "auth.sign_in_failed", detail: { email: OWNER.email }, ipAddress: "10.0.0.7" });
  await recordAudit({ action: "person.updated", actorId: ownerId, targetType: "user", targetId: otherId, detail: { fullName: OTHER.fullName, email: OTHER.email } });
  await prisma.peopleImport.create({
    data: {
      createdById: otherId,
      fileName: "danh-sach.xlsx",
      rowCount: 2,
      status: "APPLIED",
      rows: [
        { line: 2, fullName: OWNER.fullName, email: OWNER.email, employeeCode: "LD-0042", jobTitle: "Chuyên viên", staffCategory: "CONG_CHUC", unitCode: "T-A-1" },
        { line: 3, fullName: OTHER.fullName, email: OTHER.email, employeeCode: null, jobTitle: null, staffCategory: "CONG_CHUC", unitCode: "T-A-1" },
      ],
    },
  });
  // A file checked but not applied yet, with the owner and someone new in it.
  checkedImportId = (
    await prisma.peopleImport.create({
      data: {
        createdById: otherId,
        fileName: "bo-sung.xlsx",
        rowCount: 2,
        status: "CHECKED",
        rows: [
          { line: 2, fullName: OWNER.fullName, email: OWNER.email, employeeCode: "LD-0042", jobTitle: "Chuyên viên", staffCategory: "CONG_CHUC", unitCode: "T-A-1" },
          { line: 3, fullName: "Người Mới Nhập", email: "moi.nhap@example.test", employeeCode: null, jobTitle: null, staffCategory: "CONG_CHUC", unitCode: "T-A-1" },
        ],
      },
    })
  ).id;
});

describe("describeAnswer", () => {
  const question = freezeQuiz(GIFT).find((candidate) => candidate.kind === "single")!;
  test("names the chosen options, and nothing of the key", () => {
    const index = question.answers.findIndex((answer) => answer.text === "6 ký tự");
    expect(describeAnswer(question, [index])).toEqual(["6 ký tự"]);
    expect(describeAnswer(question, "tự do")).toBe("tự do");
    expect(describeAnswer(question, undefined)).toBeNull();
  });
});

describe("exportPersonalData", () => {
  test("holds the person's profile, units, roles, learning, answers, certificates, notices, consents and audit events", async () => {
    const data = (await exportPersonalData({ userId: ownerId }))!;
    expect(data.profile).toMatchObject({ id: ownerId, email: OWNER.email, fullName: OWNER.fullName, employeeCode: "LD-0042", quizExtraTimePercent: 50 });
    expect(data.units).toEqual([expect.objectContaining({ unit: { code: "T-A-1", name: "Phòng A1" }, until: null })]);
    expect(data.roles).toEqual([expect.objectContaining({ role: "TRAINER" })]);
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "Mozilla/5.0 (Android 14)", ipAddress: "10.0.0.7" })]);
    expect(data.privacyConsents).toEqual([expect.objectContaining({ noticeVersion: PRIVACY_NOTICE_VERSION })]);
    const quiz = data.enrolments.find((enrolment) => enrolment.course.slug === "du-lieu-ca-nhan")!;
    expect(quiz.quizAttempts).toHaveLength(1);
    expect(quiz.quizAttempts[0]!.answers).toEqual(
      expect.arrayContaining([
        { question: expect.stringContaining("Thủ đô"), answer: "Hà Nội" },
        { question: expect.stringContaining("Mật khẩu mạnh"), answer: ["12 ký tự trở lên"] },
      ]),
    );
    expect(data.certificates).toEqual([expect.objectContaining({ holderName: OWNER.fullName, courseTitle: "Một bài" })]);
    expect(data.notifications).toEqual([expect.objectContaining({ kind: "ASSIGNED" })]);
    expect(data.passwordResetRequests).toHaveLength(1);
    expect(data.auditEvents.map((event) => event.action)).toEqual(expect.arrayContaining(["person.updated", "auth.sign_in_failed"]));
  });

  test("holds no secret and nothing about anyone else", async () => {
    const text = JSON.stringify(await exportPersonalData({ userId: ownerId }));
    const session = await prisma.session.findFirstOrThrow({ select: { id: true }, where: { userId: ownerId } });
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ select: { passwordHash: true }, where: { id: ownerId } });
    expect(text).not.toContain(session.id);
    expect(text).not.toContain("f".repeat(64));
    expect(text).not.toContain(passwordHash!);
    expect(text).not.toMatch(/passwordHash|weight|feedback|"matches"/);
    // The other person: not their name, address or id, even from the owner's own edit of them.
    expect(text).not.toContain(OTHER.email);
    expect(text).not.toContain(OTHER.fullName);
    expect(text).not.toContain(otherId);
    expect(text).not.toContain("10.9.9.9");
  });

  test("nobody: null", async () => {
    expect(await exportPersonalData({ userId: "0197a000-0000-7000-8000-000000000000" })).toBeNull();
  });
});

describe("recordPrivacyConsent", () => {
  test("records a version once, and never lowers the accepted version", async () => {
    const person = await makePerson({ email: "moi@example.test", privacyPending: true });
    expect(await recordPrivacyConsent({ userId: person.id, noticeVersion: 2 })).toBe(true);
    expect(await recordPrivacyConsent({ userId: person.id, noticeVersion: 2 })).toBe(false);
    await recordPrivacyConsent({ userId: person.id, noticeVersion: 1 });
    expect((await listPrivacyConsents({ userId: person.id })).map((row) => row.noticeVersion)).toEqual([2, 1]);
    const row = await prisma.user.findUniqueOrThrow({ select: { privacyNoticeVersion: true }, where: { id: person.id } });
    expect(row.privacyNoticeVersion).toBe(2);
  });
});

describe("anonymisePerson", () => {
  test("replaces who they were, removes what only served them, keeps their learning", async () => {
    const enrolmentsBefore = await prisma.enrolment.count({ where: { userId: ownerId } });
    const result = await anonymisePerson({ userId: ownerId, placeholderName: "Người dùng ẩn danh X" });
    expect(result).toEqual({ anonymised: true, certificates: 1 });

    const person = await prisma.user.findUniqueOrThrow({ where: { id: ownerId } });
    expect(person).toMatchObject({
      fullName: "Người dùng ẩn danh X",
      employeeCode: null,
      jobTitle: null,
      passwordHash: null,
      quizExtraTimePercent: 0,
      status: "DISABLED",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });
    expect(person.email).toMatch(/@anonymised\.invalid$/);
    expect(person.anonymisedAt).toBeInstanceOf(Date);
    for (const count of [
      prisma.session.count({ where: { userId: ownerId } }),
      prisma.passwordResetToken.count({ where: { userId: ownerId } }),
      prisma.notification.count({ where: { userId: ownerId } }),
      prisma.roleGrant.count({ where: { userId: ownerId } }),
      prisma.outboxMessage.count({ where: { to: OWNER.email } }),
      prisma.loginThrottle.count({ where: { key: accountKey(OWNER.email) } }),
    ]) {
      expect(await count).toBe(0);
    }
    // Kept: learning for the figures, the consent as a fact.
    expect(await prisma.enrolment.count({ where: { userId: ownerId } })).toBe(enrolmentsBefore);
    expect(await prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(1);
    expect(await listPrivacyConsents({ userId: ownerId })).toHaveLength(1);
    expect((await prisma.certificate.findFirstOrThrow({ where: { userId: ownerId } })).holderName).toBe("Người dùng ẩn danh X");

    // Nothing left that names them: not in the log, not in the imported file.
    const audit = JSON.stringify(await prisma.auditEvent.findMany({ select: { detail: true } }));
    expect(audit).not.toContain(OWNER.email);
    expect(audit).not.toContain(OWNER.fullName);
    expect(audit).toContain(OTHER.email); // someone else's event stays whole
    const imported = JSON.stringify(await prisma.peopleImport.findMany({ select: { rows: true } }));
    expect(imported).not.toContain(OWNER.email);
    expect(imported).not.toContain(OWNER.fullName);
    expect(imported).not.toContain("LD-0042");
    expect(imported).toContain(OTHER.email);
  });

  test("a file not applied yet loses their line, so applying it later makes no one of it", async () => {
    const batch = await prisma.peopleImport.findUniqueOrThrow({ select: { rowCount: true, rows: true }, where: { id: checkedImportId } });
    expect(batch.rowCount).toBe(1);
    expect(JSON.stringify(batch.rows)).not.toContain(OWNER.email);
    expect(await applyCheckedImport({ importId: checkedImportId, userId: otherId, today: new Date() })).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await prisma.user.count({ where: { OR: [{ email: "" }, { fullName: { startsWith: "Người dùng ẩn danh" } }] } })).toBe(1);
    expect(await prisma.user.count({ where: { email: "moi.nhap@example.test" } })).toBe(1);
  });

  test("they cannot sign in any more, even with their old address and password", async () => {
    const result = await signIn({ email: OWNER.email, password: TEST_PASSWORD, ipAddress: "10.0.0.9", userAgent: null });
    expect(result.outcome).toBe("invalid");
  });

  test("a second time (a double click) changes nothing", async () => {
    const before = await prisma.user.findUniqueOrThrow({ select: { anonymisedAt: true, updatedAt: true }, where: { id: ownerId } });
    expect(await anonymisePerson({ userId: ownerId, placeholderName: "Khác" })).toEqual({ anonymised: false });
    expect(await prisma.user.findUniqueOrThrow({ select: { anonymisedAt: true, updatedAt: true }, where: { id: ownerId } })).toEqual(before);
  });

  test("an edit or a status change that arrives just after (an admin's open page) writes nothing back", async () => {
    const unitId = (await prisma.orgUnit.findUniqueOrThrow({ select: { id: true }, where: { code: "T-A-1" } })).id;
    const edit = { userId: ownerId, email: OWNER.email, fullName: OWNER.fullName, employeeCode: null, jobTitle: null, staffCategory: "CONG_CHUC" as const, unitId, day: new Date() };
    await expect(updatePerson(edit)).rejects.toMatchObject({ key: "person.anonymisedLocked" });
    await expect(setPersonStatus({ userId: ownerId, status: "ACTIVE" })).rejects.toMatchObject({ key: "person.anonymisedLocked" });
    expect(await prisma.user.findUniqueOrThrow({ select: { fullName: true, status: true }, where: { id: ownerId } })).toEqual({ fullName: "Người dùng ẩn danh X", status: "DISABLED" });
  });

  test("two at once: one does it, the other finds it done", async () => {
    const person = await makePerson({ email: "doi.nhap@example.test", fullName: "Hai Lần Bấm" });
    const results = await Promise.all([1, 2].map(() => anonymisePerson({ userId: person.id, placeholderName: "Ẩn danh" })));
    expect(results.filter((result) => result.anonymised)).toHaveLength(1);
  });
});

describe("pruneAuditEvents", () => {
  test("deletes events older than the retention, keeps the rest", async () => {
    const now = new Date("2027-06-01T00:00:00Z");
    await prisma.auditEvent.create({ data: { action: "auth.sign_in", occurredAt: new Date("2026-05-01T00:00:00Z") } });
    const recent = await prisma.auditEvent.create({ data: { action: "auth.sign_in", occurredAt: new Date("2027-05-01T00:00:00Z") } });
    const old = await prisma.auditEvent.count({ where: { occurredAt: { lt: new Date("2026-06-01T00:00:00Z") } } });
    expect(await pruneAuditEvents({ days: 365, now })).toBe(old);
    expect(await prisma.auditEvent.count({ where: { occurredAt: { lt: new Date("2026-06-01T00:00:00Z") } } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { id: recent.id } })).toBe(1);
  });
});
