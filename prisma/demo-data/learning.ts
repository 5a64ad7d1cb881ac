import { createAssignment, hasAssignmentForCourse } from "~/models/assignment.server";
import { getPublishedCourse } from "~/models/course-version.server";
import { backdateDemoCompletion, getCurrentEnrolment, seedEnrolment } from "~/models/enrolment.server";
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from "~/models/quiz-attempt.server";
import { findBankQuestions } from "~/models/question-bank.server";
import { banksOf, freezeQuiz, fullMarkAnswer, type AnswerValue, type FrozenQuestion } from "~/utils/quiz";
import { quizSettingsOf, type QuizSettings } from "~/utils/quiz-settings";
import { findUnitIdsByCode } from "~/models/org-unit.server";
import { findActiveUsersByEmail } from "~/models/user.server";
import { itemsInOrder } from "~/utils/course-content";
import { PROVINCE_CODE } from "./org-units";
import { DEMO_DOMAIN, generateDemoPeople, random } from "./people";

// People part-way through the courses, so the demo looks lived in: about
// two thirds of the province has started "Chuyển đổi số", fewer the others;
// the demo learner is half-way through two. Added once per person and course
// (never moved on later runs). Completions come with the quiz engine.

const uptake: [slug: string, share: number][] = [
  ["chuyen-doi-so-nhan-thuc-chung", 0.65],
  ["an-toan-thong-tin-cho-can-bo", 0.4],
  ["dich-vu-cong-truc-tuyen-va-vneid", 0.45],
  ["chu-ky-so-va-van-ban-dien-tu", 0.12],
];

const DAY = 24 * 60 * 60 * 1000;

/** A plausible mistake: a choice that earns nothing, a wrong word or number, items swapped. */
function wrongAnswer(question: FrozenQuestion): AnswerValue {
  switch (question.kind) {
    case "short":
      return "không nhớ";
    case "numerical":
      return "1";
    case "matching": {
      const right = question.matches ?? [];
      return right.map((_, index) => right[(index + 1) % right.length]!);
    }
    default: {
      const wrong = question.answers.findIndex((answer) => answer.weight <= 0);
      return wrong < 0 ? [] : [wrong];
    }
  }
}

/**
 * Takes the quiz the way learners do: most answers right, some wrong, a
 * retake after a fail (each try a little better), up to three tries. Real
 * attempts, graded by the quiz engine, so trainers' statistics have
 * something to say.
 */
async function takeQuiz(
  { userId, courseId, itemKey, body, passPercent, settings }: { userId: string; courseId: string; itemKey: string; body: string; passPercent: number; settings: QuizSettings },
  next: () => number,
) {
  const banks = await findBankQuestions(banksOf(settings));
  // Some know the subject better than others, and some questions are harder:
  // so the trainers' statistics tell questions apart as real ones would.
  const ability = 0.72 + 0.24 * next();
  const difficulty = (key: string) => ([...key].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 7) * 0.03;
  for (let attemptNumber = 1; attemptNumber <= 3; attemptNumber++) {
    const enrolment = await getCurrentEnrolment({ userId, courseId });
    if (!enrolment || enrolment.status !== "IN_PROGRESS") return;
    const questions = freezeQuiz(body, settings, next, banks);
    const started = await startAttempt({ enrolmentId: enrolment.id, itemKey, questions, passPercent, settings });
    if (started.status === "exhausted") return;
    const knows = (key: string) => Math.min(0.99, ability + 0.08 * (attemptNumber - 1) + 0.08 - difficulty(key));
    const answers = Object.fromEntries(questions.map((question) => [question.key, next() < knows(question.key) ? fullMarkAnswer(question) : wrongAnswer(question)]));
    const attempt = await getAttempt({ attemptId: started.attemptId, userId });
    await saveAnswers({ attemptId: started.attemptId, userId, seq: attempt!.seq, answers });
    const result = await submitAttempt({ attemptId: started.attemptId, userId });
    if (result?.attempt.passed) return;
  }
}

