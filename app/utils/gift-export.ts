/**
 * Writes questions back as GIFT that Moodle reads and that parseGift reads
 * to the same questions (only `line` and `named` can differ: every question
 * is written with its title). Pure and client-safe, like gift.ts.
 */
import type { GiftAnswer, GiftNumber, GiftQuestion } from "./gift";

export function exportGift(questions: GiftQuestion[]): string {
  const chunks: string[] = [];
  let category: string | null = null;
  for (const question of questions) {
    if (question.category !== category) {
      // An empty "$CATEGORY:" reads back as no category: the only way to say
      // "none" once a category was set.
      chunks.push(`$CATEGORY: ${question.category ?? ""}`.trimEnd());
      category = question.category;
    }
    chunks.push(writeQuestion(question));
  }
  return chunks.length === 0 ? "" : `${chunks.join("\n\n")}\n`;
}

function writeQuestion(question: GiftQuestion): string {
  const lines: string[] = [];
  const markers = [...question.tags.map((tag) => `[tag:${tag}]`), ...optionMarkers(question)];
  if (markers.length > 0) lines.push(`// ${markers.join(" ")}`);
  const format = question.format ? `[${question.format}]` : "";
  const head = `::${escape(question.title)}::${format}${escape(question.text)}`;
  const after = question.textAfter === "" ? "" : ` ${escape(question.textAfter)}`;
  const block = answerBlock(question);
  // Inline blocks ({TRUE}) stay on the question's line; lists get a line per answer.
  if (block.length === 1) lines.push(`${head} {${block[0]}}${after}`);
  else lines.push(`${head} {${block[0]}`, ...block.slice(1).map((line) => `\t${line}`), `}${after}`);
  return lines.join("\n");
}

/** Short-answer options go in a comment: Moodle ignores comments, so the file stays Moodle's. */
function optionMarkers(question: GiftQuestion): string[] {
  if (question.kind !== "short") return [];
  return [question.caseSensitive ? "[option:case-sensitive]" : "", question.ignoreMarks ? "[option:ignore-marks]" : ""].filter(Boolean);
}

/** The block's content: one element for an inline block, else the opening then one line per answer. */
function answerBlock(question: GiftQuestion): string[] {
  const general = question.generalFeedback === null ? "" : `####${escape(question.generalFeedback)}`;
  const list = (opening: string, answers: string[]) => [opening, ...answers, ...(general ? [general] : [])];
  switch (question.kind) {
    case "truefalse":
      return [trueFalse(question.correct, question.feedbackWrong, question.feedbackRight) + general];
    case "single":
      return list(
        "",
        question.answers.map((a) => choice(a, a.weight === 100 ? "=" : a.weight === 0 ? "~" : `~%${weight(a.weight)}%`))
      );
    case "multiple":
      // Every non-zero weight is written, so the question reads back as weighted.
      return list(
        "",
        question.answers.map((a) => choice(a, a.weight === 0 ? "~" : `~%${weight(a.weight)}%`))
      );
    case "short":
      return list(
        "",
        question.answers.map((a) => choice(a, a.weight === 100 ? "=" : `=%${weight(a.weight)}%`))
      );
    case "numerical":
      return list("#", question.answers.map(numberAnswer));
    case "matching":
      // An empty left side ("= -> answer") is an extra wrong answer.
      return list(
        "",
        question.pairs.map((p) => `=${escape(p.left)} -> ${escape(p.right)}`)
      );
  }
}

/** Moodle's order: the first `#` feedback is for a wrong answer, the second for a right one. */
function trueFalse(correct: boolean, wrong: string | null, right: string | null): string {
  const word = correct ? "TRUE" : "FALSE";
  if (right !== null) return `${word}#${wrong === null ? "" : escape(wrong)}#${escape(right)}`;
  return wrong === null ? word : `${word}#${escape(wrong)}`;
}

function choice(answer: GiftAnswer, mark: string): string {
  return `${mark}${escape(answer.text)}${feedback(answer.feedback)}`;
}

/**
 * A weight-0 number is written `=%0%…`, not `~…`: Moodle reads everything
 * after a numerical `~` as the "any other answer" feedback.
 */
function numberAnswer(answer: GiftNumber): string {
  const mark = answer.weight === 100 ? "=" : `=%${weight(answer.weight)}%`;
  if (answer.min === -Infinity && answer.max === Infinity) {
    return `~${answer.weight === 0 ? "" : `%${weight(answer.weight)}%`}#${answer.feedback === null ? "" : escape(answer.feedback)}`;
  }
  const value =
    answer.form === "range"
      ? `${number(answer.min)}..${number(answer.max)}`
      : `${number(answer.value)}${answer.tolerance === 0 ? "" : `:${number(answer.tolerance)}`}`;
  return `${mark}${value}${feedback(answer.feedback)}`;
}

function feedback(text: string | null): string {
  return text === null ? "" : ` #${escape(text)}`;
}

/** Weights are read as plain decimals (`%33.33333%`), so never in exponent form. */
function weight(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, "") : text;
}

function number(value: number): string {
  return String(value);
}

/** `~ = # { } :` and the backslash get a backslash; a line break becomes `\n`, as a blank line would end the question. */
function escape(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}
