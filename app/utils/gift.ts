/**
 * Parser for the subset of Moodle's GIFT quiz format that content/README.md
 * ("Quiz files (GIFT)") documents: single-answer, weighted multiple-answer and
 * true/false questions, with titles, feedback, `// [tag:CODE]` comments and
 * backslash escapes. Everything else Moodle knows is reported as
 * `unsupportedQuestion` rather than guessed at. Pure and client-safe: the
 * editor preview runs it in the browser too.
 */

export type GiftAnswer = { text: string; weight: number; feedback: string | null }; // weight in percent: 100 for "=", 0 for "~", or the %n% value
export type GiftQuestion =
  | { kind: "single"; title: string; text: string; tags: string[]; answers: GiftAnswer[]; line: number }
  | { kind: "multiple"; title: string; text: string; tags: string[]; answers: GiftAnswer[]; line: number }
  | {
      kind: "truefalse";
      title: string;
      text: string;
      tags: string[];
      correct: boolean;
      feedbackWrong: string | null;
      feedbackRight: string | null;
      line: number;
    };
export type GiftErrorCode =
  | "unclosedBrace"
  | "missingTitle"
  | "duplicateTitle"
  | "missingAnswers"
  | "noCorrectAnswer"
  | "badWeights"
  | "unsupportedQuestion"
  | "emptyText";
export type GiftError = { line: number; code: GiftErrorCode; title: string | null };
export type GiftParseResult = { ok: true; questions: GiftQuestion[] } | { ok: false; errors: GiftError[]; questions: GiftQuestion[] };

/** One question's source: its non-comment lines, where it starts and the tags just before it. */
type Block = { line: number; tags: string[]; lines: string[] };

export function parseGift(source: string): GiftParseResult {
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  const seenTitles = new Set<string>();
  for (const block of splitBlocks(source)) {
    const result = parseBlock(block, seenTitles);
    if ("code" in result) errors.push(result);
    else questions.push(result);
  }
  return errors.length > 0 ? { ok: false, errors, questions } : { ok: true, questions };
}

function splitBlocks(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let tags: string[] = [];
  let insideBraces = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "") {
      // A blank line inside {…} belongs to the answers, unless a new question
      // follows it: then the brace was never closed, and swallowing the rest
      // of the file would hide every later question behind one error.
      if (current && insideBraces && !questionFollows(lines, i)) {
        current.lines.push("");
      } else {
        current = null;
        tags = [];
        insideBraces = false;
      }
      return;
    }
    if (trimmed.startsWith("//")) {
      // Tags count only on the comment lines directly before a question.
      if (!current) tags.push(...[...trimmed.matchAll(/\[tag:([^\]]*)\]/g)].map((m) => (m[1] ?? "").trim()));
      return;
    }
    if (/^\$CATEGORY:/i.test(trimmed)) return;
    if (!current) {
      current = { line: i + 1, tags, lines: [] };
      blocks.push(current);
      tags = [];
    }
    current.lines.push(line);
    insideBraces = bracesOpenAfter(line, insideBraces);
  });
  return blocks;
}

