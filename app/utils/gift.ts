/**
 * Parser for Moodle's GIFT quiz format as https://docs.moodle.org/en/GIFT_format
 * documents it and content/README.md ("Quiz files (GIFT)") summarises:
 * single-choice, weighted multiple-choice, true/false, short-answer,
 * numerical and matching questions, the missing-word placement, feedback,
 * general feedback, formats, categories, `// [tag:CODE]` comments and
 * backslash escapes. Essays, descriptions and anything else we cannot score
 * are reported as `unsupportedQuestion` rather than guessed at. Pure and
 * client-safe: the editor preview runs it in the browser too.
 *
 * The writer is in gift-export.ts; Aiken files are read by aiken.ts.
 */

export type GiftFormat = "markdown" | "html" | "plain" | "moodle";
export type GiftAnswer = { text: string; weight: number; feedback: string | null }; // weight in percent: 100 for "=", 0 for "~" (or the %n% value, may be negative)
/**
 * One accepted numerical answer. Both forms fill every field (min/max from
 * value±tolerance, or value/tolerance from the range's middle). Moodle's
 * "any other answer" (`~#feedback` with no number) is the range −∞..∞.
 */
export type GiftNumber = {
  form: "tolerance" | "range";
  value: number;
  tolerance: number;
  min: number;
  max: number;
  weight: number;
  feedback: string | null;
};
export type GiftPair = { left: string; right: string };
type GiftCommon = {
  title: string; // from ::title::, or when absent (lenient mode) derived from the text, made unique with " (2)", " (3)"…
  named: boolean; // whether the source gave ::title::
  text: string; // the stem, unescaped; for a missing-word question, the part BEFORE the blank
  textAfter: string; // text after the answer block: "" unless it is a missing-word question
  format: GiftFormat | null; // the [markdown]/[html]/[plain]/[moodle] marker if given, else null
  generalFeedback: string | null; // "####…" inside the answer block
  category: string | null; // the latest "$CATEGORY: …" line above the question, null if none
  tags: string[]; // [tag:X] found in the // comment lines directly above the question
  line: number; // 1-based line where the question starts
};
export type GiftQuestion = GiftCommon &
  (
    | { kind: "single"; answers: GiftAnswer[] }
    | { kind: "multiple"; answers: GiftAnswer[] } // weighted answers (%n%), positive weights sum to 100
    | { kind: "truefalse"; correct: boolean; feedbackWrong: string | null; feedbackRight: string | null }
    | { kind: "short"; answers: GiftAnswer[]; caseSensitive: boolean; ignoreMarks: boolean }
    | { kind: "numerical"; answers: GiftNumber[] }
    | { kind: "matching"; pairs: GiftPair[] }
  );
export type GiftErrorCode =
  | "unclosedBrace"
  | "missingTitle"
  | "duplicateTitle"
  | "missingAnswers"
  | "noCorrectAnswer"
  | "badWeights"
  | "unsupportedQuestion"
  | "emptyText"
  | "badNumber"
  | "badMatching";
export type GiftError = { line: number; code: GiftErrorCode; title: string | null; kind?: "essay" | "description" | "other" };
export type GiftParseResult = { ok: true; questions: GiftQuestion[] } | { ok: false; errors: GiftError[]; questions: GiftQuestion[] };

export { exportGift } from "./gift-export";

/** What a question is once its title is known: everything but `title` and `named`. */
type Untitled = GiftQuestion extends infer Q ? (Q extends unknown ? Omit<Q, "title" | "named"> : never) : never;
type Body = GiftQuestion extends infer Q ? (Q extends unknown ? Omit<Q, keyof GiftCommon> : never) : never;
type Problem = { code: GiftErrorCode; kind?: GiftError["kind"] };

/** One question's source: its non-comment lines, where it starts and what the lines above it said. */
type Block = { line: number; tags: string[]; options: string[]; category: string | null; lines: string[] };

const CATEGORY = /^\$CATEGORY:/i;

/**
 * `requireTitles` (the default) is for course content, where `::title::` is
 * the question's permanent key; `false` reads files written for Moodle,
 * which names untitled questions after their text.
 */
