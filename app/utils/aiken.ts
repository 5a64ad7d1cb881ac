/**
 * Parser for Moodle's Aiken format (https://docs.moodle.org/en/Aiken_format):
 * single-choice questions written as plain text, as many question banks are
 * kept in word processors.
 *
 *     Ai quản lý ứng dụng VNeID?
 *     A. Bộ Công an
 *     B) Bộ Thông tin và Truyền thông
 *     ANSWER: A
 *
 * The text may run over several lines; options are `A.` or `A)` up to Z;
 * blank lines between questions are optional. Questions come back as GIFT
 * questions (untitled, so named after their text) for the same import path.
 * Pure and client-safe, like gift.ts.
 */
import { defaultTitle, uniqueTitle, type GiftError, type GiftErrorCode, type GiftParseResult, type GiftQuestion } from "./gift";

type Draft = { line: number; text: string[]; options: { letter: string; text: string }[] };

const OPTION = /^([A-Z])[.)]\s+(\S.*)$/;
const ANSWER = /^ANSWER:\s*(.*)$/i;

export function parseAiken(source: string): GiftParseResult {
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  const titles = new Set<string>();
  let draft: Draft | null = null;

  const fail = (line: number, code: GiftErrorCode) => errors.push({ line, code, title: null });
  /** Ends the question being read; `answer` is the letter after ANSWER:, null when the line never came. */
  const finish = (answer: string | null) => {
    if (!draft) return;
    const result = buildQuestion(draft, answer);
    if ("code" in result) fail(draft.line, result.code);
    else {
      const title = uniqueTitle(defaultTitle(result.text, "", result.line), (t) => titles.has(t));
      titles.add(title);
      questions.push({ ...result, title });
    }
    draft = null;
  };

  source
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      const answer = ANSWER.exec(line);
      // The first option must be A: a text line such as "B) sau đó…" stays text.
      const option = draft && draft.text.length > 0 ? OPTION.exec(line) : null;
      if (line === "") {
        // A blank line ends a question still without options; between options it is only spacing.
        if (draft && draft.options.length === 0) finish(null);
      } else if (answer) {
        if (draft) finish(answer[1]?.trim() ?? "");
        else fail(i + 1, "missingAnswers"); // an ANSWER line with no question above it
      } else if (option && (draft!.options.length > 0 || option[1] === "A")) {
        draft!.options.push({ letter: option[1]!, text: option[2]!.trim() });
      } else if (draft && draft.options.length > 0) {
        // Text after the options: the ANSWER line is missing and a new question starts.
        finish(null);
        draft = { line: i + 1, text: [line], options: [] };
      } else if (draft) draft.text.push(line);
      else draft = { line: i + 1, text: [line], options: [] };
    });
  finish(null);
  return errors.length > 0 ? { ok: false, errors, questions } : { ok: true, questions };
}

function buildQuestion(
  draft: Draft,
  answer: string | null
): Omit<Extract<GiftQuestion, { kind: "single" }>, "title"> | { code: GiftErrorCode } {
  if (draft.options.length < 2) return { code: "missingAnswers" };
  const letter = answer?.toUpperCase() ?? "";
  const right = draft.options.filter((o) => o.letter === letter);
  // No ANSWER line, an answer that is no option's letter, or a letter used twice.
  if (right.length !== 1) return { code: "noCorrectAnswer" };
  return {
    kind: "single",
    named: false,
    text: draft.text.join("\n"),
    textAfter: "",
    format: null,
    generalFeedback: null,
    category: null,
    tags: [],
    line: draft.line,
    answers: draft.options.map((o) => ({ text: o.text, weight: o.letter === letter ? 100 : 0, feedback: null })),
  };
}
