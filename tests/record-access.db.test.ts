import { beforeAll, describe, expect, test } from "vitest";
import { publishContent } from "~/models/course-version.server";
import { writeDraftContent } from "~/models/course.server";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from "~/models/quiz-attempt.server";
import { prisma } from "~/utils/db.server";
import { freezeQuiz } from "~/utils/quiz";
import { loader as certificateJwt } from "../app/routes/certificates.$code[.jwt]";
import { loader as certificatePdf } from "../app/routes/certificates.$code[.pdf]";
import { action as saveQuestion, loader as questionPage } from "../app/routes/courses.$slug.quiz.$itemKey.$attemptId.$number";
import { loader as reviewPage } from "../app/routes/courses.$slug.quiz.$itemKey.$attemptId.review";
import { loader as personReport } from "../app/routes/manage.reports.people.$userId";
import { loader as trainerAttempt } from "../app/routes/studio.$courseId.quizzes.$itemKey.$attemptId";
import { quizCourse } from "./helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "./helpers/people";
import { statusOf } from "./helpers/status";

// Records by id (IDOR): the role × route table (route-access.db.test.ts)
// shows who may open a kind of page; this shows that nobody reaches someone
// else's record by putting its id in the address or the form. Each refusal
// is checked beside its owner's success, so a page that refuses everyone
// cannot pass.

const gift = `::Một::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Lạt}\n`;
const content = quizCourse("rieng-tu", "Khoá riêng tư", gift);

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
let courseId = "";
const ids = { a: "", b: "", manager: "", trainer: "", attempt: "", code: "" };

/** A loader's or action's status for this person's request (a POST when there is a body). */
function statusFor(handler: Handler, cookie: string, params: Record<string, string>, body?: string) {
  const request = new Request("http://localhost/x", {
    method: body === undefined ? "GET" : "POST",
    headers: { Cookie: cookie, ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }) },
    body,
  });
  return statusOf(() => handler({ request, params, context: {} }));
}

beforeAll(async () => {
  await makeUnits();
  ids.a = (await makePerson({ email: "a@example.test", unitCode: "T-A-1" })).id;
  ids.b = (await makePerson({ email: "b@example.test", unitCode: "T-B" })).id;
  ids.manager = (await makePerson({ email: "quanly-a@example.test", role: "MANAGER" })).id; // over Sở A only
  ids.trainer = (await makePerson({ email: "giangvien-khac@example.test", role: "TRAINER" })).id; // not this course's
  courseId = await writeDraftContent({ content, trainerIds: [], sourceHash: null });
  await publishContent({ courseId, content, changeNote: "Bản đầu", publishedById: null });
  // Both learn; B finishes, with a passed attempt and a certificate.
  await enrol({ userId: ids.a, courseId, source: "SELF" });
  const enrolmentId = (await enrol({ userId: ids.b, courseId, source: "SELF" }))!;
  await markItemDone({ userId: ids.b, enrolmentId, itemKey: "bai" });
  const questions = freezeQuiz(gift);
  const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 });
  if (started.status === "exhausted") throw new Error("no attempt left");
  ids.attempt = started.attemptId;
  const attempt = await getAttempt({ attemptId: ids.attempt, userId: ids.b });
  await saveAnswers({ attemptId: ids.attempt, userId: ids.b, seq: attempt!.seq, answers: { [questions[0]!.key]: [questions[0]!.answers.findIndex((answer) => answer.weight > 0)] } });
  await submitAttempt({ attemptId: ids.attempt, userId: ids.b });
  ids.code = (await prisma.certificate.findFirstOrThrow({ where: { userId: ids.b } })).code;
});

const as = (userId: string, role: Parameters<typeof sessionCookieFor>[1] = "LEARNER") => sessionCookieFor(userId, role);

describe("a learner cannot reach another learner's records", () => {
  const attemptParams = () => ({ slug: content.slug, itemKey: "kiem-tra", attemptId: ids.attempt });

  test("their attempt's questions and review", async () => {
    expect(await statusFor(reviewPage as Handler, await as(ids.b), attemptParams())).toBe(200);
    expect(await statusFor(reviewPage as Handler, await as(ids.a), attemptParams())).toBe(404);
    expect(await statusFor(questionPage as Handler, await as(ids.a), { ...attemptParams(), number: "1" })).toBe(404);
  });

  test("nor write into their attempt", async () => {
    const before = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: ids.attempt }, select: { seq: true, answers: true, state: true } });
    const status = await statusFor(saveQuestion as Handler, await as(ids.a), { ...attemptParams(), number: "1" }, `seq=${before.seq}&intent=next&answer=0`);
    expect(status).toBe(404);
    expect(await prisma.quizAttempt.findUniqueOrThrow({ where: { id: ids.attempt }, select: { seq: true, answers: true, state: true } })).toEqual(before);
  });

  test("their certificate's PDF and signed credential", async () => {
    expect(await statusFor(certificatePdf as Handler, await as(ids.b), { code: ids.code })).toBe(200);
    expect(await statusFor(certificatePdf as Handler, await as(ids.a), { code: ids.code })).toBe(404);
    expect(await statusFor(certificateJwt as Handler, await as(ids.b), { code: ids.code })).toBe(200);
    expect(await statusFor(certificateJwt as Handler, await as(ids.a), { code: ids.code })).toBe(404);
  });
});

describe("staff cannot reach beyond what they look after", () => {
  test("a manager sees people of their units only, whatever id is typed", async () => {
    expect(await statusFor(personReport as Handler, await as(ids.manager, "MANAGER"), { userId: ids.a })).toBe(200);
    expect(await statusFor(personReport as Handler, await as(ids.manager, "MANAGER"), { userId: ids.b })).toBe(404);
  });

  test("a trainer sees attempts in their own courses only", async () => {
    const params = { courseId, itemKey: "kiem-tra", attemptId: ids.attempt };
    expect(await statusFor(trainerAttempt as Handler, await as(ids.trainer, "TRAINER"), params)).toBe(403);
    await prisma.courseTrainer.create({ data: { courseId, userId: ids.trainer } });
    expect(await statusFor(trainerAttempt as Handler, await as(ids.trainer, "TRAINER"), params)).toBe(200);
  });
});