export function parseGift(source: string, options: { requireTitles?: boolean } = {}): GiftParseResult {
  const requireTitles = options.requireTitles ?? true;
  const parsed = splitBlocks(source).map((block) => ({ block, ...parseBlock(block) }));
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  const titles = requireTitles ? strictTitles() : lenientTitles(parsed.flatMap((p) => (p.title === null ? [] : [p.title])));
  for (const { block, title, outcome } of parsed) {
    const fail = (problem: Problem, errorTitle = title) => errors.push({ line: block.line, title: errorTitle, ...problem });
    const assigned = titles(title, outcome);
    if ("code" in assigned) fail(assigned);
    else if ("code" in outcome) fail(outcome);
    else questions.push({ ...outcome, title: assigned.title, named: title !== null });
  }
  return errors.length > 0 ? { ok: false, errors, questions } : { ok: true, questions };
}

type TitleOf = (title: string | null, outcome: Untitled | Problem) => { title: string } | Problem;

/** Course content: a title is required, and a repeat is an error even when the first one failed to parse. */
function strictTitles(): TitleOf {
  const seen = new Set<string>();
  return (title) => {
    if (title === null) return { code: "missingTitle" };
    if (seen.has(title)) return { code: "duplicateTitle" };
    seen.add(title);
    return { title };
  };
}

/**
 * Moodle import: a missing title comes from the text and any repeat gets
 * " (2)", " (3)"…, so every question still has a distinct key. Titles the
 * file gives are reserved first, so a derived one never takes them.
 */
function lenientTitles(given: string[]): TitleOf {
  const reserved = new Set(given);
  const used = new Set<string>();
  return (title, outcome) => {
    // A broken question needs no key: its error carries the title the file gave, if any.
    if ("code" in outcome) return { title: title ?? "" };
    const base = title ?? defaultTitle(outcome.text, outcome.textAfter, outcome.line);
    const unique = title !== null && !used.has(title) ? title : uniqueTitle(base, (t) => used.has(t) || reserved.has(t));
    used.add(unique);
    return { title: unique };
  };
}

