import { describe, expect, test } from "vitest";
import { exportGift, parseGift } from "./gift";
import {
  correctedQuestion,
  drawPools,
  drawQuestions,
  drawShortfall,
  freezeQuiz,
  fullMarkAnswer,
  gradeAttempt,
  gradeQuestion,
  parseTypedNumber,
  questionCount,
  quizGrade,
} from "./quiz";
import { DEFAULT_QUIZ_SETTINGS, mayReview, quizSettingsSchema, REVIEW_PARTS } from "./quiz-settings";
import { quizStatistics } from "./quiz-stats";

const gift = `::Một::Câu một lựa chọn {=Đúng ~Sai một ~Sai hai}

::Nhiều::Câu nhiều lựa chọn {~%50%A ~%50%B ~%-100%C ~D}

::Đúng sai::Câu đúng sai {F#Chưa đúng#Chính xác}
`;
const inOrder = () => 0.999; // keeps answers in their written order

describe("freezing a quiz", () => {
  test("keeps every question; true/false becomes two answers with Moodle's feedback", () => {
    const questions = freezeQuiz(gift, DEFAULT_QUIZ_SETTINGS, inOrder);
    expect(questions.map((question) => [question.key, question.kind, question.answers.length])).toEqual([
      ["Một", "single", 3],
      ["Nhiều", "multiple", 4],
      ["Đúng sai", "truefalse", 2],
    ]);
    expect(questions[2]!.answers).toEqual([
      { text: "", truth: "true", weight: 0, feedback: "Chưa đúng" },
      { text: "", truth: "false", weight: 100, feedback: "Chính xác" },
    ]);
  });

  test("shuffles the answers of choice questions", () => {
    const orders = new Set(Array.from({ length: 30 }, () => freezeQuiz(gift)[0]!.answers.map((answer) => answer.text).join("|")));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("grading", () => {
  const [single, multiple, truefalse] = freezeQuiz(gift, DEFAULT_QUIZ_SETTINGS, inOrder);
  test("single choice: the right answer alone earns the mark", () => {
    expect(gradeQuestion(single!, [0])).toBe(1);
    expect(gradeQuestion(single!, [1])).toBe(0);
    expect(gradeQuestion(single!, [0, 1])).toBe(0);
    expect(gradeQuestion(single!, [])).toBe(0);
    expect(gradeQuestion(single!, [9])).toBe(0);
  });

  test("multiple choice: partial credit, negative marks, never below zero or above one", () => {
    expect(gradeQuestion(multiple!, [0])).toBe(0.5);
    expect(gradeQuestion(multiple!, [0, 1])).toBe(1);
    expect(gradeQuestion(multiple!, [0, 1, 3])).toBe(1);
    expect(gradeQuestion(multiple!, [0, 2])).toBe(0);
    expect(gradeQuestion(multiple!, [0, 0, 0])).toBe(0.5);
  });

  test("true/false and the whole attempt", () => {
    expect(gradeQuestion(truefalse!, [1])).toBe(1);
    expect(gradeQuestion(truefalse!, [0])).toBe(0);
    expect(gradeAttempt([single!, multiple!, truefalse!], { Một: [0], Nhiều: [0], "Đúng sai": [1] })).toEqual({ score: 2.5, maxScore: 3, percent: 83 });
    expect(gradeAttempt([], {})).toEqual({ score: 0, maxScore: 0, percent: 0 });
  });
});

const more = `$CATEGORY: $course$/top/Dịch vụ công
// [tag:2.3]
::Thủ đô::Thủ đô của Việt Nam là gì? {=Hà Nội =%50%Ha Noi#Nhớ dấu nhé}

// [option:ignore-marks]
::Cổng::Tên cổng dịch vụ công quốc gia: {=Dịch vụ công*}

// [tag:2.3]
::Năm::Năm hoàn thành mục tiêu? {#2030:0 =%50%2025..2029 #Gần đúng}

$CATEGORY: $course$/top/An toàn/Mật khẩu
::Ghép::Ghép mỗi việc với công cụ. {=Ký văn bản -> Chữ ký số =Nộp hồ sơ -> Cổng dịch vụ công =Xác thực -> VNeID = -> Máy fax ####Xem lại bài 2}

::Chỗ trống::Mật khẩu mạnh có ít nhất {=12 ~4 ~6} ký tự.
`;

describe("typed answers, numbers and matching", () => {
  const [capital, portal, year, match, blank] = freezeQuiz(more, DEFAULT_QUIZ_SETTINGS, inOrder);

  test("short answer: case never matters, marks matter unless the question says so, * matches anything", () => {
    expect(gradeQuestion(capital!, "  hà   nội ")).toBe(1);
    expect(gradeQuestion(capital!, "Ha Noi")).toBe(0.5);
    expect(gradeQuestion(capital!, "Huế")).toBe(0);
    expect(gradeQuestion(capital!, "")).toBe(0);
    expect(gradeQuestion(capital!, [0])).toBe(0);
    expect(gradeQuestion(portal!, "dich vu cong truc tuyen")).toBe(1);
    expect(gradeQuestion(portal!, "Cổng thông tin")).toBe(0);
  });

  test("numbers are read as officials type them", () => {
    expect(parseTypedNumber("3,5")).toBe(3.5);
    expect(parseTypedNumber("3.5")).toBe(3.5);
    expect(parseTypedNumber("1.234,5")).toBe(1234.5);
    expect(parseTypedNumber("1,234.5")).toBe(1234.5);
    expect(parseTypedNumber("1.000.000")).toBe(1000000);
    expect(parseTypedNumber(" -2 030 ")).toBe(-2030);
    expect(parseTypedNumber("hai")).toBeNull();
    expect(parseTypedNumber("")).toBeNull();
    expect(parseTypedNumber("1e400")).toBeNull();
    expect(gradeQuestion(year!, "2030")).toBe(1);
    expect(gradeQuestion(year!, "2027")).toBe(0.5);
    expect(gradeQuestion(year!, "2031")).toBe(0);
  });

  test("matching: distractors are offered but match nothing; credit per item", () => {
    expect(match!.pairs).toHaveLength(3);
    expect(match!.choices).toHaveLength(4);
    expect(gradeQuestion(match!, fullMarkAnswer(match!))).toBe(1);
    const [first, second] = match!.matches!;
    expect(gradeQuestion(match!, [first!, second!, -1])).toBeCloseTo(2 / 3);
    expect(gradeQuestion(match!, [-1, -1, -1])).toBe(0);
    expect(match!.generalFeedback).toBe("Xem lại bài 2");
  });

  test("missing word: the sentence keeps its blank", () => {
    expect(blank!.kind).toBe("single");
    expect(blank!.text).toBe("Mật khẩu mạnh có ít nhất");
    expect(blank!.textAfter).toBe("ký tự.");
  });

  test("the full-mark answer earns the mark for every kind", () => {
    for (const question of [...freezeQuiz(more), ...freezeQuiz(gift)]) expect(gradeQuestion(question, fullMarkAnswer(question))).toBe(1);
  });
});

describe("drawing questions", () => {
  const questions = parseGift(more).questions;

  test("rules take N at random by category (and below it) or by tag, never the same question twice", () => {
    const rules = [
      { bank: null, category: "Dịch vụ công", tag: "2.3", count: 2 },
      { bank: null, category: null, tag: null, count: 2 },
    ];
    for (let run = 0; run < 20; run++) {
      const drawn = drawQuestions(questions, rules, Math.random);
      expect(drawn).toHaveLength(4);
      expect(new Set(drawn.map((question) => question.title)).size).toBe(4);
      expect(drawn.map((question) => question.title)).toEqual(expect.arrayContaining(["Thủ đô", "Năm"]));
    }
    expect(drawQuestions(questions, [{ bank: null, category: "An toàn", tag: null, count: 5 }], Math.random).map((question) => question.title)).toEqual(["Ghép", "Chỗ trống"]);
    expect(drawPools(questions, [{ bank: null, category: "Mật khẩu", tag: null, count: 3 }])).toEqual([{ rule: { bank: null, category: "Mật khẩu", tag: null, count: 3 }, available: 2 }]);
  });

  test("a rule may draw from a shared bank; its questions are keyed by the bank", () => {
    const bank = parseGift("::Chung một::Câu chung một {T}\n\n::Chung hai::Câu chung hai {F}\n\n::Chung ba::Câu chung ba {T}\n").questions;
    const banks = new Map([["ngan-hang-chung", bank]]);
    const settings = quizSettingsSchema.parse({ draw: [{ tag: "2.3", count: 2 }, { bank: "ngan-hang-chung", count: 2 }] });
    for (let run = 0; run < 10; run++) {
      const keys = freezeQuiz(more, settings, Math.random, banks).map((question) => question.key);
      expect(keys).toHaveLength(4);
      expect(keys.slice(0, 2)).toEqual(["Thủ đô", "Năm"]);
      for (const key of keys.slice(2)) expect(key).toMatch(/^ngan-hang-chung › Chung (một|hai|ba)$/);
    }
    expect(questionCount(more, settings, banks)).toBe(4);
    expect(drawPools([], [{ bank: "khong-co", category: null, tag: null, count: 1 }], banks)[0]!.available).toBe(0);
  });

  test("overlapping rules are filled together whenever some draw can fill them", () => {
    // Three in category A, one of them also tagged x: "2 from A" and "1 tagged x" fit only if A's two avoid the x one.
    const overlap = parseGift("$CATEGORY: A\n// [tag:x]\n::A1::Một {T}\n\n::A2::Hai {T}\n\n::A3::Ba {T}\n").questions;
    const rules = [
      { bank: null, category: "A", tag: null, count: 2 },
      { bank: null, category: null, tag: "x", count: 1 },
    ];
    for (let run = 0; run < 30; run++) expect(drawQuestions(overlap, rules, Math.random)).toHaveLength(3);
    expect(drawShortfall(overlap, rules)).toBe(0);
    expect(drawShortfall(overlap, [...rules, { bank: null, category: null, tag: "x", count: 1 }])).toBe(1);
    expect(questionCount(exportGift(overlap), quizSettingsSchema.parse({ draw: rules }))).toBe(3);
  });

  test("a key appears once even when a title looks like a bank's key", () => {
    const own = parseGift("::b › Q1::Câu riêng {T}\n").questions;
    const banks = new Map([["b", parseGift("::Q1::Câu chung {T}\n").questions]]);
    const keys = freezeQuiz(exportGift(own), quizSettingsSchema.parse({ draw: [{ count: 1 }, { bank: "b", count: 1 }] }), Math.random, banks).map((question) => question.key);
    expect(keys).toEqual(["b › Q1"]);
  });

  test("an attempt follows the settings: the draw, shuffled order", () => {
    const settings = quizSettingsSchema.parse({ draw: [{ tag: "2.3", count: 1 }], shuffleQuestions: true });
    const keys = new Set(Array.from({ length: 30 }, () => freezeQuiz(more, settings).map((question) => question.key).join("|")));
    expect(keys).toEqual(new Set(["Thủ đô", "Năm"]));
    expect(questionCount(more, settings)).toBe(1);
    expect(questionCount(more)).toBe(5);
  });
});

describe("grades, review and regrading", () => {
  test("the grade that counts: the highest or the latest submitted attempt", () => {
    const attempts = [
      { number: 1, percent: 90, submitted: true },
      { number: 2, percent: 60, submitted: true },
      { number: 3, percent: null, submitted: false },
    ];
    expect(quizGrade(attempts, "highest")).toBe(90);
    expect(quizGrade(attempts, "last")).toBe(60);
    expect(quizGrade([], "last")).toBeNull();
  });

  test("review parts show at the moment the settings say", () => {
    const settings = quizSettingsSchema.parse({ review: { correctness: "during", marks: "after", feedback: "closed", rightAnswers: "never" } });
    const answering = { submitted: false, checked: false, closed: false };
    expect(REVIEW_PARTS.filter((part) => mayReview(settings, part, answering))).toEqual([]);
    expect(REVIEW_PARTS.filter((part) => mayReview(settings, part, { ...answering, checked: true }))).toEqual(["correctness"]);
    expect(REVIEW_PARTS.filter((part) => mayReview(settings, part, { ...answering, submitted: true }))).toEqual(["correctness", "marks"]);
    expect(REVIEW_PARTS.filter((part) => mayReview(settings, part, { submitted: true, checked: false, closed: true }))).toEqual(["correctness", "marks", "feedback"]);
  });

  test("a corrected key regrades an attempt without moving what the learner chose", () => {
    const [old] = freezeQuiz("::K::Chọn đúng {=A ~B ~C}\n");
    const chosenB = [old!.answers.findIndex((answer) => answer.text === "B")];
    expect(gradeQuestion(old!, chosenB)).toBe(0);
    const fresh = parseGift("::K::Chọn đúng {~A =B ~C}\n").questions[0]!;
    const corrected = correctedQuestion(old!, fresh)!;
    expect(corrected.answers.map((answer) => answer.text)).toEqual(old!.answers.map((answer) => answer.text));
    expect(gradeQuestion(corrected, chosenB)).toBe(1);
    // Unchanged, only feedback changed, or changed beyond recognition: nothing to regrade.
    expect(correctedQuestion(old!, parseGift("::K::Chọn đúng {=A ~B ~C}\n").questions[0]!)).toBeNull();
    expect(correctedQuestion(old!, parseGift("::K::Chọn đúng {=A #Hay ~B ~C}\n").questions[0]!)).toBeNull();
    expect(correctedQuestion({ ...old!, version: undefined }, parseGift("::K::Chọn đúng {=A ~B ~C}\n").questions[0]!)).toBeNull();
    expect(correctedQuestion(old!, parseGift("::K::Chọn đúng {=A ~B ~D}\n").questions[0]!)).toBeNull();
    // Another question under the same title: "False" to "the earth is flat" is not "False" to "round".
    const [flat] = freezeQuiz("::T::Trái đất phẳng. {F}\n");
    expect(correctedQuestion(flat!, parseGift("::T::Trái đất tròn. {T}\n").questions[0]!)).toBeNull();
  });

  test("a shared bank's question keeps its key when regraded", () => {
    const banks = new Map([["b", parseGift("::Q1::Năm? {#2030}\n").questions]]);
    const [frozen] = freezeQuiz("", quizSettingsSchema.parse({ draw: [{ bank: "b", count: 1 }] }), Math.random, banks);
    expect(frozen!.key).toBe("b › Q1");
    const corrected = correctedQuestion(frozen!, parseGift("::Q1::Năm? {#2025}\n").questions[0]!);
    expect(corrected!.key).toBe("b › Q1");
    expect(gradeQuestion(corrected!, "2025")).toBe(1);
  });
});

describe("item analysis", () => {
  const [single] = freezeQuiz("::S::Câu {=Đúng ~Sai ~Nhiễu}\n", DEFAULT_QUIZ_SETTINGS, inOrder);
  const [other] = freezeQuiz("::T::Câu khác {T}\n", DEFAULT_QUIZ_SETTINGS, inOrder);
  // Three strong learners right on both; two weak ones wrong on both; one mixed.
  const attempts = [
    ...Array.from({ length: 3 }, () => ({ questions: [single!, other!], answers: { S: [0], T: [0] } })),
    ...Array.from({ length: 2 }, () => ({ questions: [single!, other!], answers: { S: [1], T: [1] } })),
    { questions: [single!, other!], answers: { S: [], T: [0] } },
  ];

  test("facility, discrimination and response counts by what was answered", () => {
    const [s, t] = quizStatistics(attempts);
    expect(s!.attempts).toBe(6);
    expect(s!.facility).toBe(50);
    expect(t!.facility).toBeCloseTo(66.7, 1);
    // Whoever gets S right also gets T right: a question that discriminates.
    expect(s!.discrimination).toBeGreaterThan(60);
    expect(s!.responses).toEqual([
      { response: "Đúng", count: 3, credit: 1 },
      { response: "Sai", count: 2, credit: 0 },
      { response: "", count: 1, credit: 0 },
      { response: "Nhiễu", count: 0, credit: 0 },
    ]);
    expect(t!.responses.map((response) => [response.response, response.count])).toEqual([
      ["true", 4],
      ["false", 2],
    ]);
  });

  test("a question that everyone gets right cannot discriminate", () => {
    const [s] = quizStatistics(attempts.slice(0, 3));
    expect(s!.facility).toBe(100);
    expect(s!.discrimination).toBeNull();
  });
});
