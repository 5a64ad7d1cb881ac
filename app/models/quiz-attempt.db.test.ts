import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { freezeQuiz } from "~/utils/quiz";
import { quizCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { publishCourse } from "~/services/course-publish.server";
import { writeDraftContent } from "./course.server";
import { enrol, markItemDone } from "./enrolment.server";
import { DEFAULT_QUIZ_SETTINGS, quizSettingsSchema } from "~/utils/quiz-settings";
import { closeExpiredAttempts, getAttempt, saveAnswers, startAttempt, submitAttempt } from "./quiz-attempt.server";

const gift = `::Một::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Lạt}

::Hai::Chữ ký số xác định người ký. {T}
`;
const content = quizCourse("co-kiem-tra", "Khoá có kiểm tra", gift);

let userId = "";
let otherId = "";
let enrolmentId = "";
beforeAll(async () => {
  await makeUnits();
  userId = (await makePerson({ email: "thi@example.test" })).id;
  otherId = (await makePerson({ email: "nguoikhac@example.test" })).id;
  const courseId = await writeDraftContent({ content, trainerIds: [], sourceHash: null });
  await publishCourse({ courseId, content, changeNote: "Bản đầu", publishedById: null });
  enrolmentId = (await enrol({ userId, courseId, source: "SELF" }))!;
  await markItemDone({ userId, enrolmentId, itemKey: "bai" });
});

const rightAnswers = (questions: ReturnType<typeof freezeQuiz>) =>
  Object.fromEntries(questions.map((question) => [question.key, [question.answers.findIndex((answer) => answer.weight > 0)]]));

describe("an attempt", () => {
  test("starting twice resumes the same attempt; questions are frozen in it", async () => {
    const questions = freezeQuiz(gift);
    const [first, second] = await Promise.all([
      startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 }),
      startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 }),
    ]);
    const a = first.status === "exhausted" ? "" : first.attemptId;
    expect(second).toEqual({ status: second.status, attemptId: a });
    expect([first.status, second.status].sort()).toEqual(["resumed", "started"]);
    const attempt = await getAttempt({ attemptId: a, userId });
    expect(attempt!.questions.map((question) => question.key)).toEqual(["Một", "Hai"]);
    expect(await getAttempt({ attemptId: a, userId: otherId })).toBeNull();
  });

  test("a save from a stale page is refused; nobody else can save", async () => {
    const attempt = (await prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId } }));
    expect(await saveAnswers({ attemptId: attempt.id, userId, seq: 0, answers: { Một: [1] } })).toBe("saved");
    // A double click sends the same again: nothing to refuse.
    expect(await saveAnswers({ attemptId: attempt.id, userId, seq: 0, answers: { Một: [1] } })).toBe("saved");
    // The second tab still shows seq 0.
    expect(await saveAnswers({ attemptId: attempt.id, userId, seq: 0, answers: { Một: [2] } })).toBe("stale");
    expect(await saveAnswers({ attemptId: attempt.id, userId: otherId, seq: 1, answers: { Một: [2] } })).toBe("missing");
    expect((await getAttempt({ attemptId: attempt.id, userId }))!.answers).toEqual({ Một: [1] });
  });

  test("fifty simultaneous submits: one grade, one completion", async () => {
    const row = await prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId } });
    const attempt = (await getAttempt({ attemptId: row.id, userId }))!;
    expect(await saveAnswers({ attemptId: row.id, userId, seq: attempt.seq, answers: rightAnswers(attempt.questions) })).toBe("saved");
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt({ attemptId: row.id, userId })));
    expect(results.filter((result) => result?.first)).toHaveLength(1);
    expect(results.filter((result) => result?.completed)).toHaveLength(1);
    expect(new Set(results.map((result) => result?.attempt.percent))).toEqual(new Set([100]));
    const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(enrolment.status).toBe("COMPLETED");
    expect(await prisma.itemProgress.count({ where: { enrolmentId, itemKey: "kiem-tra" } })).toBe(1);
    // …and one certificate, written in the same transaction as the completion.
    const certificates = await prisma.certificate.findMany({ where: { enrolmentId } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(certificates[0]!.courseTitle).toBe("Khoá có kiểm tra");
    expect(await saveAnswers({ attemptId: row.id, userId, seq: attempt.seq + 2, answers: { Một: [0] } })).toBe("closed");
  });
});

