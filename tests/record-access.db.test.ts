import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { createAssignment } from "~/models/assignment.server";
import { publishCourse } from "~/services/course-publish.server";
import { createCourse, writeDraftContent } from "~/models/course.server";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { createNotifications } from "~/models/notification.server";
import { upsertOrgUnitByCode } from "~/models/org-unit.server";
import { createBank } from "~/models/question-bank.server";
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from "~/models/quiz-attempt.server";
import { runReportExport } from "~/services/report-export.server";
import { prisma } from "~/utils/db.server";
import { freezeQuiz } from "~/utils/quiz";
import { action as endSession } from "../app/routes/account.sessions";
import { action as revokeCertificate } from "../app/routes/admin.certificates";
import { action as reissueCertificate } from "../app/routes/admin.certificates_.$code.reissue";
import { action as personAction } from "../app/routes/admin.people_.$userId/route";
import { action as anonymise } from "../app/routes/admin.people_.$userId_.anonymise";
import { action as unitAction } from "../app/routes/admin.units_.$unitId";
import { action as newUnit } from "../app/routes/admin.units_.new";
import { loader as certificateJwt } from "../app/routes/certificates.$code[.jwt]";
import { loader as certificatePdf } from "../app/routes/certificates.$code[.pdf]";
import { action as completeLesson } from "../app/routes/courses.$slug.$itemKey";
import { action as startCourse } from "../app/routes/courses.$slug._index";
import { action as saveQuestion, loader as questionPage } from "../app/routes/courses.$slug.quiz.$itemKey.$attemptId.$number";
import { loader as reviewPage } from "../app/routes/courses.$slug.quiz.$itemKey.$attemptId.review";
import { action as startQuiz } from "../app/routes/courses.$slug.quiz.$itemKey._index";
import { action as removeRule, loader as rulePage } from "../app/routes/manage.assignments.$assignmentId";
import { action as newRule } from "../app/routes/manage.assignments.new";
import { loader as peopleList } from "../app/routes/manage.people";
import { loader as reportPage } from "../app/routes/manage.reports._index";
import { loader as reportCsv } from "../app/routes/manage.reports.export[.csv]";
import { loader as reportXlsx } from "../app/routes/manage.reports.export[.xlsx]";
import { action as requestExport } from "../app/routes/manage.reports.exports";
import { loader as downloadExport } from "../app/routes/manage.reports.exports.$exportId";
import { loader as overduePage } from "../app/routes/manage.reports.overdue";
import { loader as personReport } from "../app/routes/manage.reports.people.$userId";
import { action as markNotificationsRead } from "../app/routes/notifications";
import { action as courseAction } from "../app/routes/studio.$courseId._index/route";
import { action as autosave } from "../app/routes/studio.$courseId.items.$itemId.autosave";
import { action as saveItem } from "../app/routes/studio.$courseId.items.$itemId/route";
import { loader as quizGift } from "../app/routes/studio.$courseId.items.$itemId_.export[.gift]";
import { action as importQuestions } from "../app/routes/studio.$courseId.items.$itemId_.import";
import { action as saveQuizSettings } from "../app/routes/studio.$courseId.items.$itemId_.settings";
import { action as upload } from "../app/routes/studio.$courseId.media";
import { loader as previewItem } from "../app/routes/studio.$courseId.preview.$itemKey";
import { loader as previewCourse } from "../app/routes/studio.$courseId.preview._index";
import { action as publish } from "../app/routes/studio.$courseId.publish";
import { loader as trainerAttempt } from "../app/routes/studio.$courseId.quizzes.$itemKey.$attemptId";
import { action as regrade, loader as quizResults } from "../app/routes/studio.$courseId.quizzes.$itemKey._index";
import { loader as versions } from "../app/routes/studio.$courseId.versions";
import { action as saveBank } from "../app/routes/studio.banks.$bankId";
import { loader as bankGift } from "../app/routes/studio.banks.$bankId_.export[.gift]";
import { action as newCourse } from "../app/routes/studio.new";
import { oneLessonCourse, publishTestCourse, quizCourse } from "./helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "./helpers/people";
import { callAs, leavesUnchanged, statusAs, type Fields } from "./helpers/requests";
import { statusOf } from "./helpers/status";

// Records by id (IDOR): the role × route table (route-access.db.test.ts)
// shows who may open a kind of page; this shows that nobody reaches a record
// beyond their own, their courses or their units by putting its id in the
// address, the query string or a form. Each refusal is checked beside the
// rightful person's success (so a page that refuses everyone cannot pass),
// and every refused write is checked to have changed nothing.

const gift = `::Một::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Lạt}\n`;
const content = quizCourse("rieng-tu", "Khoá riêng tư", gift);
/** Names to look for in pages and files: A is in the manager's units, B is not. */
const A_NAME = "Trần Thị Trong";
const B_NAME = "Lê Văn Ngoài";

const ids = {
  course: "", // published, taught by `owner`; B passed its quiz
  required: "", // published, assigned to everyone (all overdue)
  later: "", // published, needs "rieng-tu" first
  strangersCourse: "", // a draft, taught by `stranger`
  a: "",
  b: "",
  manager: "",
  otherManager: "",
  owner: "",
  stranger: "",
  admin: "",
  attempt: "",
  code: "",
  ruleA: "",
  ruleB: "",
  bank: "",
};
const units: Record<string, string> = {};
const cookies: Record<keyof typeof ids & string, string> = Object.create(null);