/** Like Moodle, an untitled question is named after the start of its text (blank shown, markup and spacing dropped). */
export function defaultTitle(text: string, textAfter: string, line: number): string {
  const whole = textAfter === "" ? text : `${text} _____ ${textAfter}`;
  const plain = whole
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(plain);
  if (chars.length === 0) return `#${line}`;
  if (chars.length <= 40) return plain;
  const cut = chars.slice(0, 40).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space >= 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `base`, or `base (2)`, `base (3)`… whichever is not taken first. */
export function uniqueTitle(base: string, taken: (title: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base} (${n})`)) return `${base} (${n})`;
}

function splitBlocks(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let tags: string[] = [];
  let options: string[] = [];
  let category: string | null = null;
  let insideBraces = false;
  const endQuestion = () => {
    current = null;
    tags = [];
    options = [];
    insideBraces = false;
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "") {
      // A blank line inside {…} belongs to the answers, unless a new question
      // follows it: then the brace was never closed, and swallowing the rest
      // of the file would hide every later question behind one error.
      if (current && insideBraces && !questionFollows(lines, i)) current.lines.push("");
      else endQuestion();
      return;
    }
    if (trimmed.startsWith("//")) {
      // Tags and options count only on the comment lines directly before a question.
      if (!current) {
        tags.push(...bracketed(trimmed, "tag"));
        options.push(...bracketed(trimmed, "option"));
      }
      return;
    }
    if (CATEGORY.test(trimmed)) {
      // Moodle gives the category its own block; one written right under a
      // question still starts a new section rather than joining its text.
      category = trimmed.replace(CATEGORY, "").trim() || null;
      endQuestion();
      return;
    }
    if (!current) {
      current = { line: i + 1, tags, options, category, lines: [] };
      blocks.push(current);
      tags = [];
      options = [];
    }
    current.lines.push(line);
    insideBraces = bracesOpenAfter(line, insideBraces);
  });
  return blocks;
}

/** The values of `[name:value]` markers in a comment line, trimmed, in order. */
function bracketed(comment: string, name: string): string[] {
  return [...comment.matchAll(new RegExp(`\\[${name}:([^\\]]*)\\]`, "g"))].map((m) => (m[1] ?? "").trim());
}

/** Whether the next line with content after `index` starts a titled question. */
function questionFollows(lines: string[], index: number): boolean {
  for (const line of lines.slice(index + 1)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("//")) continue;
    return trimmed.startsWith("::") || CATEGORY.test(trimmed);
  }
  return false;
}

function bracesOpenAfter(line: string, open: boolean): boolean {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "{") open = true;
    else if (line[i] === "}") open = false;
  }
  return open;
}

/** Reads one block: its `::title::` (null when absent) and either the question or what is wrong with it. */
function parseBlock(block: Block): { title: string | null; outcome: Untitled | Problem } {
  const source = block.lines.join("\n").trim();
  let title: string | null = null;
  let rest = source;
  if (source.startsWith("::")) {
    const end = findUnescaped(source, "::", 2);
    // Moodle reads an unterminated name as part of the text.
    rest = end < 0 ? source.slice(2) : source.slice(end + 2);
    if (end >= 0) title = clean(source.slice(2, end)) || null;
  }
  return { title, outcome: parseQuestion(rest, block) };
}

function parseQuestion(rest: string, block: Block): Untitled | Problem {
  const open = findUnescaped(rest, "{");
  if (open < 0) {
    if (findUnescaped(rest, "}") >= 0) return { code: "unclosedBrace" };
    // No answer block at all is Moodle's "description": text between questions.
    return readFormat(rest).text.trim() === "" ? { code: "emptyText" } : { code: "unsupportedQuestion", kind: "description" };
  }
  const close = findUnescaped(rest, "}", open + 1);
  if (close < 0) return { code: "unclosedBrace" };
  const after = rest.slice(close + 1);
  // Moodle has no question with two answer blocks (it would show the second
  // as text); which one was meant is a guess we do not make.
  if (findUnescaped(after, "{") >= 0) return { code: "unsupportedQuestion", kind: "other" };

  // Text after the block is Moodle's "missing word" placement: the blank
  // goes where the block was.
  const { format, text: before } = readFormat(rest.slice(0, open));
  const text = clean(before);
  const textAfter = clean(after);
  if (text === "" && textAfter === "") return { code: "emptyText" };

  const { body, generalFeedback } = splitGeneralFeedback(rest.slice(open + 1, close));
  const parsed = parseBody(body, block);
  if ("code" in parsed) return parsed;
  const { line, tags, category } = block;
  return { ...parsed, text, textAfter, format, generalFeedback, category, tags, line };
}

/** `####…`, the last one in the block, is feedback shown whatever the answer (Moodle uses the last too). */
function splitGeneralFeedback(block: string): { body: string; generalFeedback: string | null } {
  const at = findLastUnescaped(block, "####");
  if (at < 0) return { body: block.trim(), generalFeedback: null };
  return { body: block.slice(0, at).trim(), generalFeedback: cleanText(block.slice(at + 4)) };
}

/** The question type from the answer block, in the order Moodle decides it. */
function parseBody(body: string, block: Block): Body | Problem {
  if (body === "") return { code: "unsupportedQuestion", kind: "essay" };
  if (body.startsWith("#")) return parseNumerical(body.slice(1));
  // Only choice questions have a "~" (numerical's "~" was handled above).
  if (findUnescaped(body, "~") >= 0) return parseChoice(body);
  if (findUnescaped(body, "=") >= 0 && findUnescaped(body, "->") >= 0) return parseMatching(body);
  const trueFalse = parseTrueFalse(body);
  if (trueFalse) return { kind: "truefalse", ...trueFalse };
  if (body.startsWith("=")) return parseShort(body, block.options);
  return { code: "unsupportedQuestion", kind: "other" };
}

/** `=right ~wrong`: single choice; with any `%n%` weight, multiple choice. */
function parseChoice(body: string): Body | Problem {
  // A block not opened by an answer mark has text we could not place.
  if (!/^[=~]/.test(body)) return { code: "unsupportedQuestion", kind: "other" };
  const parsed = splitAnswers(body, "=~").map(parseAnswer);
  if (parsed.some((a) => a === null)) return { code: "badWeights" };
  const answers = parsed.filter((a) => a !== null);
  if (answers.some((a) => a.text === "")) return { code: "emptyText" };
  if (answers.length < 2) return { code: "missingAnswers" };
  const plain = answers.map(plainAnswer);

  if (answers.some((a) => a.weighted)) {
    const positive = answers.reduce((sum, a) => sum + Math.max(a.weight, 0), 0);
    if (positive === 0) return { code: "noCorrectAnswer" };
    // Within 0.01 so Moodle's rounded thirds (%33.33333% ×3) still add up.
    if (Math.abs(positive - 100) > 0.01) return { code: "badWeights" };
    return { kind: "multiple", answers: plain };
  }
  const rightMarks = answers.filter((a) => a.mark === "=").length;
  if (rightMarks === 0) return { code: "noCorrectAnswer" };
  // Several "=" among "~" without weights has no meaning we could score.
  if (rightMarks > 1) return { code: "unsupportedQuestion", kind: "other" };
  return { kind: "single", answers: plain };
}

/**
 * Only `=` answers, each a text the learner may type. Options live in a
 * comment above the question so the file stays readable by Moodle, which
 * ignores comments.
 */
function parseShort(body: string, options: string[]): Body | Problem {
  const parsed = splitAnswers(body, "=").map(parseAnswer);
  if (parsed.some((a) => a === null)) return { code: "badWeights" };
  const answers = parsed.filter((a) => a !== null);
  if (answers.some((a) => a.text === "")) return { code: "emptyText" };
  if (answers.some((a) => a.weight < 0 || a.weight > 100)) return { code: "badWeights" };
  if (!answers.some((a) => a.weight === 100)) return { code: "noCorrectAnswer" };
  return {
    kind: "short",
    answers: answers.map(plainAnswer),
    caseSensitive: options.includes("case-sensitive"),
    ignoreMarks: options.includes("ignore-marks"),
  };
}

/**
 * `{#3.14:0.01}`, `{#1..5}`, `{# =2030 =%50%2025:1 #feedback ~#any other}`.
 * A first answer without a mark counts as `=` (Moodle's rule); `~` with a
 * number is an answer worth 0, `~` without one is Moodle's "any other answer".
 */
function parseNumerical(body: string): Body | Problem {
  const pieces = splitAnswers(body, "=~").filter((piece, i) => i > 0 || piece.trim() !== "");
  if (pieces.length === 0) return { code: "missingAnswers" };
  const answers: GiftNumber[] = [];
  for (const [i, raw] of pieces.entries()) {
    const piece = /^[=~]/.test(raw) ? raw : `=${raw}`;
    const answer = parseAnswerParts(piece);
    if (!answer) return { code: "badWeights" };
    const number = answer.text.trim() === "" && answer.mark === "~" ? anyOtherAnswer() : readNumber(answer.text);
    // "Any other answer" catches everything, so Moodle only has it last.
    if (!number || (number.max === Infinity && number.min === -Infinity && i < pieces.length - 1)) return { code: "badNumber" };
    answers.push({ ...number, weight: answer.weight, feedback: answer.feedback });
  }
  if (answers.some((a) => a.weight < 0 || a.weight > 100)) return { code: "badWeights" };
  if (!answers.some((a) => a.weight === 100)) return { code: "noCorrectAnswer" };
  return { kind: "numerical", answers };
}

type NumberRange = Omit<GiftNumber, "weight" | "feedback">;

function anyOtherAnswer(): NumberRange {
  return { form: "range", value: 0, tolerance: Infinity, min: -Infinity, max: Infinity };
}

/** `value`, `value:tolerance` or `min..max`; null when any part is not a number. */
function readNumber(text: string): NumberRange | null {
  const source = stripFormat(text);
  const dots = source.indexOf("..", 1);
  if (dots > 0) {
    const min = toNumber(source.slice(0, dots));
    const max = toNumber(source.slice(dots + 2));
    if (min === null || max === null || min > max) return null;
    const value = (min + max) / 2;
    return { form: "range", value, tolerance: max - value, min, max };
  }
  const colon = source.indexOf(":", 1);
  const value = toNumber(colon > 0 ? source.slice(0, colon) : source);
  const tolerance = colon > 0 ? toNumber(source.slice(colon + 1)) : 0;
  if (value === null || tolerance === null || tolerance < 0) return null;
  return { form: "tolerance", value, tolerance, min: value - tolerance, max: value + tolerance };
}

/** A decimal with a dot (what Moodle's is_numeric takes); "1,5" is not one. */
function toNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(trimmed)) return null;
  // "1e999" is a number to the pattern but not to anyone grading.
  const number = Number(trimmed);
  return Number.isFinite(number) ? number || 0 : null; // -0 is 0
}