describe("submitting the attempt as the summary page read it", () => {
  // The summary's submit hands over the attempt it has just read: graded as
  // read, written only if nothing changed since (one statement), else the
  // locked way. Each test has a person and an enrolment of its own.
  let courseId = "";
  beforeAll(async () => {
    const course = quizCourse("nop-bai-nhanh", "Khoá nộp bài nhanh", gift);
    courseId = await writeDraftContent({ content: course, trainerIds: [], sourceHash: null });
    await publishCourse({ courseId, content: course, changeNote: "Bản đầu", publishedById: null });
  });

  // Answers are shuffled: a wrong one is found by its weight.
  const oneWrongAnswer = (questions: ReturnType<typeof freezeQuiz>) => ({ [questions[0]!.key]: [questions[0]!.answers.findIndex((answer) => answer.weight <= 0)] });

  /** A new learner with an attempt under way and these answers saved; the attempt as read after. */
  async function attemptWith(email: string, answersFor: (questions: ReturnType<typeof freezeQuiz>) => Record<string, number[]>) {
    const learnerId = (await makePerson({ email })).id;
    const enrolment = (await enrol({ userId: learnerId, courseId, source: "SELF" }))!;
    await markItemDone({ userId: learnerId, enrolmentId: enrolment, itemKey: "bai" });
    const started = await startAttempt({ enrolmentId: enrolment, itemKey: "kiem-tra", questions: freezeQuiz(gift), passPercent: 100 });
    if (started.status === "exhausted") throw new Error("no attempt");
    const fresh = (await getAttempt({ attemptId: started.attemptId, userId: learnerId }))!;
    expect(await saveAnswers({ attemptId: fresh.id, userId: learnerId, seq: fresh.seq, answers: answersFor(fresh.questions) })).toBe("saved");
    return { learnerId, enrolment, attempt: (await getAttempt({ attemptId: fresh.id, userId: learnerId }))! };
  }

  test("unchanged since read: graded as read, once, even when sent fifty times at once", async () => {
    const { learnerId, enrolment, attempt } = await attemptWith("nop-mot-lan@example.test", oneWrongAnswer);
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt({ attemptId: attempt.id, userId: learnerId, asRead: attempt })));
    expect(results.filter((result) => result?.first)).toHaveLength(1);
    expect(new Set(results.map((result) => `${result?.attempt.percent} ${result?.attempt.passed}`))).toEqual(new Set(["0 false"]));
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect({ state: row.state, seq: row.seq, percent: row.percent, passed: row.passed }).toEqual({ state: "SUBMITTED", seq: attempt.seq + 1, percent: 0, passed: false });
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(await prisma.itemProgress.count({ where: { enrolmentId: enrolment, itemKey: "kiem-tra" } })).toBe(0);
  });

  test("a pass as read records the quiz done, the course completed and one certificate, with the grade", async () => {
    const { learnerId, enrolment, attempt } = await attemptWith("nop-dat@example.test", rightAnswers);
    const result = await submitAttempt({ attemptId: attempt.id, userId: learnerId, asRead: attempt });
    expect(result).toMatchObject({ first: true, completed: true, attempt: { percent: 100, passed: true } });
    // The same page sent again: the result, not a second grade or completion.
    const again = await submitAttempt({ attemptId: attempt.id, userId: learnerId, asRead: attempt });
    expect(again).toMatchObject({ first: false, completed: false, attempt: { percent: 100, passed: true } });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment } })).status).toBe("COMPLETED");
    expect(await prisma.itemProgress.count({ where: { enrolmentId: enrolment, itemKey: "kiem-tra" } })).toBe(1);
    expect(await prisma.certificate.count({ where: { enrolmentId: enrolment } })).toBe(1);
  });

  test("answers saved after the read are the ones graded (another tab saved in between)", async () => {
    const { learnerId, enrolment, attempt } = await attemptWith("nop-tab-khac@example.test", oneWrongAnswer);
    expect(await saveAnswers({ attemptId: attempt.id, userId: learnerId, seq: attempt.seq, answers: rightAnswers(attempt.questions) })).toBe("saved");
    const result = await submitAttempt({ attemptId: attempt.id, userId: learnerId, asRead: attempt });
    expect(result).toMatchObject({ first: true, completed: true, attempt: { percent: 100, passed: true } });
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect({ state: row.state, percent: row.percent, answers: row.answers }).toEqual({ state: "SUBMITTED", percent: 100, answers: rightAnswers(attempt.questions) });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment } })).status).toBe("COMPLETED");
  });

  test("someone else's attempt, even as read, is neither submitted nor graded", async () => {
    const { attempt } = await attemptWith("nop-cua-nguoi-khac@example.test", rightAnswers);
    expect(await submitAttempt({ attemptId: attempt.id, userId: otherId, asRead: attempt })).toBeNull();
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect({ state: row.state, seq: row.seq, percent: row.percent }).toEqual({ state: "IN_PROGRESS", seq: attempt.seq, percent: null });
  });
});