beforeAll(async () => {
  await makeUnits();
  await upsertOrgUnitByCode({ code: "T-C", name: "Sở C", kind: "DEPARTMENT", parentCode: "T" }); // merged away below
  for (const unit of await prisma.orgUnit.findMany({ select: { id: true, code: true } })) units[unit.code] = unit.id;
  ids.a = (await makePerson({ email: "a@example.test", fullName: A_NAME, unitCode: "T-A-1" })).id;
  ids.b = (await makePerson({ email: "b@example.test", fullName: B_NAME, unitCode: "T-B" })).id;
  ids.manager = (await makePerson({ email: "quanly-a@example.test", role: "MANAGER" })).id; // over Sở A only
  ids.otherManager = (await makePerson({ email: "quanly-a2@example.test", role: "MANAGER" })).id;
  ids.owner = (await makePerson({ email: "giangvien@example.test", role: "TRAINER" })).id;
  ids.stranger = (await makePerson({ email: "giangvien-khac@example.test", role: "TRAINER" })).id; // not this course's
  ids.admin = (await makePerson({ email: "quantri@example.test", role: "ADMIN" })).id;
  cookies.a = await sessionCookieFor(ids.a, "LEARNER");
  cookies.b = await sessionCookieFor(ids.b, "LEARNER");
  cookies.manager = await sessionCookieFor(ids.manager, "MANAGER");
  cookies.otherManager = await sessionCookieFor(ids.otherManager, "MANAGER");
  cookies.owner = await sessionCookieFor(ids.owner, "TRAINER");
  cookies.stranger = await sessionCookieFor(ids.stranger, "TRAINER");
  cookies.admin = await sessionCookieFor(ids.admin, "ADMIN");

  ids.course = await writeDraftContent({ content, trainerIds: [ids.owner], sourceHash: null });
  await publishCourse({ courseId: ids.course, content, changeNote: "Bản đầu", publishedById: null });
  ids.required = await publishTestCourse(oneLessonCourse("bat-buoc", "Khoá bắt buộc"));
  ids.later = await publishTestCourse({ ...quizCourse("hoc-sau", "Học sau", gift), prerequisites: ["rieng-tu"] });
  const settings = { summary: "Tóm tắt", description: "", level: "BASIC" as const, estimatedMinutes: 30, competenceCodes: [], prerequisiteSlugs: [] };
  ids.strangersCourse = (await createCourse({ ...settings, slug: "khac", title: "Khoá nháp", trainerId: ids.stranger })).id;
  const module = await prisma.courseModule.create({ data: { courseId: ids.strangersCourse, key: "p", title: "Phần", position: 1 } });
  await prisma.courseItem.create({ data: { courseId: ids.strangersCourse, moduleId: module.id, key: "bai", kind: "LESSON", title: "Bài", position: 1, body: "Nháp." } });
  ids.bank = (await createBank({ slug: "ngan-hang", title: "Ngân hàng", createdById: ids.owner })).id;

  // Both learn; B finishes, with a passed attempt and a certificate.
  await enrol({ userId: ids.a, courseId: ids.course, source: "SELF" });
  const enrolmentId = (await enrol({ userId: ids.b, courseId: ids.course, source: "SELF" }))!;
  await markItemDone({ userId: ids.b, enrolmentId, itemKey: "bai" });
  const questions = freezeQuiz(gift);
  const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 });
  if (started.status === "exhausted") throw new Error("no attempt left");
  ids.attempt = started.attemptId;
  const attempt = await getAttempt({ attemptId: ids.attempt, userId: ids.b });
  await saveAnswers({ attemptId: ids.attempt, userId: ids.b, seq: attempt!.seq, answers: { [questions[0]!.key]: [questions[0]!.answers.findIndex((answer) => answer.weight > 0)] } });
  await submitAttempt({ attemptId: ids.attempt, userId: ids.b });
  ids.code = (await prisma.certificate.findFirstOrThrow({ where: { userId: ids.b } })).code;

  // A rule for Sở A (made by its manager) and one for Sở B (by an admin); everyone they cover is overdue.
  const rule = { courseId: ids.required, target: "UNIT" as const, includeSubunits: true, dueDays: 30 };
  ids.ruleA = (await createAssignment({ ...rule, unitId: units["T-A"], createdById: ids.manager })).id;
  ids.ruleB = (await createAssignment({ ...rule, unitId: units["T-B"], createdById: ids.admin })).id;
  await prisma.personAssignment.updateMany({ data: { assignedOn: new Date("2025-01-01"), dueOn: new Date("2025-02-01") } });
});

const itemOf = (courseId: string, key: string) => prisma.courseItem.findFirstOrThrow({ select: { id: true, revision: true }, where: { courseId, key } });

