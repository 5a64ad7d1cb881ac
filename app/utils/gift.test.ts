import { describe, expect, test } from "vitest";
import { parseGift, type GiftErrorCode, type GiftQuestion } from "./gift";

/** Parses a file that must be valid and returns its questions. */
function questionsOf(source: string): GiftQuestion[] {
  const result = parseGift(source);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.questions;
}

function only(source: string): GiftQuestion {
  const questions = questionsOf(source);
  expect(questions).toHaveLength(1);
  return questions[0]!;
}

/** The single error of a file holding one broken question. */
function errorOf(source: string) {
  const result = parseGift(source);
  if (result.ok) throw new Error("expected an error");
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

describe("the example in content/README.md", () => {
  const readme = `// [tag:4.2]
::Mật khẩu mạnh::Mật khẩu nào sau đây mạnh nhất? {
  ~123456 #Đây là một trong những mật khẩu bị dò nhiều nhất.
  =Một cụm từ dài, dễ nhớ với bạn nhưng khó đoán với người khác #Đúng.
  ~Ngày sinh của bạn #Ngày sinh dễ bị đoán.
}

::Nhiều đáp án::Những việc nào giúp phòng lừa đảo qua thư điện tử? {
  ~%50%Kiểm tra địa chỉ người gửi
  ~%50%Không bấm vào liên kết lạ
  ~%-100%Gửi mật khẩu khi được yêu cầu
}

::Đúng sai::Chữ ký số có giá trị pháp lý như chữ ký tay khi đáp ứng điều kiện luật định. {T}
`;

  test("parses to three questions with exact values", () => {
    expect(parseGift(readme)).toEqual({
      ok: true,
      questions: [
        {
          kind: "single",
          title: "Mật khẩu mạnh",
          text: "Mật khẩu nào sau đây mạnh nhất?",
          tags: ["4.2"],
          line: 2,
          answers: [
            { text: "123456", weight: 0, feedback: "Đây là một trong những mật khẩu bị dò nhiều nhất." },
            { text: "Một cụm từ dài, dễ nhớ với bạn nhưng khó đoán với người khác", weight: 100, feedback: "Đúng." },
            { text: "Ngày sinh của bạn", weight: 0, feedback: "Ngày sinh dễ bị đoán." },
          ],
        },
        {
          kind: "multiple",
          title: "Nhiều đáp án",
          text: "Những việc nào giúp phòng lừa đảo qua thư điện tử?",
          tags: [],
          line: 8,
          answers: [
            { text: "Kiểm tra địa chỉ người gửi", weight: 50, feedback: null },
            { text: "Không bấm vào liên kết lạ", weight: 50, feedback: null },
            { text: "Gửi mật khẩu khi được yêu cầu", weight: -100, feedback: null },
          ],
        },
        {
          kind: "truefalse",
          title: "Đúng sai",
          text: "Chữ ký số có giá trị pháp lý như chữ ký tay khi đáp ứng điều kiện luật định.",
          tags: [],
          correct: true,
          feedbackWrong: null,
          feedbackRight: null,
          line: 14,
        },
      ],
    });
  });

  test("reads the same with Windows line breaks and a byte order mark", () => {
    expect(parseGift("\uFEFF" + readme.replace(/\n/g, "\r\n"))).toEqual(parseGift(readme));
  });
});

describe("single-answer questions", () => {
  test("on one line", () => {
    expect(only("::Thủ đô::Thủ đô của Việt Nam là? {=Hà Nội ~Huế ~Đà Nẵng}")).toEqual({
      kind: "single",
      title: "Thủ đô",
      text: "Thủ đô của Việt Nam là?",
      tags: [],
      line: 1,
      answers: [
        { text: "Hà Nội", weight: 100, feedback: null },
        { text: "Huế", weight: 0, feedback: null },
        { text: "Đà Nẵng", weight: 0, feedback: null },
      ],
    });
  });

  test("with the block on its own lines and the text spread over two lines", () => {
    const question = only("::Q::Dòng một\ndòng hai\n{\n=Đúng\n~Sai\n}\n");
    expect(question).toMatchObject({ kind: "single", text: "Dòng một\ndòng hai" });
    expect(question.kind === "single" && question.answers.map((a) => a.text)).toEqual(["Đúng", "Sai"]);
  });

  test("an answer spanning several lines keeps its line break", () => {
    const question = only("::Q::Câu hỏi {\n  =Một đáp án\n   rất dài\n  ~Ngắn\n}");
    expect(question.kind === "single" && question.answers[0]).toEqual({ text: "Một đáp án\n   rất dài", weight: 100, feedback: null });
  });
});

describe("multiple-answer questions", () => {
  test("a %n% weight on = overrides its 100", () => {
    const question = only("::Q::Chọn {=%50%A ~%50%B ~C}");
    expect(question).toMatchObject({
      kind: "multiple",
      answers: [
        { text: "A", weight: 50 },
        { text: "B", weight: 50 },
        { text: "C", weight: 0 },
      ],
    });
  });

  test("decimal weights summing to 100 within 0.01", () => {
    const question = only("::Ba::Chọn ba {~%33.333%A ~%33.333%B ~%33.333%C ~%-100%D #Không}");
    expect(question).toEqual({
      kind: "multiple",
      title: "Ba",
      text: "Chọn ba",
      tags: [],
      line: 1,
      answers: [
        { text: "A", weight: 33.333, feedback: null },
        { text: "B", weight: 33.333, feedback: null },
        { text: "C", weight: 33.333, feedback: null },
        { text: "D", weight: -100, feedback: "Không" },
      ],
    });
  });

  test("an unweighted = counts as 100 and ~ as 0", () => {
    expect(only("::Q::Chọn {=A ~%-50%B ~C}")).toMatchObject({
      kind: "multiple",
      answers: [
        { text: "A", weight: 100 },
        { text: "B", weight: -50 },
        { text: "C", weight: 0 },
      ],
    });
  });
});

describe("true/false questions", () => {
  test.each([
    ["T", true],
    ["TRUE", true],
    ["true", true],
    ["F", false],
    ["FALSE", false],
    ["f", false],
  ])("{%s}", (word, correct) => {
    expect(only(`::Q::Mệnh đề. {${word}}`)).toEqual({
      kind: "truefalse",
      title: "Q",
      text: "Mệnh đề.",
      tags: [],
      correct,
      feedbackWrong: null,
      feedbackRight: null,
      line: 1,
    });
  });

  test("with feedback for a wrong and a right answer", () => {
    expect(only("::Q::Trái đất phẳng. {F#Sai rồi: nó tròn.#Chính xác.}")).toMatchObject({
      kind: "truefalse",
      correct: false,
      feedbackWrong: "Sai rồi: nó tròn.",
      feedbackRight: "Chính xác.",
    });
  });

  test("with feedback for a wrong answer only", () => {
    expect(only("::Q::Mệnh đề. { TRUE # Xem lại bài 2. }")).toMatchObject({
      correct: true,
      feedbackWrong: "Xem lại bài 2.",
      feedbackRight: null,
    });
  });
});

describe("feedback", () => {
  test("is trimmed, null when absent or empty, and may span lines", () => {
    const question = only("::Q::Câu {\n=A   #  Đúng vì\n  lý do  \n~B #\n~C\n}");
    expect(question.kind === "single" && question.answers).toEqual([
      { text: "A", weight: 100, feedback: "Đúng vì\n  lý do" },
      { text: "B", weight: 0, feedback: null },
      { text: "C", weight: 0, feedback: null },
    ]);
  });
});

describe("separating questions", () => {
  test("several blank lines between questions; line is where the title is", () => {
    const questions = questionsOf("\n\n::A::Một {T}\n\n\n\n::B::Hai {F}\n\n");
    expect(questions.map((q) => [q.title, q.line])).toEqual([
      ["A", 3],
      ["B", 7],
    ]);
  });

  test("a blank line inside the braces does not end the question", () => {
    const questions = questionsOf("::A::Câu hỏi {\n  =Đúng\n\n  ~Sai\n}\n\n::B::Tiếp {T}");
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatchObject({
      kind: "single",
      line: 1,
      answers: [
        { text: "Đúng", weight: 100 },
        { text: "Sai", weight: 0 },
      ],
    });
    expect(questions[1]).toMatchObject({ title: "B", line: 7 });
  });
});

describe("comments, tags and categories", () => {
  test("comment lines are ignored, also between answers", () => {
    const question = only("// Bộ câu hỏi bài 1\n::Q::Câu {\n  // lời giải: A\n  =A\n  ~B\n}");
    expect(question).toMatchObject({ line: 2, tags: [], answers: [{ text: "A" }, { text: "B" }] });
  });

  test("several tags on one or more comment lines, in order; [id:…] is ignored", () => {
    const question = only("// [tag:4.1] [tag:4.2]\n// xem lại [id:q7] [tag: 5.3 ]\n::Q::Câu {T}");
    expect(question.tags).toEqual(["4.1", "4.2", "5.3"]);
    expect(question.line).toBe(3);
  });

  test("tags separated from the question by a blank line do not tag it", () => {
    expect(only("// [tag:4.1]\n\n::Q::Câu {T}").tags).toEqual([]);
  });

  test("tags belong to the next question only", () => {
    const questions = questionsOf("// [tag:1.1]\n::A::Một {T}\n\n// [tag:2.2]\n::B::Hai {F}\n\n::C::Ba {T}");
    expect(questions.map((q) => q.tags)).toEqual([["1.1"], ["2.2"], []]);
  });

  test("$CATEGORY lines are ignored", () => {
    const questions = questionsOf("$CATEGORY: $course$/Bài 1\n\n::A::Một {T}\n$CATEGORY: x\n\n::B::Hai {F}");
    expect(questions.map((q) => [q.title, q.line])).toEqual([
      ["A", 3],
      ["B", 6],
    ]);
  });
});

describe("text", () => {
  test("text after the answer block is appended after a space", () => {
    expect(only("::Điền::Thủ đô là {=Hà Nội ~Huế} của Việt Nam.")).toMatchObject({
      kind: "single",
      text: "Thủ đô là của Việt Nam.",
    });
  });

  test("a text only after the block is the whole text", () => {
    expect(only("::Q::{T} Hà Nội là thủ đô.").text).toBe("Hà Nội là thủ đô.");
  });

  test.each(["[markdown]", "[html]", "[plain]", "[moodle]"])("the %s format prefix is removed", (prefix) => {
    expect(only(`::Q::${prefix}**Đậm** {T}`).text).toBe("**Đậm**");
  });

  test("a format prefix only at the start is removed", () => {
    expect(only("::Q::Xem [html] {T}").text).toBe("Xem [html]");
  });
});

describe("escapes", () => {
  test("in title, text, answers and feedback", () => {
    expect(only("::1 \\= 1\\: đúng\\?::Chọn \\{a\\} \\~ b\\#c {=x \\= 1 #Vì \\#1 \\~ \\{\\} ~y\\: 2}")).toEqual({
      kind: "single",
      title: "1 = 1: đúng\\?",
      text: "Chọn {a} ~ b#c",
      tags: [],
      line: 1,
      answers: [
        { text: "x = 1", weight: 100, feedback: "Vì #1 ~ {}" },
        { text: "y: 2", weight: 0, feedback: null },
      ],
    });
  });

  test("a colon in an address", () => {
    expect(only("::Cổng::Địa chỉ https\\://dichvucong.gov.vn là? {=Cổng Dịch vụ công quốc gia ~Báo}").text).toBe(
      "Địa chỉ https://dichvucong.gov.vn là?",
    );
  });

  test("\\n is a line break and \\\\ a backslash", () => {
    const question = only("::Q::Dòng 1\\nDòng 2 {=C:\\\\Windows ~D:\\\\}");
    expect(question.text).toBe("Dòng 1\nDòng 2");
    expect(question.kind === "single" && question.answers.map((a) => a.text)).toEqual(["C:\\Windows", "D:\\"]);
  });

  test("an escaped brace does not open the answer block", () => {
    expect(only("::Q::Tập \\{1, 2\\} {T}").text).toBe("Tập {1, 2}");
  });
});

describe("errors", () => {
  test.each<[string, string, GiftErrorCode, string | null, number]>([
    ["no title", "\n\nCâu hỏi không tên {T}", "missingTitle", null, 3],
    ["an empty title", "::::Câu {T}", "missingTitle", null, 1],
    ["an unterminated title", "::Câu {T}", "missingTitle", null, 1],
    ["no answer block", "::Q::Câu hỏi", "missingAnswers", "Q", 1],
    ["one answer", "::Q::Câu {~A ~%100%B}\n\n::R::Câu {=A}", "missingAnswers", "R", 3],
    ["no right answer", "::Q::Câu {~A ~B}", "noCorrectAnswer", "Q", 1],
    ["only negative weights", "::Q::Câu {~%-50%A ~%-50%B}", "noCorrectAnswer", "Q", 1],
    ["weights below 100", "::Q::Câu {~%50%A ~%40%B ~C}", "badWeights", "Q", 1],
    ["weights above 100", "::Q::Câu {~%60%A ~%50%B}", "badWeights", "Q", 1],
    ["a weight that is not a number", "::Q::Câu {~%a%A ~%100%B}", "badWeights", "Q", 1],
    ["an empty question text", "::Q::  {T}", "emptyText", "Q", 1],
    ["a text that is only a format prefix", "::Q::[markdown] {T}", "emptyText", "Q", 1],
    ["an empty answer", "::Q::Câu {= ~B}", "emptyText", "Q", 1],
    ["an essay", "::Q::Viết đoạn văn {}", "unsupportedQuestion", "Q", 1],
    ["a numeric question", "::Q::2 + 2? {#4:0}", "unsupportedQuestion", "Q", 1],
    ["a matching question", "::Q::Ghép {=a -> 1 =b -> 2}", "unsupportedQuestion", "Q", 1],
    ["a short-answer question", "::Q::Thủ đô? {=Hà Nội =Ha Noi}", "unsupportedQuestion", "Q", 1],
    ["several = without weights", "::Q::Câu {=A =B ~C}", "unsupportedQuestion", "Q", 1],
    ["a block not opened by = or ~", "::Q::Câu {A ~B}", "unsupportedQuestion", "Q", 1],
    ["two answer blocks", "::Q::Câu {T} và {F}", "unsupportedQuestion", "Q", 1],
    ["an unclosed brace", "// [tag:1]\n::Q::Câu {\n=A\n~B", "unclosedBrace", "Q", 2],
  ])("%s", (_, source, code, title, line) => {
    expect(errorOf(source)).toEqual({ code, title, line });
  });

  test("a repeated title is reported at the repeat", () => {
    const result = parseGift("::Q::Một {T}\n\n::R::Hai {T}\n\n::Q::Ba {F}");
    expect(result).toMatchObject({
      ok: false,
      errors: [{ code: "duplicateTitle", title: "Q", line: 5 }],
      questions: [{ title: "Q", text: "Một" }, { title: "R" }],
    });
  });

  test("a title repeated after escapes are read is still a repeat", () => {
    expect(errorOf("::a\\:b::Một {T}\n\n::a:b::Hai {T}")).toEqual({ code: "duplicateTitle", title: "a:b", line: 3 });
  });

  test("a title reused after a broken question is still a repeat", () => {
    const result = parseGift("::Q::Một {~A ~B}\n\n::Q::Hai {T}");
    expect(result.ok || result.errors.map((e) => e.code)).toEqual(["noCorrectAnswer", "duplicateTitle"]);
  });

  test("a blank line inside the text before the block splits the question", () => {
    const result = parseGift("::Q::Dòng một\n\ndòng hai {T}");
    expect(result.ok || result.errors).toEqual([
      { code: "missingAnswers", title: "Q", line: 1 },
      { code: "missingTitle", title: null, line: 3 },
    ]);
  });

  test("an unclosed brace does not swallow the next question", () => {
    const result = parseGift("::A::Một {\n=x\n~y\n\n// [tag:3.1]\n::B::Hai {T}");
    expect(result).toEqual({
      ok: false,
      errors: [{ code: "unclosedBrace", title: "A", line: 1 }],
      questions: [
        { kind: "truefalse", title: "B", text: "Hai", tags: ["3.1"], correct: true, feedbackWrong: null, feedbackRight: null, line: 6 },
      ],
    });
  });

  test("every error is reported and the good questions are kept", () => {
    const source = [
      "::Tốt 1::Câu {T}", // 1
      "", // 2
      "Không tên {T}", // 3
      "", // 4
      "// [tag:2.1]", // 5
      "::Trọng số::Câu {", // 6
      "  ~%50%A", // 7
      "  ~%30%B", // 8
      "}", // 9
      "", // 10
      "::Tốt 2::Câu {=A ~B}", // 11
      "", // 12
      "::Tốt 1::Lặp {F}", // 13
      "", // 14
      "::Tự luận::Viết {}", // 15
    ].join("\n");
    const result = parseGift(source);
    expect(result.ok).toBe(false);
    expect(result.ok || result.errors).toEqual([
      { code: "missingTitle", title: null, line: 3 },
      { code: "badWeights", title: "Trọng số", line: 6 },
      { code: "duplicateTitle", title: "Tốt 1", line: 13 },
      { code: "unsupportedQuestion", title: "Tự luận", line: 15 },
    ]);
    expect(result.questions.map((q) => [q.title, q.kind, q.line])).toEqual([
      ["Tốt 1", "truefalse", 1],
      ["Tốt 2", "single", 11],
    ]);
  });
});

test("an empty or comment-only file has no questions", () => {
  expect(parseGift("")).toEqual({ ok: true, questions: [] });
  expect(parseGift("// chỉ có ghi chú\n// [tag:1.1]\n\n$CATEGORY: x\n")).toEqual({ ok: true, questions: [] });
});
