import { parseAiken } from "./aiken";
import { exportGift, parseGift, uniqueTitle, type GiftError, type GiftQuestion } from "./gift";

// Bringing a trainer's existing bank into a quiz: a Moodle GIFT export or an
// Aiken file, read leniently (titles are optional there), every question
// that cannot be used reported with its line, and the rest added to the
// quiz's own GIFT text under titles that do not clash with its questions.

export type ImportFormat = "gift" | "aiken";

export function readQuestionFile(source: string, format: ImportFormat): { questions: GiftQuestion[]; problems: GiftError[] } {
  const parsed = format === "aiken" ? parseAiken(source) : parseGift(source, { requireTitles: false });
  return { questions: parsed.questions, problems: parsed.ok ? [] : parsed.errors };
}

/**
 * The quiz's GIFT text with `incoming` appended (as GIFT, so it stays one
 * format), renaming an incoming question whose title the quiz already uses.
 */
export function appendQuestions(body: string, incoming: readonly GiftQuestion[]) {
  const taken = new Set(parseGift(body, { requireTitles: false }).questions.map((question) => question.title));
  const renamed: { from: string; to: string }[] = [];
  const added = incoming.map((question) => {
    const title = uniqueTitle(question.title, (candidate) => taken.has(candidate));
    taken.add(title);
    if (title !== question.title) renamed.push({ from: question.title, to: title });
    return { ...question, title };
  });
  const text = exportGift(added).trim();
  const trimmed = body.trimEnd();
  return { body: trimmed ? `${trimmed}\n\n${text}\n` : `${text}\n`, added: added.length, renamed };
}