describe("a learner cannot reach another learner's records", () => {
  const attemptPath = () => `/courses/rieng-tu/quiz/kiem-tra/${ids.attempt}`;
  const attemptParams = () => ({ slug: "rieng-tu", itemKey: "kiem-tra", attemptId: ids.attempt });
  const attemptRow = () => prisma.quizAttempt.findUniqueOrThrow({ where: { id: ids.attempt }, select: { seq: true, answers: true, state: true } });

  test("their attempt's questions and review", async () => {
    expect(await statusAs(reviewPage, cookies.b, `${attemptPath()}/review`, { params: attemptParams() })).toBe(200);
    expect(await statusAs(reviewPage, cookies.a, `${attemptPath()}/review`, { params: attemptParams() })).toBe(404);
    expect(await statusAs(questionPage, cookies.a, `${attemptPath()}/1`, { params: { ...attemptParams(), number: "1" } })).toBe(404);
  });

  test("nor write into their attempt", async () => {
    const { seq } = await attemptRow();
    const save = () => statusAs(saveQuestion, cookies.a, `${attemptPath()}/1`, { params: { ...attemptParams(), number: "1" }, form: { seq: String(seq), intent: "next", answer: "0" } });
    expect(await leavesUnchanged(attemptRow, save)).toBe(404);
  });

  test("their certificate's PDF and signed credential", async () => {
    const path = `/certificates/${ids.code}`;
    expect(await statusAs(certificatePdf, cookies.b, `${path}.pdf`, { params: { code: ids.code } })).toBe(200);
    expect(await statusAs(certificatePdf, cookies.a, `${path}.pdf`, { params: { code: ids.code } })).toBe(404);
    expect(await statusAs(certificateJwt, cookies.b, `${path}.jwt`, { params: { code: ids.code } })).toBe(200);
    expect(await statusAs(certificateJwt, cookies.a, `${path}.jwt`, { params: { code: ids.code } })).toBe(404);
  });

  test("their sessions: ending someone else's session id ends nothing", async () => {
    const theirs = await prisma.session.findFirstOrThrow({ select: { id: true }, where: { userId: ids.b } });
    const sessions = () => prisma.session.findMany({ select: { id: true }, where: { userId: ids.b }, orderBy: { id: "asc" } });
    const end = (cookie: string) => statusAs(endSession, cookie, "/account/sessions", { form: { intent: "end", sessionId: theirs.id } });
    expect(await leavesUnchanged(sessions, () => end(cookies.a))).toBe(404);
    // Their own second browser: ended.
    const second = await sessionCookieFor(ids.b, "LEARNER");
    expect(await end(second)).toBe(302);
    expect(await prisma.session.count({ where: { id: theirs.id } })).toBe(0);
    cookies.b = second;
  });

  test("their notifications: marking read marks one's own only", async () => {
    await createNotifications(
      [ids.a, ids.b].map((userId) => ({ userId, kind: "ASSIGNED" as const, dedupeKey: `idor:${userId}`, params: {}, link: null })),
    );
    const unread = (userId: string) => prisma.notification.count({ where: { userId, readAt: null } });
    expect(await statusAs(markNotificationsRead, cookies.a, "/notifications", { form: { userId: ids.b } })).toBe(302);
    expect(await unread(ids.a)).toBe(0);
    expect(await unread(ids.b)).toBe(1);
  });
});

describe("a learner cannot take what is not open to them", () => {
  const enrolments = () => prisma.enrolment.findMany({ select: { id: true, courseId: true, status: true, attempts: { select: { id: true } } }, where: { userId: ids.a }, orderBy: { id: "asc" } });

  test("a course that was never published: no page, no start, no lesson done", async () => {
    const params = { slug: "khac", itemKey: "bai" };
    expect(await leavesUnchanged(enrolments, () => statusAs(startCourse, cookies.a, "/courses/khac", { params }))).toBe(404);
    expect(await leavesUnchanged(enrolments, () => statusAs(completeLesson, cookies.a, "/courses/khac/bai", { params, form: { intent: "complete" } }))).toBe(404);
    // The same lesson done in a published course.
    expect(await statusAs(completeLesson, cookies.a, "/courses/rieng-tu/bai", { params: { slug: "rieng-tu", itemKey: "bai" }, form: { intent: "complete" } })).toBe(302);
  });

  test("a quiz whose course needs another finished first: no enrolment, no attempt", async () => {
    const params = { slug: "hoc-sau", itemKey: "kiem-tra" };
    expect(await leavesUnchanged(enrolments, () => statusAs(startQuiz, cookies.a, "/courses/hoc-sau/quiz/kiem-tra", { params, form: {} }))).toBe(400);
    expect(await leavesUnchanged(enrolments, () => statusAs(startCourse, cookies.a, "/courses/hoc-sau", { params }))).toBe(400);
    // B finished "rieng-tu": their quiz starts.
    expect(await statusAs(startQuiz, cookies.b, "/courses/hoc-sau/quiz/kiem-tra", { params, form: {} })).toBe(302);
  });

  test("one's own attempt under another course's address is not found", async () => {
    const params = { slug: "hoc-sau", itemKey: "kiem-tra", attemptId: ids.attempt, number: "1" };
    expect(await statusAs(questionPage, cookies.b, `/courses/hoc-sau/quiz/kiem-tra/${ids.attempt}/1`, { params })).toBe(404);
  });
});