export async function seedDemoLearning(now = new Date()) {
  const next = random(20250701);
  const demoPeople = generateDemoPeople();
  const emails = demoPeople.map((person) => person.email);
  // The Sở KH&CN runs the province's digital transformation: its people are
  // the furthest along in "Chuyển đổi số", so its training page has both.
  const leading = new Set(demoPeople.filter((person) => person.unitCode.startsWith("LDG-SKHCN")).map((person) => person.email));
  const users = new Map((await findActiveUsersByEmail([...emails, `hocvien@${DEMO_DOMAIN}`])).map((user) => [user.email, user.id]));
  let added = 0;
  for (const [slug, share] of uptake) {
    const course = await getPublishedCourse({ slug });
    if (!course) continue;
    const lessons = itemsInOrder(course.content).filter((item) => item.kind === "LESSON").map((item) => item.key);
    const quiz = itemsInOrder(course.content).find((item) => item.kind === "QUIZ");
    const demoLearner = users.get(`hocvien@${DEMO_DOMAIN}`);
    if (demoLearner && slug !== "chu-ky-so-va-van-ban-dien-tu" && slug !== "dich-vu-cong-truc-tuyen-va-vneid") {
      const done = lessons.slice(0, slug === "chuyen-doi-so-nhan-thuc-chung" ? 3 : 1);
      if (await seedEnrolment({ userId: demoLearner, courseId: course.courseId, doneKeys: done, startedAt: new Date(now.getTime() - 12 * DAY), step: DAY })) added++;
    }
    // The demo learner finished "Dịch vụ công trực tuyến và VNeID" last
    // month: their page shows a certificate to download, share and verify.
    if (demoLearner && slug === "dich-vu-cong-truc-tuyen-va-vneid" && quiz) {
      const startedAt = new Date(now.getTime() - 40 * DAY);
      if (await seedEnrolment({ userId: demoLearner, courseId: course.courseId, doneKeys: lessons, startedAt, step: DAY })) {
        added++;
        // Knows it well: every answer right (a draw near 0 is always below what they know).
        await takeQuiz({ userId: demoLearner, courseId: course.courseId, itemKey: quiz.key, body: quiz.body, passPercent: quiz.passPercent ?? 80, settings: quizSettingsOf(quiz.quiz) }, () => 0.01);
        const enrolment = await getCurrentEnrolment({ userId: demoLearner, courseId: course.courseId });
        if (enrolment?.status === "COMPLETED") await backdateDemoCompletion({ enrolmentId: enrolment.id, at: new Date(startedAt.getTime() + (lessons.length + 1) * DAY) });
      }
    }
    for (const email of emails) {
      const ahead = slug === "chuyen-doi-so-nhan-thuc-chung" && leading.has(email);
      const joins = next() < share || ahead;
      // Started any time in the last eight months: the report's trend has a year to show.
      const daysAgo = 3 + Math.floor(next() * 240);
      // About half of those who start read every lesson (more in the Sở KH&CN).
      const count = (ahead && next() < 0.6) || next() < 0.45 ? lessons.length : Math.floor(next() * (lessons.length + 1));
      const userId = users.get(email);
      if (!joins || !userId) continue;
      const startedAt = new Date(now.getTime() - daysAgo * DAY);
      const passes = count === lessons.length && next() < 0.7;
      // A lesson every few days (at most a week apart): most who finish do so
      // within weeks of starting, so completions are spread over the year.
      const step = Math.max(1, Math.floor(Math.min((daysAgo * DAY) / (count + 2), (2 + next() * 5) * DAY)));
      if (await seedEnrolment({ userId, courseId: course.courseId, doneKeys: lessons.slice(0, count), startedAt, step })) {
        added++;
        // Most who read every lesson took the final quiz, and most of them
        // passed, some at the second or third try.
        // Its own random numbers per person and course: the main sequence (who
        // joins what) stays the same whether or not a quiz is taken, so
        // loading the demo twice changes nothing.
        const own = random([...`${slug}:${email}`].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 7));
        if (passes && quiz) {
          await takeQuiz({ userId, courseId: course.courseId, itemKey: quiz.key, body: quiz.body, passPercent: quiz.passPercent ?? 80, settings: quizSettingsOf(quiz.quiz) }, own);
          // Finished soon after the last lesson, not today: the months before have their completions.
          const enrolment = await getCurrentEnrolment({ userId, courseId: course.courseId });
          if (enrolment?.status === "COMPLETED") await backdateDemoCompletion({ enrolmentId: enrolment.id, at: new Date(startedAt.getTime() + step * (count + 1)) });
        }
      }
    }
  }
  return added;
}

/**
 * Mandatory training set by the province, as HR would, over the year: the
 * Sở KH&CN must finish "Chuyển đổi số" by 15 November 2026 (set in March;
 * many are now overdue), every cán bộ "An toàn thông tin" within 60 days
 * (from May, yearly), and everyone in the province "Dịch vụ công trực tuyến
 * và VNeID" by 30 September (set in June: most are overdue).
 */
export async function seedDemoAssignments() {
  const [awareness, security, services] = await Promise.all([
    getPublishedCourse({ slug: "chuyen-doi-so-nhan-thuc-chung" }),
    getPublishedCourse({ slug: "an-toan-thong-tin-cho-can-bo" }),
    getPublishedCourse({ slug: "dich-vu-cong-truc-tuyen-va-vneid" }),
  ]);
  const units = await findUnitIdsByCode(["LDG-SKHCN", PROVINCE_CODE]);
  const unitId = units.get("LDG-SKHCN");
  const provinceId = units.get(PROVINCE_CODE);
  let made = 0;
  if (awareness && unitId && !(await hasAssignmentForCourse({ courseId: awareness.courseId }))) {
    await createAssignment(
      { courseId: awareness.courseId, target: "UNIT", unitId, includeSubunits: true, dueDate: new Date("2026-11-15T00:00:00Z"), createdById: null },
      new Date("2026-03-02T00:00:00Z"),
    );
    made++;
  }
  if (security && !(await hasAssignmentForCourse({ courseId: security.courseId }))) {
    await createAssignment({ courseId: security.courseId, target: "STAFF_CATEGORY", staffCategory: "CAN_BO", dueDays: 60, recurrenceMonths: 12, createdById: null }, new Date("2026-05-04T00:00:00Z"));
    made++;
  }
  if (services && provinceId && !(await hasAssignmentForCourse({ courseId: services.courseId }))) {
    await createAssignment(
      { courseId: services.courseId, target: "UNIT", unitId: provinceId, includeSubunits: true, dueDate: new Date("2026-09-30T00:00:00Z"), createdById: null },
      new Date("2026-06-01T00:00:00Z"),
    );
    made++;
  }
  return made;
}
