import { beforeAll, describe, expect, test } from "vitest";
import { enrol } from "~/models/enrolment.server";
import { startAttempt, submitAttempt } from "~/models/quiz-attempt.server";
import { freezeQuiz } from "~/utils/quiz";
import { quizSettingsSchema } from "~/utils/quiz-settings";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { loader as questionLoader } from "./courses.$slug.quiz.$itemKey.$attemptId.$number";
import { loader as introLoader } from "./courses.$slug.quiz.$itemKey._index";

// What a learner's browser receives while answering: never the key. The page
// data of a typed-answer question holds no accepted answer, and the quiz's
// front page shows no marks when the review settings keep them back.

const GIFT = "::Thủ đô::Thủ đô của Việt Nam là thành phố nào? {=Hà Nội =%50%Ha Noi}\n\n::Năm::Năm mục tiêu? {#2030}\n\n::Chọn::Chọn một {=Đúng ~Sai}\n";
const hidden = quizSettingsSchema.parse({ review: { correctness: "never", marks: "never", feedback: "never", rightAnswers: "never" } });

let cookie = "";
let base = "";
let userId = "";
beforeAll(async () => {
  await makeUnits();
  const course = oneLessonCourse("khong-lo-dap-an", "Không lộ đáp án");
  course.modules[0]!.items.push({ key: "kiem-tra", kind: "QUIZ", title: "Kiểm tra", minutes: 10, body: GIFT, passPercent: 80, quiz: hidden });
  const courseId = await publishTestCourse(course);
  const user = await makePerson({ email: "tomo@example.test" });
  userId = user.id;
  cookie = await sessionCookieFor(user.id, "LEARNER");
  const enrolmentId = (await enrol({ userId: user.id, courseId, source: "SELF" }))!;
  const started = await startAttempt({ enrolmentId, itemKey: "kiem-tra", questions: freezeQuiz(GIFT, hidden), passPercent: 80, settings: hidden });
  if (started.status === "exhausted") throw new Error("should start");
  base = `/courses/khong-lo-dap-an/quiz/kiem-tra/${started.attemptId}`;
});

const params = (number: string) => ({ slug: "khong-lo-dap-an", itemKey: "kiem-tra", attemptId: base.split("/").at(-1)!, number });
const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

describe("a quiz page's data", () => {
  test("a typed-answer question sends no accepted answer, a numerical one no number", async () => {
    const short = JSON.stringify(await questionLoader({ request: request(`${base}/1`), params: params("1"), context: {} }));
    expect(short).toContain("Thủ đô của Việt Nam");
    expect(short).not.toMatch(/Hà Nội|Ha Noi/);
    const numerical = JSON.stringify(await questionLoader({ request: request(`${base}/2`), params: params("2"), context: {} }));
    expect(numerical).not.toContain("2030");
    // Choices are sent, of course, but never their weights or feedback.
    const choice = await questionLoader({ request: request(`${base}/3`), params: params("3"), context: {} });
    expect(choice.question.options.sort()).toEqual(["Sai", "Đúng"]);
    expect(JSON.stringify(choice)).not.toMatch(/weight|feedback/);
  });

  test("the front page shows no grade when the review keeps marks back", async () => {
    await submitAttempt({ attemptId: params("").attemptId, userId });
    const data = await introLoader({ request: request("/courses/khong-lo-dap-an/quiz/kiem-tra"), params: params(""), context: {} });
    expect(data.grade).toBeNull();
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ state: "SUBMITTED", percent: null, passed: false });
  });
});
