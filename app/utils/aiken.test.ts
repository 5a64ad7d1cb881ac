import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseAiken } from "./aiken";
import { exportGift, parseGift } from "./gift";

/** The fields every Aiken question has: Aiken has no titles, formats, categories or feedback. */
const aiken = { kind: "single", named: false, textAfter: "", format: null, generalFeedback: null, category: null, tags: [] };
const options = (right: number, ...texts: string[]) => texts.map((text, i) => ({ text, weight: i === right ? 100 : 0, feedback: null }));

describe("the sample file", () => {
  const source = readFileSync(new URL("../../tests/fixtures/aiken-sample.txt", import.meta.url), "utf8");

  test("reads every question exactly", () => {
    expect(parseAiken(source)).toEqual({
      ok: true,
      questions: [
        {
          ...aiken,
          title: "Ứng dụng định danh điện tử quốc gia…",
          text: "Ứng dụng định danh điện tử quốc gia VNeID do cơ quan nào xây dựng và quản lý?",
          line: 1,
          answers: options(0, "Bộ Công an", "Bộ Thông tin và Truyền thông", "Văn phòng Chính phủ", "Bộ Nội vụ"),
        },
        {
          ...aiken,
          title: "Khi nhận được thư điện tử yêu cầu cung…",
          text: 'Khi nhận được thư điện tử yêu cầu cung cấp mật khẩu\nđể "xác minh tài khoản", bạn nên làm gì?',
          line: 8,
          answers: options(
            2,
            "Trả lời thư và gửi mật khẩu",
            "Bấm vào liên kết trong thư để đổi mật khẩu",
            "Không trả lời, báo cho bộ phận công nghệ thông tin"
          ),
        },
        {
          ...aiken,
          title: "Theo Nghị định 30/2020/NĐ-CP, phông chữ…",
          text: "Theo Nghị định 30/2020/NĐ-CP, phông chữ dùng trong văn bản hành chính là:",
          line: 14,
          answers: options(1, "Arial", "Times New Roman"),
        },
      ],
    });
  });

  test("reads the same with Windows line breaks and a byte order mark", () => {
    expect(parseAiken("\uFEFF" + source.replace(/\n/g, "\r\n"))).toEqual(parseAiken(source));
  });

  test("exports to GIFT that reads back to the same questions", () => {
    const { questions } = parseAiken(source);
    const again = parseGift(exportGift(questions));
    expect(again.ok).toBe(true);
    expect(again.questions.map(({ line: _l, named: _n, ...q }) => q)).toEqual(questions.map(({ line: _l, named: _n, ...q }) => q));
  });
});

describe("parseAiken", () => {
  test("a lower-case answer letter and spaces are accepted", () => {
    expect(parseAiken("Câu hỏi?\nA. Một\nB. Hai\n  answer:  b  ")).toMatchObject({
      ok: true,
      questions: [{ answers: options(1, "Một", "Hai") }],
    });
  });

  test("repeated question texts get (2), (3)…", () => {
    const result = parseAiken("Câu?\nA. x\nB. y\nANSWER: A\nCâu?\nA. x\nB. y\nANSWER: B\nCâu?\nA. x\nB. y\nANSWER: A");
    expect(result.questions.map((q) => q.title)).toEqual(["Câu?", "Câu? (2)", "Câu? (3)"]);
  });

  test("a text line that looks like a later option stays text; the first option is A", () => {
    expect(parseAiken("Sắp xếp:\nB) bước hai\nA. Đúng\nB. Sai\nANSWER: A")).toMatchObject({
      ok: true,
      questions: [{ text: "Sắp xếp:\nB) bước hai", answers: options(0, "Đúng", "Sai") }],
    });
  });

  test("blank lines between options are only spacing", () => {
    expect(parseAiken("Câu?\n\nA. x\n\nB. y\n\nANSWER: B").ok).toBe(false); // the blank under the text ends it
    expect(parseAiken("Câu?\nA. x\n\nB. y\n\nANSWER: B")).toMatchObject({ ok: true, questions: [{ answers: options(1, "x", "y") }] });
  });

  test("an empty file has no questions", () => {
    expect(parseAiken("")).toEqual({ ok: true, questions: [] });
    expect(parseAiken("\n\n")).toEqual({ ok: true, questions: [] });
  });

  describe("errors, per question, with its line; the good questions are kept", () => {
    test.each([
      ["one option", "Câu?\nA. x\nANSWER: A", "missingAnswers", 1],
      ["no options", "Câu?\nANSWER: A", "missingAnswers", 1],
      ["a text with no options before a blank line", "Ghi chú lạc\n\nCâu?\nA. x\nB. y\nANSWER: A", "missingAnswers", 1],
      ["an ANSWER line with no question", "ANSWER: A", "missingAnswers", 1],
      ["no ANSWER line at the end", "Câu?\nA. x\nB. y", "noCorrectAnswer", 1],
      ["an answer that is no option", "Câu?\nA. x\nB. y\nANSWER: C", "noCorrectAnswer", 1],
      ["an empty answer", "Câu?\nA. x\nB. y\nANSWER:", "noCorrectAnswer", 1],
      ["an answer letter used twice", "Câu?\nA. x\nB. y\nB. z\nANSWER: B", "noCorrectAnswer", 1],
    ])("%s", (_, source, code, line) => {
      const result = parseAiken(source);
      expect(result.ok || result.errors).toEqual([{ code, line, title: null }]);
    });

    test("no ANSWER line before the next question", () => {
      const result = parseAiken("Câu một?\nA. x\nB. y\nCâu hai?\nA. x\nB. y\nANSWER: B");
      expect(result).toMatchObject({
        ok: false,
        errors: [{ code: "noCorrectAnswer", line: 1, title: null }],
        questions: [{ text: "Câu hai?", line: 4, answers: options(1, "x", "y") }],
      });
    });
  });
});
