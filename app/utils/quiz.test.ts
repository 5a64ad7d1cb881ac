import { describe, expect, test } from "vitest";
import { freezeQuiz, gradeAttempt, gradeQuestion } from "./quiz";

const gift = `::Một::Câu một lựa chọn {=Đúng ~Sai một ~Sai hai}

::Nhiều::Câu nhiều lựa chọn {~%50%A ~%50%B ~%-100%C ~D}

::Đúng sai::Câu đúng sai {F#Chưa đúng#Chính xác}
`;
const inOrder = () => 0.999; // keeps answers in their written order

describe("freezing a quiz", () => {
  test("keeps every question; true/false becomes two answers with Moodle's feedback", () => {
    const questions = freezeQuiz(gift, inOrder);
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
  const [single, multiple, truefalse] = freezeQuiz(gift, inOrder);
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