describe("time limits, attempts allowed and checked questions", () => {
  let timedEnrolmentId = "";
  let timedUserId = "";
  const timed = quizSettingsSchema.parse({ timeLimitMinutes: 10, attemptsAllowed: 2, review: { correctness: "during" } });
  beforeAll(async () => {
    const person = await makePerson({ email: "hengio@example.test" });
    timedUserId = person.id;
    // An accommodation: half as long again on every timed quiz.
    await prisma.user.update({ where: { id: timedUserId }, data: { quizExtraTimePercent: 50 } });
    const course = await prisma.course.findFirstOrThrow({ where: { slug: "co-kiem-tra" } });
    timedEnrolmentId = (await enrol({ userId: timedUserId, courseId: course.id, source: "SELF" }))!;
  });
  const start = () => startAttempt({ enrolmentId: timedEnrolmentId, itemKey: "kiem-tra", questions: freezeQuiz(gift), passPercent: 100, settings: timed });

  test("the server sets the deadline from the limit and the person's extra time", async () => {
    const started = await start();
    if (started.status === "exhausted") throw new Error("should start");
    const attempt = (await getAttempt({ attemptId: started.attemptId, userId: timedUserId }))!;
    expect(attempt.deadline!.getTime() - attempt.startedAt.getTime()).toBe(15 * 60_000);
    expect(attempt.settings).toEqual(timed);
  });

  test("a checked question is locked: its answer cannot change", async () => {
    const row = await prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId: timedEnrolmentId, state: "IN_PROGRESS" } });
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 0, answers: { Một: [1] }, check: true })).toBe("saved");
    // "Kiểm tra" pressed twice: the second finds it done, and succeeds too.
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 0, answers: { Một: [1] }, check: true })).toBe("saved");
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 1, answers: { Một: [0] } })).toBe("locked");
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 1, answers: { Hai: [0] } })).toBe("saved");
    const attempt = (await getAttempt({ attemptId: row.id, userId: timedUserId }))!;
    expect(attempt.checked).toEqual(["Một"]);
    expect(attempt.answers).toEqual({ Một: [1], Hai: [0] });
  });

  test("past the deadline, saves are refused and the job submits the attempt with what was saved", async () => {
    const row = await prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId: timedEnrolmentId, state: "IN_PROGRESS" } });
    // Within the grace after the deadline a save still counts…
    await prisma.quizAttempt.update({ where: { id: row.id }, data: { deadline: new Date(Date.now() - 10_000) } });
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 2, answers: { Hai: [1] } })).toBe("saved");
    // …after it, not.
    await prisma.quizAttempt.update({ where: { id: row.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    expect(await saveAnswers({ attemptId: row.id, userId: timedUserId, seq: 3, answers: { Hai: [0] } })).toBe("expired");
    expect(await closeExpiredAttempts()).toBe(1);
    expect(await closeExpiredAttempts()).toBe(0);
    const attempt = (await getAttempt({ attemptId: row.id, userId: timedUserId }))!;
    expect(attempt.state).toBe("SUBMITTED");
    expect(attempt.answers).toEqual({ Một: [1], Hai: [1] });
    expect(attempt.passed).toBe(false);
  });

  test("no more attempts than the quiz allows", async () => {
    const second = await start();
    expect(second.status).toBe("started");
    if (second.status !== "exhausted") await submitAttempt({ attemptId: second.attemptId, userId: timedUserId });
    expect(await start()).toEqual({ status: "exhausted" });
    expect(await prisma.quizAttempt.count({ where: { enrolmentId: timedEnrolmentId } })).toBe(2);
  });

  test("an attempt keeps the settings it started with", async () => {
    const attempts = await prisma.quizAttempt.findMany({ where: { enrolmentId: timedEnrolmentId } });
    expect(attempts.every((attempt) => JSON.stringify(attempt.settings) !== JSON.stringify(DEFAULT_QUIZ_SETTINGS))).toBe(true);
  });
});