describe("a manager stays inside their units", () => {
  const rules = () => prisma.assignment.findMany({ select: { id: true, removedAt: true, people: { select: { userId: true, endedOn: true } } }, orderBy: { id: "asc" } });
  const rule = (fields: Fields): Fields => ({ courseId: ids.required, dueMode: "days", dueDays: "30", ...fields });
  const assign = (fields: Fields) => callAs(newRule, cookies.manager, "/manage/assignments/new", { form: rule(fields) });

  test("a rule for a unit, a group or a person outside them is refused, naming the field", async () => {
    const refusals: [Fields, string, string][] = [
      [{ target: "UNIT", unitId: units["T-B"]!, includeSubunits: "on" }, "unitId", "validation.assignment.unitOutOfScope"],
      [{ target: "UNIT", unitId: units.T!, includeSubunits: "on" }, "unitId", "validation.assignment.unitOutOfScope"],
      [{ target: "STAFF_CATEGORY", staffCategory: "CONG_CHUC", unitId: units["T-B"]! }, "unitId", "validation.assignment.unitOutOfScope"],
      [{ target: "JOB_TITLE", jobTitle: "Chuyên viên" }, "unitId", "validation.assignment.unit"],
      [{ target: "PERSON", email: "b@example.test" }, "email", "validation.assignment.personOutOfScope"],
      [{ target: "PERSON", email: "a@example.test", unitId: units["T-B"]! }, "unitId", "validation.assignment.unitOutOfScope"],
    ];
    for (const [fields, field, key] of refusals) {
      expect(await leavesUnchanged(rules, () => assign(fields)), JSON.stringify(fields)).toMatchObject({ init: { status: 400 }, data: { errors: { [field]: key } } });
    }
    // Inside: a unit below theirs, and a person of theirs.
    expect(await statusOf(() => assign({ target: "UNIT", unitId: units["T-A-1"]!, includeSubunits: "on" }))).toBe(302);
    expect(await statusOf(() => assign({ target: "PERSON", email: "a@example.test", dueDays: "10" }))).toBe(302);
  });

  test("a rule made for another unit can be neither seen nor ended", async () => {
    const at = (id: string) => ({ path: `/manage/assignments/${id}`, params: { assignmentId: id } });
    expect(await statusAs(rulePage, cookies.manager, at(ids.ruleB).path, at(ids.ruleB))).toBe(404);
    expect(await leavesUnchanged(rules, () => statusAs(removeRule, cookies.manager, at(ids.ruleB).path, { ...at(ids.ruleB), form: {} }))).toBe(404);
    expect(await statusAs(rulePage, cookies.manager, at(ids.ruleA).path, at(ids.ruleA))).toBe(200);
    const own = (await createAssignment({ courseId: ids.course, target: "UNIT", unitId: units["T-A-1"], dueDays: 30, createdById: ids.manager })).id;
    expect(await statusAs(removeRule, cookies.manager, at(own).path, { ...at(own), form: {} })).toBe(302);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: own } })).removedAt).not.toBeNull();
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: ids.ruleB } })).removedAt).toBeNull();
  });

  test("the report page: a unit outside is a 404; without one, nobody outside shows", async () => {
    expect(await statusAs(reportPage, cookies.manager, `/manage/reports?unit=${units["T-B"]}`)).toBe(404);
    expect(await statusAs(reportPage, cookies.manager, `/manage/reports?unit=${units.T}`)).toBe(404);
    const whole = JSON.stringify(await callAs(reportPage, cookies.manager, "/manage/reports"));
    expect(whole).toContain("Phòng A1");
    expect(whole).not.toContain("Sở B");
    const unit = JSON.stringify(await callAs(reportPage, cookies.manager, `/manage/reports?unit=${units["T-A-1"]}`));
    expect(unit).toContain(A_NAME);
    expect(unit).not.toContain(B_NAME);
    // Naming the rule made for Sở B (or its course) narrows the figures; it does not widen them.
    const rule = JSON.stringify(await callAs(reportPage, cookies.manager, `/manage/reports?courseId=${ids.required}&assignmentId=${ids.ruleB}`));
    expect(rule).not.toContain("Sở B");
    expect(rule).not.toContain(B_NAME);
    // The admin sees Sở B and its people.
    expect(JSON.stringify(await callAs(reportPage, cookies.admin, `/manage/reports?unit=${units["T-B"]}`))).toContain(B_NAME);
  });

  test("the overdue list: a unit outside is a 404; without one, only their people", async () => {
    expect(await statusAs(overduePage, cookies.manager, `/manage/reports/overdue?unit=${units["T-B"]}`)).toBe(404);
    const page = await callAs(overduePage, cookies.manager, "/manage/reports/overdue");
    const names = "rows" in page ? page.rows.map((row) => row.fullName) : [];
    expect(names).toContain(A_NAME);
    expect(names).not.toContain(B_NAME);
  });

  test("every download with a unit outside is a 404, CSV and Excel alike", async () => {
    for (const table of ["", "courses", "trend", "overdue", "people"]) {
      const query = `table=${table}&unit=${units["T-B"]}`;
      expect(await statusAs(reportCsv, cookies.manager, `/manage/reports/export.csv?${query}`), query).toBe(404);
      expect(await statusAs(reportXlsx, cookies.manager, `/manage/reports/export.xlsx?${query}`), query).toBe(404);
    }
    expect(await statusAs(reportCsv, cookies.manager, `/manage/reports/export.csv?table=person&person=${ids.b}`)).toBe(404);
    expect(await statusAs(reportCsv, cookies.manager, `/manage/reports/export.csv?table=person&person=${ids.a}`)).toBe(200);
  });

  test("the downloads hold nobody outside their units", async () => {
    const csv = async (query: string) => {
      const response = await callAs(reportCsv, cookies.manager, `/manage/reports/export.csv?${query}`);
      return response instanceof Response ? response.text() : "";
    };
    const unitTable = await csv("");
    expect(unitTable).toContain("Phòng A1");
    expect(unitTable).not.toContain("Sở B");
    const overdue = await csv("table=overdue");
    expect(overdue).toContain(A_NAME);
    expect(overdue).not.toContain(B_NAME);
    const response = await callAs(reportXlsx, cookies.manager, "/manage/reports/export.xlsx?table=overdue");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (response as Response).arrayBuffer());
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toContain(A_NAME);
    expect(cells).not.toContain(B_NAME);
  });

  test("a prepared export naming a unit outside is refused; one asked for holds their people only", async () => {
    const exports = () => prisma.reportExport.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const ask = (query: string) => statusAs(requestExport, cookies.manager, "/manage/reports/exports", { form: { format: "csv", query } });
    expect(await leavesUnchanged(exports, () => ask(`unit=${units["T-B"]}`))).toBe(404);
    expect(await ask(`unit=${units["T-A-1"]}`)).toBe(302);
    const row = await prisma.reportExport.findFirstOrThrow({ where: { requestedById: ids.manager } });
    expect(row.scopeUnitIds).not.toContain(units["T-B"]);
    await runReportExport({ exportId: row.id });
    const download = (cookie: string) => callAs(downloadExport, cookie, `/manage/reports/exports/${row.id}`, { params: { exportId: row.id } });
    const file = await ((await download(cookies.manager)) as Response).text();
    expect(file).toContain(A_NAME);
    expect(file).not.toContain(B_NAME);
    // Another manager of the same units still cannot fetch it by its id.
    expect(((await download(cookies.otherManager)) as Response).status).toBe(404);
  });

  test("a person's report outside their units is a 404, whatever id is typed", async () => {
    expect(await statusAs(personReport, cookies.manager, `/manage/reports/people/${ids.a}`, { params: { userId: ids.a } })).toBe(200);
    expect(await statusAs(personReport, cookies.manager, `/manage/reports/people/${ids.b}`, { params: { userId: ids.b } })).toBe(404);
  });

  test("the people list with a unit outside shows their own people, never that unit's", async () => {
    for (const query of [`unit=${units["T-B"]}`, `unit=${units["T-B"]}&q=Ngoai`, ""]) {
      const list = await callAs(peopleList, cookies.manager, `/manage/people?${query}`);
      const names = "people" in list ? list.people.map((person) => person.fullName) : [];
      expect(names, query).not.toContain(B_NAME);
      if (!query.includes("q=")) expect(names, query).toContain(A_NAME);
    }
  });
});

