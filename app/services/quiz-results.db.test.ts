import { beforeAll, describe, expect, test } from "vitest";
import { publishCourse } from "~/services/course-publish.server";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { countQuizAttempts, listQuizAttempts } from "~/models/quiz-results.server";
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from "~/models/quiz-attempt.server";
import type { CourseContent } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { freezeQuiz } from "~/utils/quiz";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { latestQuiz, quizResultsSummary, regradeQuiz } from "./quiz-results.server";

// A trainer finds a wrong key through the statistics, corrects it, publishes,
// and regrades: the learners who answered right now pass, their course is
// completed and certified in the same step, and the audit log says who did it.

const WRONG_KEY = "::Thủ đô::Thủ đô của Việt Nam? {=Huế ~Hà Nội ~Đà Nẵng}\n\n::Chữ ký số::Chữ ký số có giá trị pháp lý. {T}\n";
const RIGHT_KEY = "::Thủ đô::Thủ đô của Việt Nam? {~Huế =Hà Nội ~Đà Nẵng}\n\n::Chữ ký số::Chữ ký số có giá trị pháp lý. {T}\n";

function withQuiz(gift: string): CourseContent {
  const course = oneLessonCourse("cham-lai", "Khoá chấm lại");
  course.modules[0]!.items.push({ key: "kiem-tra", kind: "QUIZ", title: "Kiểm tra", minutes: 10, body: gift, passPercent: 100 });
  return course;
}

let courseId = "";
let trainerId = "";
const learners: { userId: string; enrolmentId: string }[] = [];

beforeAll(async () => {
  await makeUnits();
  trainerId = (await makePerson({ email: "giangvien.chamlai@example.test", role: "TRAINER" })).id;
  courseId = await publishTestCourse(withQuiz(WRONG_KEY));
  for (const [index, capital] of ["Hà Nội", "Huế", "Hà Nội"].entries()) {
    const userId = (await makePerson({ email: `hocvien.chamlai${index}@example.test` })).id;
    const enrolmentId = (await enrol({ userId, courseId, source: "SELF" }))!;
    await markItemDone({ userId, enrolmentId, itemKey: "b" });
    const questions = freezeQuiz(WRONG_KEY);
    const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions, passPercent: 100 });
    if (started.status === "exhausted") throw new Error("should start");
    const capitalQuestion = questions.find((question) => question.key === "Thủ đô")!;
    const answers = { "Thủ đô": [capitalQuestion.answers.findIndex((answer) => answer.text === capital)], "Chữ ký số": [0] };
    await saveAnswers({ attemptId: started.attemptId, userId, seq: 0, answers });
    await submitAttempt({ attemptId: started.attemptId, userId });
    learners.push({ userId, enrolmentId });
  }
});

describe("results, statistics and regrading", () => {
  test("the statistics show the miskeyed question: those who knew the answer got it 'wrong'", async () => {
    expect(await countQuizAttempts({ courseId, itemKey: "kiem-tra" })).toEqual({ total: 3, submitted: 3, passed: 1 });
    expect(await listQuizAttempts({ courseId, itemKey: "kiem-tra" })).toHaveLength(3);
    const quiz = (await latestQuiz({ courseId, itemKey: "kiem-tra" }))!;
    const summary = await quizResultsSummary({ courseId, itemKey: "kiem-tra", quiz });
    const capital = summary.statistics.find((row) => row.key === "Thủ đô")!;
    expect(capital.facility).toBeCloseTo(33.3, 1);
    expect(capital.responses.find((response) => response.response === "Hà Nội")).toEqual({ response: "Hà Nội", count: 2, credit: 0 });
    expect(summary.regradable).toBe(0);
  });

  test("after the corrected version is published, a regrade passes the right answers and completes their course", async () => {
    await publishCourse({ courseId, content: withQuiz(RIGHT_KEY), changeNote: "Sửa đáp án câu Thủ đô", publishedById: trainerId });
    const quiz = (await latestQuiz({ courseId, itemKey: "kiem-tra" }))!;
    expect((await quizResultsSummary({ courseId, itemKey: "kiem-tra", quiz })).regradable).toBe(3);

    const summary = await regradeQuiz({ courseId, itemKey: "kiem-tra", quiz, actorId: trainerId, ipAddress: "127.0.0.1" });
    expect(summary).toEqual({ attempts: 3, changed: 3, newlyPassed: 2, newlyFailed: 1, completed: 2 });
    const [first, second, third] = learners;
    for (const learner of [first!, third!]) {
      const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: learner.enrolmentId }, include: { certificate: true } });
      expect(enrolment.status).toBe("COMPLETED");
      expect(enrolment.certificate).not.toBeNull();
    }
    // The learner who had the miskeyed answer keeps the completion already recorded: only counted.
    const kept = await prisma.enrolment.findUniqueOrThrow({ where: { id: second!.enrolmentId } });
    expect(kept.status).toBe("COMPLETED");
    const attempt = await prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId: second!.enrolmentId } });
    expect([attempt.percent, attempt.passed, attempt.regradedAt !== null]).toEqual([50, false, true]);
    // The learner's answers did not move: the frozen choices are in the same order.
    const regraded = (await getAttempt({ attemptId: attempt.id, userId: second!.userId }))!;
    expect(regraded.questions.find((question) => question.key === "Thủ đô")!.answers.find((answer) => answer.text === "Hà Nội")!.weight).toBe(100);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "quiz.regraded", targetId: courseId } });
    expect(audit.actorId).toBe(trainerId);
    expect(audit.detail).toMatchObject({ itemKey: "kiem-tra", version: 2, newlyPassed: 2, newlyFailed: 1 });
    // Nothing left to regrade; a second run changes nothing.
    expect((await quizResultsSummary({ courseId, itemKey: "kiem-tra", quiz })).regradable).toBe(0);
    expect(await regradeQuiz({ courseId, itemKey: "kiem-tra", quiz, actorId: trainerId, ipAddress: null })).toMatchObject({ changed: 0, newlyPassed: 0 });
  });
});