/**
 * `=left -> right` pairs. An empty left side is Moodle's extra wrong answer.
 * Moodle's form asks for at least two real pairs and three answers.
 */
function parseMatching(body: string): Body | Problem {
  const pairs: GiftPair[] = [];
  for (const raw of splitAnswers(body, "=")) {
    const piece = raw.startsWith("=") ? raw.slice(1) : raw;
    const arrow = findUnescaped(piece, "->");
    if (arrow < 0) return { code: "badMatching" };
    const pair = { left: cleanText(piece.slice(0, arrow)) ?? "", right: clean(piece.slice(arrow + 2)) };
    if (pair.right === "") return { code: "badMatching" };
    pairs.push(pair);
  }
  if (pairs.length < 3 || pairs.filter((p) => p.left !== "").length < 2) return { code: "badMatching" };
  return { kind: "matching", pairs };
}

/** `T`, `FALSE`… optionally followed by `#feedback for a wrong answer#feedback for a right one`; null when the block is not one. */
function parseTrueFalse(body: string) {
  const hash = findUnescaped(body, "#");
  const word = (hash < 0 ? body : body.slice(0, hash)).trim().toUpperCase();
  if (!["T", "TRUE", "F", "FALSE"].includes(word)) return null;
  const feedback = hash < 0 ? "" : body.slice(hash + 1);
  const second = findUnescaped(feedback, "#");
  return {
    correct: word.startsWith("T"),
    feedbackWrong: hash < 0 ? null : cleanText(second < 0 ? feedback : feedback.slice(0, second)),
    feedbackRight: second < 0 ? null : cleanText(feedback.slice(second + 1)),
  };
}

