import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { exportGift, parseGift, type GiftError, type GiftErrorCode, type GiftQuestion } from "./gift";

/** The fields a question has when the source says nothing about them. */
const plain = { named: true, textAfter: "", format: null, generalFeedback: null, category: null, tags: [] };

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
function errorOf(source: string, options?: { requireTitles?: boolean }) {
  const result = parseGift(source, options);
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
          ...plain,
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
          ...plain,
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
          ...plain,
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
  test("the README's current example parses to one question of each kind", () => {
    const text = readFileSync(new URL("../../content/README.md", import.meta.url), "utf8");
    const example = text.split("## Quiz files (GIFT)")[1]?.split("```text\n")[1]?.split("```")[0] ?? "";
    expect(questionsOf(example).map((q) => [q.title, q.kind])).toEqual([
      ["Mật khẩu mạnh", "single"],
      ["Nhiều đáp án", "multiple"],
      ["Đúng sai", "truefalse"],
      ["Thủ đô", "short"],
      ["Năm hiệu lực", "numerical"],
      ["Ghép", "matching"],
    ]);
  });
});

describe("single-answer questions", () => {
  test("on one line", () => {
    expect(only("::Thủ đô::Thủ đô của Việt Nam là? {=Hà Nội ~Huế ~Đà Nẵng}")).toEqual({
      ...plain,
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
      ...plain,
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
      ...plain,
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

  test("$CATEGORY lines set the category of the questions below them", () => {
    const questions = questionsOf("$CATEGORY: $course$/Bài 1\n\n::A::Một {T}\n$CATEGORY: x\n\n::B::Hai {F}\n\n::C::Ba {T}");
    expect(questions.map((q) => [q.title, q.line, q.category])).toEqual([
      ["A", 3, "$course$/Bài 1"],
      ["B", 6, "x"],
      ["C", 8, "x"],
    ]);
  });

  test("an empty $CATEGORY line goes back to no category", () => {
    expect(questionsOf("$CATEGORY: a\n\n::A::Một {T}\n\n$CATEGORY:\n\n::B::Hai {F}").map((q) => q.category)).toEqual(["a", null]);
  });

  test("a $CATEGORY line right under a question ends it", () => {
    expect(questionsOf("::A::Một {T}\n$CATEGORY: x\n::B::Hai {F}").map((q) => [q.title, q.category])).toEqual([
      ["A", null],
      ["B", "x"],
    ]);
  });
});

describe("text", () => {
  test("text after the answer block is a missing word: text before the blank, textAfter after it", () => {
    expect(only("::Điền::Thủ đô là {=Hà Nội ~Huế} của Việt Nam.")).toMatchObject({
      kind: "single",
      text: "Thủ đô là",
      textAfter: "của Việt Nam.",
    });
  });

  test("a text only after the block leaves the text before it empty", () => {
    expect(only("::Q::{T} Hà Nội là thủ đô.")).toMatchObject({ text: "", textAfter: "Hà Nội là thủ đô." });
  });

  test.each(["markdown", "html", "plain", "moodle"])("the [%s] format prefix is removed and kept in format", (format) => {
    expect(only(`::Q::[${format}]**Đậm** {T}`)).toMatchObject({ text: "**Đậm**", format });
  });

  test("a format prefix only at the start is removed", () => {
    expect(only("::Q::Xem [html] {T}")).toMatchObject({ text: "Xem [html]", format: null });
  });
});

describe("escapes", () => {
  test("in title, text, answers and feedback", () => {
    expect(only("::1 \\= 1\\: đúng\\?::Chọn \\{a\\} \\~ b\\#c {=x \\= 1 #Vì \\#1 \\~ \\{\\} ~y\\: 2}")).toEqual({
      ...plain,
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
      "Địa chỉ https://dichvucong.gov.vn là?"
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

describe("short-answer questions", () => {
  test("only = answers, with weights and feedback", () => {
    expect(only("::Thủ đô::Thủ đô của Việt Nam? {=Hà Nội =%50%Ha Noi #Nhớ gõ dấu.}")).toEqual({
      ...plain,
      kind: "short",
      title: "Thủ đô",
      text: "Thủ đô của Việt Nam?",
      line: 1,
      answers: [
        { text: "Hà Nội", weight: 100, feedback: null },
        { text: "Ha Noi", weight: 50, feedback: "Nhớ gõ dấu." },
      ],
      caseSensitive: false,
      ignoreMarks: false,
    });
  });

  test("a single = answer is a short answer (Moodle's rule)", () => {
    expect(only("::Q::Ứng dụng định danh điện tử? {=VNeID}")).toMatchObject({
      kind: "short",
      answers: [{ text: "VNeID", weight: 100, feedback: null }],
    });
  });

  test("answers on their own lines, a %0% answer only for its feedback", () => {
    expect(only("::Q::Đuôi tệp? {\n  =pdf\n  =%0%docx #Tệp Word chưa ký số.\n}")).toMatchObject({
      kind: "short",
      answers: [
        { text: "pdf", weight: 100, feedback: null },
        { text: "docx", weight: 0, feedback: "Tệp Word chưa ký số." },
      ],
    });
  });

  test.each([
    ["// [option:case-sensitive]", true, false],
    ["// [option:ignore-marks]", false, true],
    ["// [option:case-sensitive] [option:ignore-marks]", true, true],
    ["// [option:ignore-marks]\n// [tag:1.1] [option:case-sensitive]", true, true],
    ["// [option:something-else]", false, false],
  ])("%s sets the options", (comment, caseSensitive, ignoreMarks) => {
    expect(only(`${comment}\n::Q::Thủ đô? {=Hà Nội}`)).toMatchObject({ kind: "short", caseSensitive, ignoreMarks });
  });

  test("options separated from the question by a blank line do not apply", () => {
    expect(only("// [option:case-sensitive]\n\n::Q::Thủ đô? {=Hà Nội}")).toMatchObject({ caseSensitive: false });
  });

  test("an option comment on another kind of question is ignored", () => {
    expect(only("// [option:case-sensitive]\n::Q::Câu {T}")).not.toHaveProperty("caseSensitive");
  });
});

describe("numerical questions", () => {
  const number = (value: number, tolerance: number, weight = 100, feedback: string | null = null) => ({
    form: "tolerance",
    value,
    tolerance,
    min: value - tolerance,
    max: value + tolerance,
    weight,
    feedback,
  });

  test("value:tolerance", () => {
    expect(only("::Pi::Số pi với ba chữ số thập phân? {#3.14159:0.0005}")).toEqual({
      ...plain,
      kind: "numerical",
      title: "Pi",
      text: "Số pi với ba chữ số thập phân?",
      line: 1,
      answers: [number(3.14159, 0.0005)],
    });
  });

  test("a value alone has tolerance 0", () => {
    expect(only("::Q::Luật có hiệu lực năm nào? {#2024}")).toMatchObject({ answers: [number(2024, 0)] });
  });

  test("a range min..max, negative and decimal ends", () => {
    expect(only("::Q::Số từ 1 đến 5? {#1..5}")).toMatchObject({
      answers: [{ form: "range", value: 3, tolerance: 2, min: 1, max: 5, weight: 100, feedback: null }],
    });
    expect(only("::Q::Nhiệt độ? {#-2.5..-0.5}")).toMatchObject({
      answers: [{ form: "range", value: -1.5, tolerance: 1, min: -2.5, max: -0.5 }],
    });
  });

  test("negative values and decimals", () => {
    expect(only("::Q::UTC trừ giờ Việt Nam? {#-7}")).toMatchObject({ answers: [number(-7, 0)] });
    expect(only("::Q::Giây? {#.5:+0.25 #Nửa giây.}")).toMatchObject({ answers: [number(0.5, 0.25, 100, "Nửa giây.")] });
  });

  test("weighted alternatives with feedback, on one line", () => {
    expect(only("::Q::Tầm nhìn đến năm nào? {# =2030:0 =%50%2000:5 #Gần đúng.}")).toMatchObject({
      kind: "numerical",
      answers: [number(2030, 0), number(2000, 5, 50, "Gần đúng.")],
    });
  });

  test("~ numbers are worth 0; a bare ~ is Moodle's “any other answer”, last", () => {
    const question = only("::Q::Năm? {#\n  =2030 #Đúng.\n  ~2020 #Năm ban hành.\n  ~#Xem lại Quyết định 749.\n  ####Tầm nhìn 2030.\n}");
    expect(question).toMatchObject({
      kind: "numerical",
      generalFeedback: "Tầm nhìn 2030.",
      answers: [
        number(2030, 0, 100, "Đúng."),
        number(2020, 0, 0, "Năm ban hành."),
        { form: "range", value: 0, tolerance: Infinity, min: -Infinity, max: Infinity, weight: 0, feedback: "Xem lại Quyết định 749." },
      ],
    });
  });

  test("what Moodle writes: =%100%n:t# with an empty feedback", () => {
    expect(only("::Q::Số định danh có mấy chữ số?{#\n\t=%100%12:0#\n}")).toMatchObject({ answers: [number(12, 0)] });
  });
});

describe("matching questions", () => {
  test("pairs, an extra right answer with an empty left, general feedback", () => {
    const source = `::Ghép::Ghép việc với hệ thống. {
  =Nộp hồ sơ -> Cổng Dịch vụ công quốc gia
  =Căn cước điện tử -> VNeID
  =[html]<b>Ký số</b> -> Chữ ký số
  = -> Mạng xã hội
  ####Mạng xã hội không dùng cho công việc.
}`;
    expect(only(source)).toEqual({
      ...plain,
      kind: "matching",
      title: "Ghép",
      text: "Ghép việc với hệ thống.",
      line: 1,
      generalFeedback: "Mạng xã hội không dùng cho công việc.",
      pairs: [
        { left: "Nộp hồ sơ", right: "Cổng Dịch vụ công quốc gia" },
        { left: "Căn cước điện tử", right: "VNeID" },
        { left: "<b>Ký số</b>", right: "Chữ ký số" },
        { left: "", right: "Mạng xã hội" },
      ],
    });
  });

  test("on one line, without spaces around ->, escapes read", () => {
    expect(only("::Q::Ghép {=a\\:b->1 =c->2\\=2 =d->3}")).toMatchObject({
      pairs: [
        { left: "a:b", right: "1" },
        { left: "c", right: "2=2" },
        { left: "d", right: "3" },
      ],
    });
  });
});

describe("general feedback", () => {
  test.each<[string, string]>([
    ["single", "::Q::Câu {=A ~B ####Chung}"],
    ["multiple", "::Q::Câu {~%50%A ~%50%B ~C ####Chung}"],
    ["truefalse", "::Q::Câu {T####Chung}"],
    ["short", "::Q::Câu {=A ####Chung}"],
    ["numerical", "::Q::Câu {#4 ####Chung}"],
    ["matching", "::Q::Câu {=a -> 1 =b -> 2 =c -> 3 ####Chung}"],
  ])("in a %s question", (kind, source) => {
    expect(only(source)).toMatchObject({ kind, generalFeedback: "Chung" });
  });

  test("true/false: wrong, right and general feedback; only general", () => {
    expect(only("::Q::Câu {F#Sai.#Đúng.####Chung.}")).toMatchObject({
      correct: false,
      feedbackWrong: "Sai.",
      feedbackRight: "Đúng.",
      generalFeedback: "Chung.",
    });
    expect(only("::Q::Câu {TRUE####Chung.}")).toMatchObject({ feedbackWrong: null, feedbackRight: null, generalFeedback: "Chung." });
  });

  test("after the last answer's feedback, on its own line, with a format prefix; empty is null", () => {
    expect(only("::Q::Câu {\n=A #Đúng.\n~B\n####[markdown]Xem **bài 2**.\n}")).toMatchObject({
      answers: [
        { text: "A", feedback: "Đúng." },
        { text: "B", feedback: null },
      ],
      generalFeedback: "Xem **bài 2**.",
    });
    expect(only("::Q::Câu {=A ~B ####}")).toMatchObject({ generalFeedback: null });
  });

  test("an escaped #### is text", () => {
    expect(only("::Q::Câu {=A ~B #x\\#\\#\\#\\#y}")).toMatchObject({ answers: [{ text: "A" }, { text: "B", feedback: "x####y" }] });
  });
});

describe("formats inside the answer block", () => {
  test("are removed from answers and feedback; the question's format is kept", () => {
    expect(only("::Q::[html]<p>Câu</p> {=[plain]A #[markdown]**Đúng** ~[moodle]B}")).toMatchObject({
      format: "html",
      text: "<p>Câu</p>",
      answers: [
        { text: "A", feedback: "**Đúng**" },
        { text: "B", feedback: null },
      ],
    });
  });

  test("after a weight too", () => {
    expect(only("::Q::Câu {~%50%[html]<b>A</b> ~%50%B ~C}")).toMatchObject({ answers: [{ text: "<b>A</b>", weight: 50 }, {}, {}] });
  });
});

describe("missing word", () => {
  test.each<[string, string]>([
    ["single", "Mẫu {=đúng ~sai} phía sau."],
    ["multiple", "Mẫu {~%50%đúng ~%50%cũng đúng ~sai} phía sau."],
    ["short", "Mẫu {=đúng} phía sau."],
    ["truefalse", "Mẫu {T} phía sau."],
    ["numerical", "Mẫu {#4} phía sau."],
  ])("keeps the %s kind", (kind, source) => {
    expect(only(`::Q::${source}`)).toMatchObject({ kind, text: "Mẫu", textAfter: "phía sau." });
  });

  test("a block at the end leaves textAfter empty", () => {
    expect(only("::Q::Mẫu {=đúng ~sai}\n")).toMatchObject({ text: "Mẫu", textAfter: "" });
  });

  test("textAfter is unescaped and may run over lines", () => {
    expect(only("::Q::Mẫu {\n=a\n~b\n} phía \\{sau\\}\ncòn nữa.")).toMatchObject({ textAfter: "phía {sau}\ncòn nữa." });
  });
});

describe("lenient mode (requireTitles: false)", () => {
  const lenient = (source: string) => parseGift(source, { requireTitles: false });

  test("an untitled question is named after its text", () => {
    expect(lenient("Chữ ký số có giá trị pháp lý như chữ ký tay. {T}")).toEqual({
      ok: true,
      questions: [
        {
          ...plain,
          named: false,
          kind: "truefalse",
          title: "Chữ ký số có giá trị pháp lý như chữ ký…",
          text: "Chữ ký số có giá trị pháp lý như chữ ký tay.",
          correct: true,
          feedbackWrong: null,
          feedbackRight: null,
          line: 1,
        },
      ],
    });
  });

  test("derived titles: whitespace and markup collapsed, the blank shown, short texts whole", () => {
    const result = lenient(
      "[html]<p>Thủ   đô\nlà</p> {=Hà Nội ~Huế} của Việt Nam.\n\nNgắn {T}\n\n::::Tên rỗng {T}\n\n::Không đóng tên {T}"
    );
    expect(result.questions.map((q) => [q.title, q.named])).toEqual([
      ["Thủ đô là _____ của Việt Nam.", false],
      ["Ngắn", false],
      ["Tên rỗng", false],
      ["Không đóng tên", false],
    ]);
  });

  test("a question whose text has no words is named after its line", () => {
    expect(lenient('\n[html]<img src="a.png"> {T}').questions[0]?.title).toBe("#2");
  });

  test("repeats get (2), (3)…, and never take a title the file gives", () => {
    const result = lenient("Câu {T}\n\nCâu {F}\n\n::Câu (2)::Có tên {T}\n\n::Câu::Cũng có tên {T}\n\n::Câu::Lặp tên {F}");
    expect(result.ok).toBe(true);
    expect(result.questions.map((q) => [q.title, q.named])).toEqual([
      ["Câu (3)", false],
      ["Câu (4)", false],
      ["Câu (2)", true],
      ["Câu", true],
      ["Câu (5)", true],
    ]);
  });

  test("errors are still reported per question, with the title when there is one", () => {
    const result = lenient("Tự luận {}\n\n::Mô tả::Đoạn giới thiệu\n\nTốt {T}");
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { code: "unsupportedQuestion", kind: "essay", title: null, line: 1 },
        { code: "unsupportedQuestion", kind: "description", title: "Mô tả", line: 3 },
      ],
      questions: [{ title: "Tốt", named: false }],
    });
  });
});

describe("a file exported by Moodle", () => {
  const moodle = [
    "// question: 0  name: Switch category to $course$/top/Mặc định cho Lớp A",
    "$CATEGORY: $course$/top/Mặc định cho Lớp A",
    "",
    "",
    "// question: 12  name: Thủ đô",
    "::Thủ đô::[html]<p>Thủ đô của Việt Nam là?</p>{",
    "\t=Hà Nội#Đúng.",
    "\t~Huế#",
    "\t~Đà Nẵng#",
    "\t####Hà Nội từ năm 1010.",
    "}",
    "",
    "",
    "// question: 13  name: Tên thủ đô",
    "::Tên thủ đô::[html]Gõ tên thủ đô{",
    "\t=%100%Hà Nội#",
    "\t=%50%Ha Noi#",
    "}",
    "",
    "",
    "// question: 14  name: Đúng sai",
    "::Đúng sai::[html]Trái đất quay quanh Mặt trời.{TRUE#Sai rồi.#Đúng.}",
    "",
    "",
    "// question: 15  name: Tự luận",
    "::Tự luận::[html]Viết một đoạn văn.{}",
    "",
    "",
  ].join("\n");

  test("parses, with categories, formats and empty feedback read as none", () => {
    const result = parseGift(moodle, { requireTitles: false });
    expect(result.ok || result.errors).toEqual([{ code: "unsupportedQuestion", kind: "essay", title: "Tự luận", line: 26 }]);
    expect(result.questions).toEqual([
      {
        ...plain,
        kind: "single",
        title: "Thủ đô",
        text: "<p>Thủ đô của Việt Nam là?</p>",
        format: "html",
        category: "$course$/top/Mặc định cho Lớp A",
        generalFeedback: "Hà Nội từ năm 1010.",
        line: 6,
        answers: [
          { text: "Hà Nội", weight: 100, feedback: "Đúng." },
          { text: "Huế", weight: 0, feedback: null },
          { text: "Đà Nẵng", weight: 0, feedback: null },
        ],
      },
      {
        ...plain,
        kind: "short",
        title: "Tên thủ đô",
        text: "Gõ tên thủ đô",
        format: "html",
        category: "$course$/top/Mặc định cho Lớp A",
        line: 15,
        answers: [
          { text: "Hà Nội", weight: 100, feedback: null },
          { text: "Ha Noi", weight: 50, feedback: null },
        ],
        caseSensitive: false,
        ignoreMarks: false,
      },
      {
        ...plain,
        kind: "truefalse",
        title: "Đúng sai",
        text: "Trái đất quay quanh Mặt trời.",
        format: "html",
        category: "$course$/top/Mặc định cho Lớp A",
        line: 22,
        correct: true,
        feedbackWrong: "Sai rồi.",
        feedbackRight: "Đúng.",
      },
    ]);
  });
});

/** What export → import must keep: everything but where the question was and whether it had a title. */
function portable(questions: GiftQuestion[]) {
  return questions.map(({ line: _line, named: _named, ...rest }) => rest);
}

describe("the every-construct fixture", () => {
  const source = readFileSync(new URL("../../tests/fixtures/every-construct.gift", import.meta.url), "utf8");
  const result = parseGift(source, { requireTitles: false });
  const security = { ...plain, category: "$course$/top/An toàn thông tin/Mật khẩu" };
  const documents = { ...plain, category: "$course$/top/Văn bản điện tử" };
  const transformation = { ...plain, category: "$course$/top/Chuyển đổi số" };
  const exact = (value: number, weight = 100, feedback: string | null = null) => ({
    form: "tolerance",
    value,
    tolerance: 0,
    min: value,
    max: value,
    weight,
    feedback,
  });

  test("reports the essay and the description, with their lines", () => {
    expect(result.ok || result.errors).toEqual([
      { code: "unsupportedQuestion", kind: "description", title: "Giới thiệu phần 3", line: 100 },
      { code: "unsupportedQuestion", kind: "essay", title: "Tự luận chuyển đổi số", line: 133 },
    ]);
  });

  test("reads every other question exactly", () => {
    expect(result.questions).toEqual([
      {
        ...security,
        kind: "single",
        title: "Mật khẩu mạnh",
        line: 11,
        tags: ["4.2"],
        format: "html",
        text: "<p>Mật khẩu nào sau đây <b>mạnh nhất</b>?</p>",
        answers: [
          { text: "123456", weight: 0, feedback: "Đây là một trong những mật khẩu bị dò nhiều nhất." },
          { text: "Một cụm từ dài, dễ nhớ với bạn nhưng khó đoán với người khác", weight: 100, feedback: "Đúng." },
          { text: "Ngày sinh của bạn", weight: 0, feedback: "Ngày sinh **dễ bị đoán**." },
        ],
        generalFeedback: "Mật khẩu mạnh là mật khẩu dài và không suy ra được từ thông tin cá nhân.",
      },
      {
        ...security,
        kind: "multiple",
        title: "Dấu hiệu thư lừa đảo",
        line: 20,
        tags: ["4.2", "4.3"],
        text: "Những dấu hiệu nào cho thấy một thư điện tử có thể là thư lừa đảo?",
        answers: [
          { text: "Địa chỉ người gửi gần giống địa chỉ của cơ quan", weight: 33.33333, feedback: null },
          { text: "Thư thúc giục làm ngay kẻo bị khoá tài khoản", weight: 33.33333, feedback: null },
          { text: "Liên kết dẫn tới tên miền lạ", weight: 33.33333, feedback: "Di chuột lên liên kết để xem địa chỉ thật trước khi bấm." },
          {
            text: "Thư có chữ ký của thủ trưởng đơn vị",
            weight: -100,
            feedback: "Chữ ký có thể bị giả mạo, nhưng tự nó không phải dấu hiệu lừa đảo.",
          },
        ],
        generalFeedback: "Khi nghi ngờ, gọi điện cho người gửi theo số bạn đã biết.",
      },
      {
        ...security,
        kind: "multiple",
        title: "Sao lưu dữ liệu",
        line: 29,
        text: "Những việc nào giúp giữ an toàn dữ liệu công việc?",
        answers: [
          { text: "Sao lưu định kỳ lên hệ thống lưu trữ của cơ quan", weight: 50, feedback: null },
          { text: "Giữ thêm một bản sao ở nơi khác", weight: 50, feedback: null },
          { text: "Chỉ lưu trên máy tính cá nhân", weight: -25, feedback: null },
          { text: "Gửi tệp cho đồng nghiệp giữ hộ", weight: 0, feedback: null },
        ],
      },
      {
        ...security,
        kind: "truefalse",
        title: "Mật khẩu qua điện thoại",
        line: 38,
        text: "Cán bộ tin học của cơ quan có thể hỏi mật khẩu của bạn qua điện thoại để hỗ trợ.",
        correct: false,
        feedbackWrong: "Cán bộ tin học không bao giờ cần mật khẩu của bạn.",
        feedbackRight: "Đúng: đừng đọc mật khẩu cho bất kỳ ai.",
        generalFeedback: "Mật khẩu chỉ mình bạn biết.",
      },
      {
        ...security,
        kind: "single",
        title: "Xác thực hai yếu tố",
        line: 42,
        tags: ["4.2"],
        text: "Bật xác thực",
        textAfter: "giúp tài khoản khó bị chiếm đoạt hơn.",
        answers: [
          { text: "hai yếu tố", weight: 100, feedback: null },
          { text: "một yếu tố", weight: 0, feedback: null },
          { text: "bằng câu hỏi bí mật", weight: 0, feedback: null },
        ],
      },
      {
        ...security,
        kind: "single",
        title: "Phần mềm độc hại",
        line: 45,
        text: 'Bạn nhận được tệp đính kèm "Bang_luong_T6.exe"\ntừ một địa chỉ lạ.\nBạn nên làm gì?',
        answers: [
          { text: "Mở tệp để xem nội dung", weight: 0, feedback: null },
          {
            text: "Không mở tệp và báo cho bộ phận công nghệ thông tin",
            weight: 100,
            feedback: "Tệp .exe là chương trình; mở nó có thể cài phần mềm độc hại.",
          },
          { text: "Chuyển tiếp cho đồng nghiệp\n  nhờ kiểm tra giúp", weight: 0, feedback: null },
        ],
      },
      {
        ...documents,
        kind: "truefalse",
        title: "Chữ ký số",
        line: 63,
        tags: ["3.1"],
        text: "Chữ ký số có giá trị pháp lý như chữ ký tay khi đáp ứng điều kiện luật định.",
        correct: true,
        feedbackWrong: null,
        feedbackRight: null,
      },
      {
        ...documents,
        kind: "truefalse",
        title: "Văn bản điện tử gửi qua Hệ thống quản…",
        named: false,
        line: 65,
        text: "Văn bản điện tử gửi qua Hệ thống quản lý văn bản và điều hành không cần ký số.",
        correct: false,
        feedbackWrong: null,
        feedbackRight: null,
      },
      {
        ...documents,
        kind: "truefalse",
        title: "Tệp PDF đã ký số mà bị sửa sau khi ký…",
        named: false,
        line: 67,
        text: "Tệp PDF đã ký số mà bị sửa sau khi ký thì chữ ký không còn hợp lệ.",
        correct: true,
        feedbackWrong: "Hãy thử sửa một tệp đã ký rồi kiểm tra lại chữ ký.",
        feedbackRight: null,
      },
      {
        ...documents,
        kind: "short",
        title: "Loại chữ ký",
        line: 70,
        text: "Văn bản điện tử có giá trị pháp lý khi được ký bằng",
        textAfter: "của người có thẩm quyền.",
        answers: [
          { text: "chữ ký số", weight: 100, feedback: null },
          { text: "chữ ký điện tử", weight: 50, feedback: "Chữ ký số là một loại chữ ký điện tử; câu trả lời chính xác là chữ ký số." },
        ],
        caseSensitive: false,
        ignoreMarks: true,
        generalFeedback: "Luật Giao dịch điện tử năm 2023.",
      },
      {
        ...documents,
        kind: "short",
        title: "Đuôi tệp ký số",
        line: 74,
        tags: ["3.1"],
        text: "Đuôi tệp thường dùng cho văn bản đã ký số là gì (viết thường, không có dấu chấm)?",
        answers: [{ text: "pdf", weight: 100, feedback: null }],
        caseSensitive: true,
        ignoreMarks: true,
      },
      {
        ...documents,
        kind: "single",
        title: "Theo Nghị định 30/2020/NĐ-CP về công…",
        named: false,
        line: 76,
        text: "Theo Nghị định 30/2020/NĐ-CP về công tác văn thư, phông chữ dùng trong văn bản hành chính là gì?",
        answers: [
          { text: "Times New Roman", weight: 100, feedback: null },
          { text: "Arial", weight: 0, feedback: null },
          { text: "Calibri", weight: 0, feedback: null },
        ],
      },
      {
        ...documents,
        kind: "numerical",
        title: "Theo Nghị định 30/2020/NĐ-CP về công… (2)",
        named: false,
        line: 82,
        text: "Theo Nghị định 30/2020/NĐ-CP về công tác văn thư, cỡ chữ phần nội dung văn bản là bao nhiêu?",
        answers: [{ form: "range", value: 13.5, tolerance: 0.5, min: 13, max: 14, weight: 100, feedback: null }],
      },
      {
        ...documents,
        kind: "numerical",
        title: "Lề trên",
        line: 84,
        format: "markdown",
        text: "Theo Nghị định 30/2020/NĐ-CP, lề trên của trang văn bản cách mép trên **bao nhiêu mi-li-mét**?",
        answers: [{ form: "tolerance", value: 22.5, tolerance: 2.5, min: 20, max: 25, weight: 100, feedback: "Từ 20 đến 25 mm." }],
      },
      {
        ...documents,
        kind: "matching",
        title: "Ghép hệ thống",
        line: 86,
        format: "moodle",
        text: "Ghép mỗi việc với hệ thống dùng để làm việc đó.",
        pairs: [
          { left: "Nộp hồ sơ thủ tục hành chính trực tuyến", right: "Cổng Dịch vụ công quốc gia" },
          { left: "Xuất trình căn cước điện tử", right: "Ứng dụng VNeID" },
          { left: "Ký số <i>văn bản đi</i>", right: "Chữ ký số chuyên dùng" },
          { left: "", right: "Mạng xã hội cá nhân" },
        ],
        generalFeedback: "Mạng xã hội cá nhân không dùng cho công việc của cơ quan.",
      },
      {
        ...transformation,
        kind: "numerical",
        title: "Tầm nhìn chuyển đổi số",
        line: 104,
        tags: ["1.1"],
        text: "Chương trình Chuyển đổi số quốc gia (Quyết định 749/QĐ-TTg) có tầm nhìn đến năm nào?",
        answers: [
          exact(2030, 100, "Đúng."),
          exact(2025, 50, "Năm 2025 là mốc mục tiêu; tầm nhìn đến năm 2030."),
          exact(2020, 0, "Năm 2020 là năm ban hành Chương trình."),
          {
            form: "range",
            value: 0,
            tolerance: Infinity,
            min: -Infinity,
            max: Infinity,
            weight: 0,
            feedback: "Xem lại Quyết định 749/QĐ-TTg.",
          },
        ],
        generalFeedback: "Quyết định 749/QĐ-TTg ngày 03/6/2020.",
      },
      {
        ...transformation,
        kind: "numerical",
        title: "Hiệu lực luật",
        line: 112,
        text: "Luật Giao dịch điện tử năm 2023 có hiệu lực từ năm nào?",
        answers: [exact(2024)],
      },
      {
        ...transformation,
        kind: "numerical",
        title: "Thời gian tải",
        line: 114,
        text: "Tải một tệp 100 MB với tốc độ 40 MB/giây mất khoảng bao nhiêu giây?",
        answers: [
          { form: "tolerance", value: 2.5, tolerance: 0.1, min: 2.4, max: 2.6, weight: 100, feedback: null },
          { form: "tolerance", value: 3, tolerance: 0.5, min: 2.5, max: 3.5, weight: 50, feedback: "Gần đúng: 100 chia 40 là 2,5." },
        ],
      },
      {
        ...transformation,
        kind: "numerical",
        title: "Chênh lệch múi giờ",
        line: 116,
        text: "Giờ Việt Nam là UTC+7. Lấy giờ UTC trừ đi giờ Việt Nam thì được bao nhiêu giờ?",
        answers: [exact(-7)],
      },
      {
        ...transformation,
        kind: "numerical",
        title: "Số định danh",
        line: 119,
        format: "html",
        text: "<p>Số định danh cá nhân của công dân Việt Nam gồm bao nhiêu chữ số?</p>",
        answers: [exact(12)],
      },
      {
        ...transformation,
        kind: "single",
        title: "Excel: hàm SUM",
        line: 123,
        text: "Trong Excel, công thức =SUM(A1:A10) dùng để làm gì?",
        answers: [
          { text: "Cộng các giá trị từ ô A1 đến ô A10", weight: 100, feedback: null },
          { text: "Đếm số ô có dữ liệu", weight: 0, feedback: "Đó là hàm =COUNT()." },
          { text: "Tìm giá trị lớn nhất", weight: 0, feedback: "Đó là hàm =MAX()." },
        ],
      },
      {
        ...transformation,
        kind: "single",
        title: "Trộn thư",
        line: 129,
        text: "Trong mẫu thư trộn, trường {Họ tên} được thay bằng gì?",
        answers: [
          { text: "Họ tên của từng người nhận trong danh sách", weight: 100, feedback: null },
          { text: 'Chữ "{Họ tên}" giữ nguyên', weight: 0, feedback: null },
          { text: "Dấu ~ và dấu #", weight: 0, feedback: null },
        ],
      },
      {
        ...transformation,
        kind: "single",
        title: "Đường dẫn",
        line: 131,
        text: "Dòng thứ nhất: đường dẫn C:\\Tài liệu\\Công văn\nDòng thứ hai: tệp nằm ở ổ đĩa nào?",
        answers: [
          { text: "Ổ C", weight: 100, feedback: null },
          { text: "Ổ D", weight: 0, feedback: null },
        ],
      },
      {
        ...transformation,
        kind: "short",
        title: "Văn bản điện tử được ký số có giá trị…",
        named: false,
        line: 137,
        text: "Văn bản điện tử được ký số có giá trị như văn bản",
        textAfter: "theo Luật Giao dịch điện tử.",
        answers: [{ text: "giấy", weight: 100, feedback: null }],
        caseSensitive: false,
        ignoreMarks: false,
      },
    ]);
  });

  test("export → import gives the same bank, in course-content (titles required) mode", () => {
    const again = parseGift(exportGift(result.questions));
    expect(again.ok).toBe(true);
    expect(portable(again.questions)).toEqual(portable(result.questions));
    expect(again.questions.every((q) => q.named)).toBe(true);
  });

  test("exporting twice writes the same text", () => {
    const text = exportGift(result.questions);
    expect(exportGift(parseGift(text).questions)).toBe(text);
  });
});

describe("exportGift", () => {
  test("writes categories, comments, titles, formats, weights only where needed, feedback and blank lines", () => {
    const questions = questionsOf(
      [
        "$CATEGORY: $course$/top/A",
        "",
        "// [tag:4.2]",
        "::Một::[html]<p>Chọn</p> {=Đúng #Vì thế. ~Sai ####Chung}",
        "",
        "::Hai::Chọn {~%50%A ~%50%B ~%-100%C}",
        "",
        "$CATEGORY: $course$/top/B",
        "",
        "// [option:ignore-marks] [tag:1.1]",
        "::Ba::Thủ đô {=Hà Nội =%50%Ha Noi} của Việt Nam.",
        "",
        "::Bốn::Năm? {#=2030 =%50%2025:1 ~#Xem lại. ####Chung}",
        "",
        "::Năm::Đúng? {F#Sai.#Đúng.}",
        "",
        "::Sáu::Ghép {=a -> 1 =b -> 2 = -> 3}",
        "",
        "::Bảy::Khoảng {#1..5}",
      ].join("\n")
    );
    expect(exportGift(questions)).toBe(
      [
        "$CATEGORY: $course$/top/A",
        "",
        "// [tag:4.2]",
        "::Một::[html]<p>Chọn</p> {",
        "\t=Đúng #Vì thế.",
        "\t~Sai",
        "\t####Chung",
        "}",
        "",
        "::Hai::Chọn {",
        "\t~%50%A",
        "\t~%50%B",
        "\t~%-100%C",
        "}",
        "",
        "$CATEGORY: $course$/top/B",
        "",
        "// [tag:1.1] [option:ignore-marks]",
        "::Ba::Thủ đô {",
        "\t=Hà Nội",
        "\t=%50%Ha Noi",
        "} của Việt Nam.",
        "",
        "::Bốn::Năm? {#",
        "\t=2030",
        "\t=%50%2025:1",
        "\t~#Xem lại.",
        "\t####Chung",
        "}",
        "",
        "::Năm::Đúng? {FALSE#Sai.#Đúng.}",
        "",
        "::Sáu::Ghép {",
        "\t=a -> 1",
        "\t=b -> 2",
        "\t= -> 3",
        "}",
        "",
        "::Bảy::Khoảng {#",
        "\t=1..5",
        "}",
        "",
      ].join("\n")
    );
  });

  test("escapes ~ = # { } : and the backslash, and writes line breaks as \\n", () => {
    const question = only("::a\\:b::x {T}");
    const text = exportGift([{ ...question, title: "a:b", text: "~=#{}:\\ và\ndòng mới" }]);
    expect(text).toBe("::a\\:b::\\~\\=\\#\\{\\}\\:\\\\ và\\ndòng mới {TRUE}\n");
  });

  test("true/false feedback: right only keeps an empty wrong one", () => {
    const question = only("::Q::x {T##Đúng.####Chung}");
    expect(question).toMatchObject({ feedbackWrong: null, feedbackRight: "Đúng.", generalFeedback: "Chung" });
    expect(exportGift([question])).toBe("::Q::x {TRUE##Đúng.####Chung}\n");
  });

  test("a weight-0 number is written =%0%, which Moodle reads as a number (it reads ~ as “any other answer”)", () => {
    expect(exportGift(questionsOf("::Q::Năm? {#2030 ~2020 #Năm ban hành.}"))).toBe("::Q::Năm? {#\n\t=2030\n\t=%0%2020 #Năm ban hành.\n}\n");
  });

  test("no category after one is written as an empty $CATEGORY line", () => {
    const text = exportGift(questionsOf("$CATEGORY: a\n\n::A::Một {T}\n\n$CATEGORY:\n\n::B::Hai {F}"));
    expect(text).toBe("$CATEGORY: a\n\n::A::Một {TRUE}\n\n$CATEGORY:\n\n::B::Hai {FALSE}\n");
  });

  test("nothing to write is an empty file", () => {
    expect(exportGift([])).toBe("");
  });

  describe("round trip on generated questions", () => {
    // A small seeded generator: the same cases every run, many shapes.
    function random(seed: number) {
      let state = seed;
      return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
    }
    const next = random(20261126);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const pieces = [
      "Hà Nội",
      "a = b",
      "50% giảm",
      "C:\\Users\\cán bộ",
      "{x}",
      "~ dấu ngã",
      "#1",
      "dòng 1\ndòng 2",
      "https://dichvucong.gov.vn",
      "\\n không phải xuống dòng",
      "cuối\\",
      "[html] ở giữa",
      "::",
      "####",
      "Ứng dụng VNeID",
      "// không phải ghi chú",
      "$CATEGORY: không phải",
    ];
    const words = (min = 1) => {
      const count = min + Math.floor(next() * 3);
      // A leading "[html]" would read as a format and a leading "%" as a weight: GIFT has no escape for either.
      const chosen = Array.from({ length: count }, () => pick(pieces.slice(0, 11)));
      return [...chosen.slice(0, 1), ...chosen.slice(1).map(() => pick(pieces))].join(" ").trim();
    };
    const maybe = <T>(value: () => T): T | null => (next() < 0.5 ? value() : null);
    const number = (value: number, tolerance: number, weight: number) => ({
      form: "tolerance" as const,
      value,
      tolerance,
      min: value - tolerance,
      max: value + tolerance,
      weight,
      feedback: maybe(words),
    });
    const range = (min: number, max: number, weight: number) => ({
      form: "range" as const,
      value: (min + max) / 2,
      tolerance: max - (min + max) / 2,
      min,
      max,
      weight,
      feedback: maybe(words),
    });

    function generate(index: number): GiftQuestion {
      const common = {
        title: `${pick(["Câu", "a:b", "{x}", "Hỏi #"])} ${index}`,
        named: true,
        text: next() < 0.1 ? "" : words(),
        textAfter: "",
        format: pick([null, null, "html", "markdown", "plain", "moodle"] as const),
        generalFeedback: maybe(words),
        category: pick([null, "$course$/top/An toàn", "$course$/top/Văn bản điện tử"]),
        tags: pick([[], ["4.2"], ["1.1", "3.2"]]),
        line: 0,
      };
      if (common.text === "" || next() < 0.3) common.textAfter = words();
      const answers = (weights: number[]) => weights.map((weight) => ({ text: words(), weight, feedback: maybe(words) }));
      switch (index % 6) {
        case 0:
          return {
            ...common,
            kind: "single",
            answers: answers(
              pick([
                [100, 0],
                [0, 100, 0],
                [0, 0, 0, 100],
              ])
            ),
          };
        case 1:
          return {
            ...common,
            kind: "multiple",
            answers: answers(
              pick([
                [50, 50, -100],
                [33.33333, 33.33333, 33.33333, 0],
                [100, 0, -25],
                [25, 25, 25, 25],
              ])
            ),
          };
        case 2:
          return { ...common, kind: "truefalse", correct: next() < 0.5, feedbackWrong: maybe(words), feedbackRight: maybe(words) };
        case 3:
          return {
            ...common,
            kind: "short",
            answers: answers(pick([[100], [100, 50], [0, 100, 12.5]])),
            caseSensitive: next() < 0.5,
            ignoreMarks: next() < 0.5,
          };
        case 4: {
          const numbers = [number(2030, 0, 100), range(-2.5, 7.25, 50), number(-0.125, 1e-7, 0), number(3.14159, 0.0005, 100)];
          const chosen = numbers.filter(() => next() < 0.6);
          const withCatchAll = next() < 0.5 ? [{ ...range(0, 0, 0), value: 0, tolerance: Infinity, min: -Infinity, max: Infinity }] : [];
          return { ...common, kind: "numerical", answers: [number(1, 0.5, 100), ...chosen, ...withCatchAll] };
        }
        default: {
          const pairs = Array.from({ length: 2 + Math.floor(next() * 3) }, () => ({ left: words(), right: words() }));
          return {
            ...common,
            kind: "matching",
            pairs: next() < 0.5 ? [...pairs, { left: "", right: words() }] : [...pairs, { left: words(), right: words() }],
          };
        }
      }
    }

    const questions = Array.from({ length: 120 }, (_, i) => generate(i));

    test("parseGift(exportGift(questions)) gives the questions back", () => {
      const result = parseGift(exportGift(questions));
      expect(result.ok || result.errors).toBe(true);
      expect(portable(result.questions)).toEqual(portable(questions));
    });

    test.each(questions.map((q) => [q.title, q.kind, q] as const))("%s (%s) on its own", (_, __, question) => {
      expect(portable(questionsOf(exportGift([question])))).toEqual(portable([question]));
    });
  });
});

describe("errors", () => {
  test.each<[string, string, GiftErrorCode, string | null, number, GiftError["kind"]?]>([
    ["no title", "\n\nCâu hỏi không tên {T}", "missingTitle", null, 3],
    ["an empty title", "::::Câu {T}", "missingTitle", null, 1],
    ["an unterminated title", "::Câu {T}", "missingTitle", null, 1],
    ["no answer block: Moodle's description", "::Q::Câu hỏi", "unsupportedQuestion", "Q", 1, "description"],
    ["one answer", "::Q::Câu {~A ~%100%B}\n\n::R::Câu {~A}", "missingAnswers", "R", 3],
    ["a numerical block without a number", "::Q::Năm nào? {#}", "missingAnswers", "Q", 1],
    ["no right answer", "::Q::Câu {~A ~B}", "noCorrectAnswer", "Q", 1],
    ["only negative weights", "::Q::Câu {~%-50%A ~%-50%B}", "noCorrectAnswer", "Q", 1],
    ["a short answer without a full-mark answer", "::Q::Thủ đô? {=%50%Ha Noi}", "noCorrectAnswer", "Q", 1],
    ["a numerical question without a full-mark answer", "::Q::Năm? {#=%50%2025 ~2020}", "noCorrectAnswer", "Q", 1],
    ["weights below 100", "::Q::Câu {~%50%A ~%40%B ~C}", "badWeights", "Q", 1],
    ["weights above 100", "::Q::Câu {~%60%A ~%50%B}", "badWeights", "Q", 1],
    ["a weight that is not a number", "::Q::Câu {~%a%A ~%100%B}", "badWeights", "Q", 1],
    ["a negative weight in a short answer", "::Q::Thủ đô? {=Hà Nội =%-50%Huế}", "badWeights", "Q", 1],
    ["a weight above 100 in a numerical answer", "::Q::Năm? {#=%150%2030}", "badWeights", "Q", 1],
    ["an empty question text", "::Q::  {T}", "emptyText", "Q", 1],
    ["a text that is only a format prefix", "::Q::[markdown] {T}", "emptyText", "Q", 1],
    ["an empty answer", "::Q::Câu {= ~B}", "emptyText", "Q", 1],
    ["an empty short answer", "::Q::Câu {=Hà Nội =}", "emptyText", "Q", 1],
    ["an essay", "::Q::Viết đoạn văn {}", "unsupportedQuestion", "Q", 1, "essay"],
    ["an essay with general feedback", "::Q::Viết đoạn văn {\n####Gợi ý chấm\n}", "unsupportedQuestion", "Q", 1, "essay"],
    ["a number that is not one", "::Q::2 + 2? {#bốn}", "badNumber", "Q", 1],
    ["a decimal comma", "::Q::Pi? {#3,14:0,01}", "badNumber", "Q", 1],
    ["a negative tolerance", "::Q::Pi? {#3.14:-1}", "badNumber", "Q", 1],
    ["a range the wrong way round", "::Q::Số? {#5..1}", "badNumber", "Q", 1],
    ["a range with one end", "::Q::Số? {#1..}", "badNumber", "Q", 1],
    ["“any other answer” before the last answer", "::Q::Năm? {#~#Sai =2030}", "badNumber", "Q", 1],
    ["a matching question with two pairs", "::Q::Ghép {=a -> 1 =b -> 2}", "badMatching", "Q", 1],
    ["a matching question with one real pair", "::Q::Ghép {=a -> 1 = -> 2 = -> 3}", "badMatching", "Q", 1],
    ["a matching pair without ->", "::Q::Ghép {=a -> 1 =b -> 2 =c 3}", "badMatching", "Q", 1],
    ["a matching pair without a right side", "::Q::Ghép {=a -> 1 =b -> 2 =c ->}", "badMatching", "Q", 1],
    ["several = without weights", "::Q::Câu {=A =B ~C}", "unsupportedQuestion", "Q", 1, "other"],
    ["a block not opened by = or ~", "::Q::Câu {A ~B}", "unsupportedQuestion", "Q", 1, "other"],
    ["a block that is no known type", "::Q::Câu {Hà Nội}", "unsupportedQuestion", "Q", 1, "other"],
    ["two answer blocks", "::Q::Câu {T} và {F}", "unsupportedQuestion", "Q", 1, "other"],
    ["an unclosed brace", "// [tag:1]\n::Q::Câu {\n=A\n~B", "unclosedBrace", "Q", 2],
    ["a closing brace without an opening one", "::Q::Câu } hỏi", "unclosedBrace", "Q", 1],
  ])("%s", (_, source, code, title, line, kind) => {
    expect(errorOf(source)).toEqual(kind ? { code, title, line, kind } : { code, title, line });
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
      { code: "unsupportedQuestion", kind: "description", title: "Q", line: 1 },
      { code: "missingTitle", title: null, line: 3 },
    ]);
  });

  test("an unclosed brace does not swallow the next question", () => {
    const result = parseGift("::A::Một {\n=x\n~y\n\n// [tag:3.1]\n::B::Hai {T}");
    expect(result).toEqual({
      ok: false,
      errors: [{ code: "unclosedBrace", title: "A", line: 1 }],
      questions: [
        {
          ...plain,
          kind: "truefalse",
          title: "B",
          text: "Hai",
          tags: ["3.1"],
          correct: true,
          feedbackWrong: null,
          feedbackRight: null,
          line: 6,
        },
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
      { code: "unsupportedQuestion", kind: "essay", title: "Tự luận", line: 15 },
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