describe("a trainer edits only the courses they teach", () => {
  // `stranger` teaches "khac" only; `owner` teaches "rieng-tu".
  const courseRows = (courseId: string) =>
    prisma.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        title: true,
        status: true,
        draftRevision: true,
        coverImageId: true,
        publishedVersionId: true,
        trainers: { select: { userId: true }, orderBy: { userId: "asc" } },
        prerequisites: { select: { requiredCourseId: true } },
        modules: { select: { id: true, title: true, position: true }, orderBy: { id: "asc" } },
        items: { select: { id: true, moduleId: true, title: true, body: true, revision: true, position: true, quizSettings: true }, orderBy: { id: "asc" } },
        _count: { select: { versions: true } },
      },
    });
  const theirCourse = () => courseRows(ids.course);
  const at = (path: string) => `/studio/${ids.course}${path}`;
  const courseFields = (fields: Fields): Fields => ({ title: "Đổi tên", summary: "Tóm tắt", description: "", level: "BASIC", estimatedMinutes: "20", ...fields });
  const settings = (fields: Fields): Fields => courseFields({ intent: "saveSettings", ...fields });

  test("a course not theirs: every page and form of it is refused and nothing changes", async () => {
    const lesson = await itemOf(ids.course, "bai");
    const quiz = await itemOf(ids.course, "kiem-tra");
    const course = { courseId: ids.course };
    const { draftRevision } = await theirCourse();
    const refused: [string, () => Promise<number>][] = [
      ["settings", () => statusAs(courseAction, cookies.stranger, at(""), { params: course, form: settings({ revision: String(draftRevision), trainers: [ids.stranger] }) })],
      ["outline", () => statusAs(courseAction, cookies.stranger, at(""), { params: course, form: { intent: "deleteItem", itemId: lesson.id, confirm: "yes" } })],
      ["lesson", () => statusAs(saveItem, cookies.stranger, at(`/items/${lesson.id}`), { params: { ...course, itemId: lesson.id }, form: { title: "Chiếm", minutes: "5", body: "x", revision: String(lesson.revision) } })],
      ["autosave", () => statusAs(autosave, cookies.stranger, at(`/items/${lesson.id}/autosave`), { params: { ...course, itemId: lesson.id }, form: { title: "Chiếm", minutes: "5", body: "x", revision: String(lesson.revision) } })],
      ["quiz settings", () => statusAs(saveQuizSettings, cookies.stranger, at(`/items/${quiz.id}/settings`), { params: { ...course, itemId: quiz.id }, form: { grading: "LAST" } })],
      ["import", () => statusAs(importQuestions, cookies.stranger, at(`/items/${quiz.id}/import`), { params: { ...course, itemId: quiz.id }, form: { intent: "add", gift, revision: String(quiz.revision) } })],
      ["quiz GIFT", () => statusAs(quizGift, cookies.stranger, at(`/items/${quiz.id}/export.gift`), { params: { ...course, itemId: quiz.id } })],
      ["cover", () => statusAs(upload, cookies.stranger, at("/media"), { params: course, form: image("cover") })],
      ["publish", () => statusAs(publish, cookies.stranger, at("/publish"), { params: course, form: { changeNote: "Bản của tôi" } })],
      ["versions", () => statusAs(versions, cookies.stranger, at("/versions"), { params: course })],
      ["results", () => statusAs(quizResults, cookies.stranger, at("/quizzes/kiem-tra"), { params: { ...course, itemKey: "kiem-tra" } })],
      ["regrade", () => statusAs(regrade, cookies.stranger, at("/quizzes/kiem-tra"), { params: { ...course, itemKey: "kiem-tra" }, form: { intent: "regrade" } })],
      ["attempt", () => statusAs(trainerAttempt, cookies.stranger, at(`/quizzes/kiem-tra/${ids.attempt}`), { params: { ...course, itemKey: "kiem-tra", attemptId: ids.attempt } })],
      ["preview", () => statusAs(previewCourse, cookies.stranger, at("/preview"), { params: course })],
      ["lesson preview", () => statusAs(previewItem, cookies.stranger, at("/preview/bai"), { params: { ...course, itemKey: "bai" } })],
    ];
    const media = () => prisma.mediaAsset.count();
    for (const [name, run] of refused) {
      expect(await leavesUnchanged(() => Promise.all([theirCourse(), media()]), run), name).toBe(403);
    }
    // Its own trainer may do the same.
    expect(await statusAs(versions, cookies.owner, at("/versions"), { params: course })).toBe(200);
    expect(await statusAs(quizResults, cookies.owner, at("/quizzes/kiem-tra"), { params: { ...course, itemKey: "kiem-tra" } })).toBe(200);
    expect(await statusAs(trainerAttempt, cookies.owner, at(`/quizzes/kiem-tra/${ids.attempt}`), { params: { ...course, itemKey: "kiem-tra", attemptId: ids.attempt } })).toBe(200);
    expect(await statusAs(previewItem, cookies.owner, at("/preview/bai"), { params: { ...course, itemKey: "bai" } })).toBe(200);
    expect(await statusAs(quizGift, cookies.owner, at(`/items/${quiz.id}/export.gift`), { params: { ...course, itemId: quiz.id } })).toBe(200);
    expect(await statusAs(upload, cookies.owner, at("/media"), { params: course, form: image("cover") })).toBe(302);
    expect((await theirCourse()).coverImageId).not.toBeNull();
  });

  test("their own course's address with another course's ids is a 404 that changes nothing", async () => {
    const lesson = await itemOf(ids.course, "bai");
    const quiz = await itemOf(ids.course, "kiem-tra");
    const { modules } = await theirCourse();
    const mine = { courseId: ids.strangersCourse };
    const here = (path: string) => `/studio/${ids.strangersCourse}${path}`;
    const save = { title: "Chiếm", minutes: "5", body: "x", revision: String(lesson.revision) };
    const refused: [string, () => Promise<number>][] = [
      ["lesson", () => statusAs(saveItem, cookies.stranger, here(`/items/${lesson.id}`), { params: { ...mine, itemId: lesson.id }, form: save })],
      ["autosave", () => statusAs(autosave, cookies.stranger, here(`/items/${lesson.id}/autosave`), { params: { ...mine, itemId: lesson.id }, form: save })],
      ["quiz settings", () => statusAs(saveQuizSettings, cookies.stranger, here(`/items/${quiz.id}/settings`), { params: { ...mine, itemId: quiz.id }, form: { grading: "LAST" } })],
      ["import", () => statusAs(importQuestions, cookies.stranger, here(`/items/${quiz.id}/import`), { params: { ...mine, itemId: quiz.id }, form: { intent: "add", gift, revision: String(quiz.revision) } })],
      ["quiz GIFT", () => statusAs(quizGift, cookies.stranger, here(`/items/${quiz.id}/export.gift`), { params: { ...mine, itemId: quiz.id } })],
      ["results", () => statusAs(quizResults, cookies.stranger, here("/quizzes/kiem-tra"), { params: { ...mine, itemKey: "kiem-tra" } })],
      ["attempt", () => statusAs(trainerAttempt, cookies.stranger, here(`/quizzes/kiem-tra/${ids.attempt}`), { params: { ...mine, itemKey: "kiem-tra", attemptId: ids.attempt } })],
    ];
    const outline: Fields[] = [
      { intent: "renameModule", moduleId: modules[0]!.id, title: "Chiếm" },
      { intent: "deleteModule", moduleId: modules[0]!.id },
      { intent: "moveModule", moduleId: modules[0]!.id, direction: "down" },
      { intent: "addItem", moduleId: modules[0]!.id, kind: "LESSON", title: "Chen vào" },
      { intent: "deleteItem", itemId: lesson.id, confirm: "yes" },
      { intent: "moveItem", itemId: lesson.id, direction: "down" },
      { intent: "moveItem", itemId: lesson.id, direction: "up" },
    ];
    for (const form of outline) {
      refused.push([`outline ${form.intent}`, () => statusAs(courseAction, cookies.stranger, here(""), { params: mine, form })]);
    }
    for (const [name, run] of refused) {
      expect(await leavesUnchanged(theirCourse, run), name).toBe(404);
    }
  });

  test("only administrators choose a course's trainers: a trainer's list is ignored", async () => {
    const { draftRevision } = await theirCourse();
    const form = settings({ revision: String(draftRevision), trainers: [ids.stranger, ids.owner] });
    expect(await statusAs(courseAction, cookies.owner, at(""), { params: { courseId: ids.course }, form })).toBe(302);
    expect(await theirCourse()).toMatchObject({ title: "Đổi tên", trainers: [{ userId: ids.owner }] });
    // A new course's only trainer is its creator, whatever the form says.
    expect(await statusAs(newCourse, cookies.stranger, "/studio/new", { form: courseFields({ slug: "moi-cua-toi", trainers: [ids.owner] }) })).toBe(302);
    const created = await prisma.course.findUniqueOrThrow({ select: { trainers: { select: { userId: true } } }, where: { slug: "moi-cua-toi" } });
    expect(created.trainers).toEqual([{ userId: ids.stranger }]);
  });

  test("prerequisites name published courses only: an unknown slug or someone's draft is refused", async () => {
    const save = async (fields: Fields) =>
      callAs(courseAction, cookies.owner, at(""), { params: { courseId: ids.course }, form: settings({ revision: String((await theirCourse()).draftRevision), ...fields }) });
    const refusals: [Fields, string][] = [
      [{ prerequisites: ["khong-co-khoa-nay"] }, "studio.error.unknownPrerequisite"],
      [{ prerequisites: ["khac"] }, "studio.error.unknownPrerequisite"], // the stranger's draft: not offered, and not to be probed for
      [{ prerequisites: ["rieng-tu"] }, "studio.error.selfPrerequisite"],
      [{ competences: ["9.9"] }, "studio.error.unknownCompetence"],
    ];
    for (const [fields, key] of refusals) {
      expect(await leavesUnchanged(theirCourse, () => save(fields)), JSON.stringify(fields)).toMatchObject({ init: { status: 400 }, data: { errors: { form: key } } });
    }
    expect(await statusOf(() => save({ prerequisites: ["bat-buoc"] }))).toBe(302);
    expect((await theirCourse()).prerequisites).toEqual([{ requiredCourseId: ids.required }]);
    // Creating a course: the same.
    const courses = () => prisma.course.count();
    const create = (prerequisites: string[]) => statusAs(newCourse, cookies.stranger, "/studio/new", { form: courseFields({ slug: "can-khac", prerequisites }) });
    expect(await leavesUnchanged(courses, () => create(["khac"]))).toBe(400);
  });

  test("a shared bank: others read it, only its creator saves it", async () => {
    const bank = () => prisma.questionBank.findUniqueOrThrow({ select: { title: true, body: true, revision: true }, where: { id: ids.bank } });
    const path = `/studio/banks/${ids.bank}`;
    const save = (cookie: string) => statusAs(saveBank, cookie, path, { params: { bankId: ids.bank }, form: { title: "Đổi", body: gift, revision: "1" } });
    expect(await leavesUnchanged(bank, () => save(cookies.stranger))).toBe(403);
    // Reading is open to every trainer by design (they plan draws from it), so its GIFT file is too.
    expect(await statusAs(bankGift, cookies.stranger, `${path}/export.gift`, { params: { bankId: ids.bank } })).toBe(200);
    expect(await statusAs(bankGift, cookies.a, `${path}/export.gift`, { params: { bankId: ids.bank } })).toBe(403);
    expect(await save(cookies.owner)).toBe(302);
    expect(await bank()).toMatchObject({ title: "Đổi", revision: 2 });
  });
});