/** Whether the next line with content after `index` starts a titled question. */
function questionFollows(lines: string[], index: number): boolean {
  for (const line of lines.slice(index + 1)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("//") || /^\$CATEGORY:/i.test(trimmed)) continue;
    return trimmed.startsWith("::");
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

function parseBlock(block: Block, seenTitles: Set<string>): GiftQuestion | GiftError {
  const source = block.lines.join("\n").trim();
  const fail = (code: GiftErrorCode, title: string | null = null): GiftError => ({ line: block.line, code, title });

  const titleEnd = source.startsWith("::") ? findUnescaped(source, "::", 2) : -1;
  const title = titleEnd < 0 ? "" : clean(source.slice(2, titleEnd));
  if (title === "") return fail("missingTitle");
  // The title is the question's key for re-imports, so a repeat is an error
  // even when the first one failed to parse.
  if (seenTitles.has(title)) return fail("duplicateTitle", title);
  seenTitles.add(title);

  const rest = source.slice(titleEnd + 2);
  const open = findUnescaped(rest, "{");
  if (open < 0) return fail("missingAnswers", title);
  const close = findUnescaped(rest, "}", open + 1);
  if (close < 0) return fail("unclosedBrace", title);
  const after = rest.slice(close + 1);
  // A second answer block is a Moodle feature we do not read.
  if (findUnescaped(after, "{") >= 0) return fail("unsupportedQuestion", title);

  // Text after the block ("fill in the blank" placement) is kept; where the
  // blank was is not, as we only show the answers below the text.
  const text = [stripFormat(rest.slice(0, open)), after.trim()].filter((part) => part !== "").join(" ");
  if (text === "") return fail("emptyText", title);
  const base = { title, text: unescape(text), tags: block.tags, line: block.line };

  const body = rest.slice(open + 1, close).trim();
  const trueFalse = parseTrueFalse(body);
  if (trueFalse) return { kind: "truefalse", ...base, ...trueFalse };
  // Essay ({}), numeric ({#…}), matching (->) and anything not opened by an answer mark.
  if (!/^[=~]/.test(body) || findUnescaped(body, "->") >= 0) return fail("unsupportedQuestion", title);

  const parsed = splitAnswers(body).map(parseAnswer);
  if (parsed.some((a) => a === null)) return fail("badWeights", title);
  const answers = parsed.filter((a) => a !== null);
  if (answers.some((a) => a.text === "")) return fail("emptyText", title);
  const rightMarks = answers.filter((a) => a.mark === "=").length;
  // Only "=" answers is Moodle's short-answer question.
  if (rightMarks === answers.length && answers.length > 1) return fail("unsupportedQuestion", title);
  if (answers.length < 2) return fail("missingAnswers", title);
  const plain = answers.map(({ text, weight, feedback }) => ({ text, weight, feedback }));

  if (answers.some((a) => a.weighted)) {
    const positive = answers.reduce((sum, a) => sum + Math.max(a.weight, 0), 0);
    if (positive === 0) return fail("noCorrectAnswer", title);
    if (Math.abs(positive - 100) > 0.01) return fail("badWeights", title);
    return { kind: "multiple", ...base, answers: plain };
  }
  if (rightMarks === 0) return fail("noCorrectAnswer", title);
  // Several "=" among "~" without weights has no meaning we could score.
  if (rightMarks > 1) return fail("unsupportedQuestion", title);
  return { kind: "single", ...base, answers: plain };
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
    feedbackWrong: hash < 0 ? null : cleanOrNull(second < 0 ? feedback : feedback.slice(0, second)),
    feedbackRight: second < 0 ? null : cleanOrNull(feedback.slice(second + 1)),
  };
}

/** Cuts the answer block before each unescaped `=` or `~`, so each piece starts with its mark. */
function splitAnswers(body: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (body[i] === "=" || body[i] === "~") {
      pieces.push(body.slice(start, i));
      start = i;
    }
  }
  pieces.push(body.slice(start));
  return pieces;
}

/** `~%-50%text #feedback`; null when the weight is not a number. */
function parseAnswer(piece: string) {
  const mark = piece[0];
  let rest = piece.slice(1).trimStart();
  const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
  if (!weight && rest.startsWith("%")) return null;
  if (weight) rest = rest.slice(weight[0].length);
  const hash = findUnescaped(rest, "#");
  return {
    mark,
    weighted: weight !== null,
    weight: weight ? Number(weight[1]) : mark === "=" ? 100 : 0,
    text: clean(hash < 0 ? rest : rest.slice(0, hash)),
    feedback: hash < 0 ? null : cleanOrNull(rest.slice(hash + 1)),
  };
}

/** Index of `needle` at or after `from`, skipping characters escaped with a backslash; -1 if absent. */
function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Drops Moodle's `[markdown]`/`[html]`/`[plain]`/`[moodle]` prefix: we render every text the same way. */
function stripFormat(text: string): string {
  return text.trim().replace(/^\[(?:markdown|html|plain|moodle)\]/i, "").trim();
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

function cleanOrNull(text: string): string | null {
  return clean(text) || null;
}
