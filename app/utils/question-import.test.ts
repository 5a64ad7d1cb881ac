import { describe, expect, test } from "vitest";
import { parseGift } from "./gift";
import { appendQuestions, readQuestionFile } from "./question-import";

describe("importing questions into a quiz", () => {
  test("a Moodle file without titles is read; unusable questions are reported with their line", () => {
    const { questions, problems } = readQuestionFile("Thủ đô của Việt Nam? {=Hà Nội ~Huế}\n\nViết một đoạn văn. {}\n", "gift");
    expect(questions.map((question) => [question.title, question.kind])).toEqual([["Thủ đô của Việt Nam?", "single"]]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, code: "unsupportedQuestion", kind: "essay" })]);
  });

  test("an Aiken file becomes single-choice questions", () => {
    const { questions, problems } = readQuestionFile("Mật khẩu nên dài bao nhiêu?\nA. 4 ký tự\nB. 12 ký tự trở lên\nANSWER: B\n", "aiken");
    expect(problems).toEqual([]);
    expect(questions[0]).toMatchObject({ kind: "single", answers: [{ text: "4 ký tự", weight: 0 }, { text: "12 ký tự trở lên", weight: 100 }] });
  });

  test("added questions keep the quiz one GIFT text, renamed where a title is taken", () => {
    const body = "::Thủ đô::Thủ đô? {=Hà Nội ~Huế}\n";
    const { questions } = readQuestionFile("::Thủ đô::Thủ đô nước Pháp? {=Paris ~Lyon}\n\n::Mới::Câu mới {T}\n", "gift");
    const result = appendQuestions(body, questions);
    expect(result.added).toBe(2);
    expect(result.renamed).toEqual([{ from: "Thủ đô", to: "Thủ đô (2)" }]);
    const all = parseGift(result.body);
    expect(all.ok).toBe(true);
    expect(all.questions.map((question) => question.title)).toEqual(["Thủ đô", "Thủ đô (2)", "Mới"]);
    expect(appendQuestions("", questions).body.startsWith("::Thủ đô::")).toBe(true);
  });
});