describe("administrators' forms, posted by a manager, are refused and change nothing", () => {
  const people = () => prisma.user.findMany({ select: { id: true, fullName: true, status: true, roleGrants: { select: { id: true, role: true, scopeUnitId: true } } }, orderBy: { id: "asc" } });
  const tree = () =>
    prisma.orgUnit.findMany({ select: { id: true, name: true, parentId: true, archivedAt: true, memberships: { select: { userId: true, validTo: true } } }, orderBy: { id: "asc" } });
  const everything = () => Promise.all([people(), tree(), prisma.certificate.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } })]);

  test("role grants, units, people, certificates", async () => {
    const grant = await prisma.roleGrant.findFirstOrThrow({ select: { id: true }, where: { userId: ids.manager } });
    const person = (userId: string) => ({ params: { userId } });
    const unit = (unitId: string) => ({ params: { unitId } });
    const forms: [string, () => Promise<number>][] = [
      ["grant", () => statusAs(personAction, cookies.manager, `/admin/people/${ids.manager}`, { ...person(ids.manager), form: { intent: "grant", role: "MANAGER", scopeUnitId: units.T! } })],
      ["revoke", () => statusAs(personAction, cookies.manager, `/admin/people/${ids.manager}`, { ...person(ids.manager), form: { intent: "revoke", grantId: grant.id } })],
      ["move a person", () => statusAs(personAction, cookies.manager, `/admin/people/${ids.b}`, { ...person(ids.b), form: { intent: "update", fullName: B_NAME, email: "b@example.test", employeeCode: "", jobTitle: "", staffCategory: "CONG_CHUC", unitId: units["T-A"]! } })],
      ["anonymise", () => statusAs(anonymise, cookies.manager, `/admin/people/${ids.b}/anonymise`, { ...person(ids.b), form: { confirm: "yes" } })],
      ["merge", () => statusAs(unitAction, cookies.manager, `/admin/units/${units["T-B"]}`, { ...unit(units["T-B"]!), form: { intent: "merge", survivorId: units["T-A"]! } })],
      ["re-file", () => statusAs(unitAction, cookies.manager, `/admin/units/${units["T-B"]}`, { ...unit(units["T-B"]!), form: { intent: "update", name: "Sở B", kind: "DEPARTMENT", parentId: units["T-A"]! } })],
      ["new unit", () => statusAs(newUnit, cookies.manager, "/admin/units/new", { form: { code: "T-X", name: "Mới", kind: "OFFICE", parentId: units["T-A"]! } })],
      ["revoke a certificate", () => statusAs(revokeCertificate, cookies.manager, "/admin/certificates", { form: { code: ids.code, reason: "Thử thu hồi" } })],
      ["re-issue a certificate", () => statusAs(reissueCertificate, cookies.manager, `/admin/certificates/${ids.code}/reissue`, { params: { code: ids.code }, form: { holderName: "Ai Đó", unitName: "" } })],
    ];
    for (const [name, run] of forms) {
      expect(await leavesUnchanged(everything, run), name).toBe(403);
    }
  });

  test("an administrator typing an id that is not a live unit (or one that would make a loop) gets the field's error", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const cases: [string, () => Promise<unknown>, Record<string, string>][] = [
      ["grant", () => callAs(personAction, cookies.admin, `/admin/people/${ids.a}`, { params: { userId: ids.a }, form: { intent: "grant", role: "MANAGER", scopeUnitId: unknown } }), { scopeUnitId: "people.error.unitUnknown" }],
      ["merge", () => callAs(unitAction, cookies.admin, `/admin/units/${units["T-C"]}`, { params: { unitId: units["T-C"]! }, form: { intent: "merge", survivorId: unknown } }), { survivorId: "units.error.notFound" }],
      ["merge into its own", () => callAs(unitAction, cookies.admin, `/admin/units/${units["T-A"]}`, { params: { unitId: units["T-A"]! }, form: { intent: "merge", survivorId: units["T-A-1"]! } }), { survivorId: "units.error.mergeIntoOwn" }],
      ["re-file", () => callAs(unitAction, cookies.admin, `/admin/units/${units["T-C"]}`, { params: { unitId: units["T-C"]! }, form: { intent: "update", name: "Sở C", kind: "DEPARTMENT", parentId: unknown } }), { parentId: "units.error.notFound" }],
      ["re-file under its own", () => callAs(unitAction, cookies.admin, `/admin/units/${units["T-A"]}`, { params: { unitId: units["T-A"]! }, form: { intent: "update", name: "Sở A", kind: "DEPARTMENT", parentId: units["T-A-1"]! } }), { parentId: "units.error.cycle" }],
      ["new unit", () => callAs(newUnit, cookies.admin, "/admin/units/new", { form: { code: "T-X", name: "Mới", kind: "OFFICE", parentId: unknown } }), { parentId: "units.error.notFound" }],
      ["move a person", () => callAs(personAction, cookies.admin, `/admin/people/${ids.b}`, { params: { userId: ids.b }, form: { intent: "update", fullName: B_NAME, email: "b@example.test", employeeCode: "", jobTitle: "", staffCategory: "CONG_CHUC", unitId: unknown } }), { unitId: "people.error.unitUnknown" }],
    ];
    for (const [name, run, errors] of cases) {
      expect(await leavesUnchanged(everything, run), name).toMatchObject({ init: { status: 400 }, data: { errors } });
    }
    // The same forms with live units do their work.
    expect(await statusAs(personAction, cookies.admin, `/admin/people/${ids.a}`, { params: { userId: ids.a }, form: { intent: "grant", role: "MANAGER", scopeUnitId: units["T-A-1"]! } })).toBe(302);
    expect(await statusAs(unitAction, cookies.admin, `/admin/units/${units["T-C"]}`, { params: { unitId: units["T-C"]! }, form: { intent: "merge", survivorId: units["T-B"]! } })).toBe(302);
  });
});

/** A one-pixel PNG as the studio's upload form sends it. */
function image(purpose: string) {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  const form = new FormData();
  form.set("purpose", purpose);
  form.set("image", new File([png], "anh.png", { type: "image/png" }));
  return form;
}