/** Cuts the answer block before each unescaped mark, so each piece (but perhaps the first) starts with its mark. */
function splitAnswers(body: string, marks: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (marks.includes(body[i]!)) {
      pieces.push(body.slice(start, i));
      start = i;
    }
  }
  pieces.push(body.slice(start));
  return pieces;
}

/** `~%-50%text #feedback`; null when the weight is not a number. */
function parseAnswer(piece: string) {
  const parts = parseAnswerParts(piece);
  if (!parts) return null;
  return { ...parts, text: cleanText(parts.text) ?? "" };
}

function parseAnswerParts(piece: string) {
  const mark = piece[0];
  let rest = piece.slice(1).trimStart();
  const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
  if (!weight && rest.startsWith("%")) return null;
  if (weight) rest = rest.slice(weight[0].length);
  const hash = findUnescaped(rest, "#");
  return {
    mark,
    weighted: weight !== null,
    weight: weight ? Number(weight[1]) || 0 : mark === "=" ? 100 : 0, // %-0% is 0
    text: hash < 0 ? rest : rest.slice(0, hash),
    feedback: hash < 0 ? null : cleanText(rest.slice(hash + 1)),
  };
}

function plainAnswer({ text, weight, feedback }: GiftAnswer): GiftAnswer {
  return { text, weight, feedback };
}

/** Index of `needle` at or after `from`, skipping characters escaped with a backslash; -1 if absent. */
function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

function findLastUnescaped(text: string, needle: string): number {
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text.startsWith(needle, i)) last = i;
  }
  return last;
}

const FORMAT = /^\[(markdown|html|plain|moodle)\]/i;

/** Splits Moodle's `[markdown]`/`[html]`/`[plain]`/`[moodle]` prefix from the text it applies to. */
function readFormat(text: string): { format: GiftFormat | null; text: string } {
  const trimmed = text.trim();
  const match = FORMAT.exec(trimmed);
  if (!match) return { format: null, text: trimmed };
  return { format: (match[1] ?? "").toLowerCase() as GiftFormat, text: trimmed.slice(match[0].length).trim() };
}

/** Answers and feedback may carry a format prefix too; we keep only the question's. */
function stripFormat(text: string): string {
  return readFormat(text).text;
}

/**
 * `\~ \= \# \{ \} \:` → the character, `\n` → a line break. `\\` → `\` too,
 * as findUnescaped treats a doubled backslash as an escaped one.
 */
function unescape(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

function clean(text: string): string {
  return unescape(text.trim());
}

/** An answer's or feedback's text: format prefix dropped, unescaped; null when empty. */
function cleanText(text: string): string | null {
  return clean(stripFormat(text)) || null;
}
