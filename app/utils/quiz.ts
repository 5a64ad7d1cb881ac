import { parseGift, type GiftQuestion } from "./gift";
import { DEFAULT_QUIZ_SETTINGS, type DrawRule, type QuizSettings } from "./quiz-settings";

// A quiz as an attempt holds it: the questions drawn and frozen from the
// course version's GIFT text when the attempt starts (order and answers
// shuffled once, then kept), and the grading rules. Plain data and pure
// functions, so the server grades and the studio previews with the same code.

export type QuestionKind = GiftQuestion["kind"];
export type FrozenAnswer = { text: string; weight: number; feedback: string | null; truth?: "true" | "false" };
export type FrozenNumber = { value: number; tolerance: number; min: number; max: number; weight: number; feedback: string | null };
export type FrozenQuestion = {
  key: string;
  kind: QuestionKind;
  text: string;
  /** Missing-word questions: the sentence goes on after the blank. */
  textAfter?: string;
  generalFeedback?: string | null;
  /** Identifies the question as written: attempts and statistics tell a corrected question from the old one. */
  version?: string;
  /** Choices (single, multiple, true/false) or accepted answers (short answer). */
  answers: FrozenAnswer[];
  numbers?: FrozenNumber[];
  caseSensitive?: boolean;
  ignoreMarks?: boolean;
  /** Matching: the items to match, in this attempt's order… */
  pairs?: string[];
  /** …the options offered for each (shuffled, without repeats)… */
  choices?: string[];
  /** …and, for each item, the index of its right option. */
  matches?: number[];
};
/** Indexes of chosen answers (choice kinds), the typed text (short answer, numerical) or, for matching, the chosen option per item (-1: none). */
export type AnswerValue = number[] | string;
export type Answers = Record<string, AnswerValue>;

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two wordings of one question apart. */
export function versionOf(question: GiftQuestion): string {
  const { line: _line, named: _named, tags: _tags, category: _category, ...meaning } = question;
  const text = JSON.stringify(meaning);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** A category path without Moodle's context prefix: "$course$/top/An toàn/Mật khẩu" → "An toàn/Mật khẩu". */
export function categoryPath(category: string | null): string {
  return (category ?? "")
    .replace(/^\$[a-z0-9]+\$\//i, "")
    .replace(/^top(\/|$)/i, "")
    .trim();
}

function matchesRule(question: GiftQuestion, rule: DrawRule): boolean {
  if (rule.tag !== null && !question.tags.some((tag) => tag.toLowerCase() === rule.tag!.toLowerCase())) return false;
  if (rule.category === null) return true;
  const path = categoryPath(question.category).toLowerCase();
  const wanted = categoryPath(rule.category).toLowerCase();
  return path === wanted || path.startsWith(`${wanted}/`) || path.endsWith(`/${wanted}`);
}

/** Shared banks a quiz draws from, by slug: their questions as parsed now. */
export type BankQuestions = ReadonlyMap<string, readonly GiftQuestion[]>;

/** A question with the key it has in an attempt: a bank's questions are prefixed with the bank. */
type Candidate = { question: GiftQuestion; key: string };

/** The key of a shared bank's question inside a quiz: "bank-slug › title". */
export const bankQuestionKey = (slug: string, title: string) => `${slug} › ${title}`;

function candidatesFor(own: readonly GiftQuestion[], banks: BankQuestions, rule: DrawRule | null): Candidate[] {
  if (rule?.bank) return (banks.get(rule.bank) ?? []).map((question) => ({ question, key: bankQuestionKey(rule.bank!, question.title) }));
  return own.map((question) => ({ question, key: question.title }));
}

/** The questions each draw rule can take from, rule by rule. */
export function drawPools(questions: readonly GiftQuestion[], rules: readonly DrawRule[], banks: BankQuestions = new Map()) {
  return rules.map((rule) => ({ rule, available: candidatesFor(questions, banks, rule).filter((candidate) => matchesRule(candidate.question, rule)).length }));
}

/**
 * Fills every rule's places with different questions, at random, and as
 * many as can be filled together: rules may overlap (a category, and a tag
 * inside it), so a question one rule takes may be the only one another rule
 * could use. Each place is a slot; a slot takes a free matching question, or
 * one whose slot can move to another (an augmenting path, as in bipartite
 * matching), so the draw is short only when no draw could do better.
 */
function matchSlots(questions: readonly GiftQuestion[], rules: readonly DrawRule[], banks: BankQuestions, random: () => number) {
  const pools = rules.map((rule) => shuffled(candidatesFor(questions, banks, rule).filter((candidate) => matchesRule(candidate.question, rule)), random));
  // The most constrained rules first: fewer detours needed.
  const slots = rules.flatMap((rule, index) => Array.from({ length: rule.count }, () => index)).sort((a, b) => pools[a]!.length - pools[b]!.length);
  const holder = new Map<string, number>(); // question key → slot
  const filled = new Map<number, Candidate>(); // slot → question
  const place = (slot: number, visited: Set<string>): boolean => {
    for (const candidate of pools[slots[slot]!]!) {
      if (visited.has(candidate.key)) continue;
      visited.add(candidate.key);
      const other = holder.get(candidate.key);
      if (other === undefined || place(other, visited)) {
        holder.set(candidate.key, slot);
        filled.set(slot, candidate);
        return true;
      }
    }
    return false;
  };
  slots.forEach((_, slot) => place(slot, new Set()));
  return { wanted: slots.length, taken: [...filled.values()] };
}

/** How many places the rules ask for that no draw can fill (0: every attempt gets them all). */
export function drawShortfall(questions: readonly GiftQuestion[], rules: readonly DrawRule[], banks: BankQuestions = new Map()): number {
  const { wanted, taken } = matchSlots(questions, rules, banks, () => 0);
  return wanted - taken.length;
}

/** Which questions an attempt gets: all of its own, or `count` at random per rule, never the same one twice. */
function drawCandidates(questions: readonly GiftQuestion[], rules: readonly DrawRule[], banks: BankQuestions, random: () => number): Candidate[] {
  if (rules.length === 0) return candidatesFor(questions, banks, null);
  const taken = new Map(matchSlots(questions, rules, banks, random).taken.map((candidate) => [candidate.key, candidate]));
  // Drawn questions keep their written order (the quiz's own first, then
  // banks by name) unless the quiz shuffles them; a key appears once.
  const order = [...candidatesFor(questions, banks, null), ...[...banks.keys()].sort().flatMap((slug) => candidatesFor([], banks, { bank: slug, category: null, tag: null, count: 1 }))];
  return order.filter((candidate) => taken.get(candidate.key)?.question === candidate.question);
}

/** The quiz's own questions an attempt draws (tests and previews). */
export function drawQuestions(questions: readonly GiftQuestion[], rules: readonly DrawRule[], random: () => number, banks: BankQuestions = new Map()): GiftQuestion[] {
  return drawCandidates(questions, rules, banks, random).map((candidate) => candidate.question);
}

function freezeQuestion(question: GiftQuestion, shuffleAnswers: boolean, random: () => number, key = question.title): FrozenQuestion {
  const base = {
    key,
    kind: question.kind,
    text: question.text,
    ...(question.textAfter ? { textAfter: question.textAfter } : {}),
    generalFeedback: question.generalFeedback,
    version: versionOf(question),
  };
  switch (question.kind) {
    case "truefalse": {
      // Moodle's feedback for true/false: the first is for a wrong answer.
      const answer = (truth: boolean): FrozenAnswer => ({
        text: "",
        truth: truth ? "true" : "false",
        weight: truth === question.correct ? 100 : 0,
        feedback: truth === question.correct ? question.feedbackRight : question.feedbackWrong,
      });
      return { ...base, answers: [answer(true), answer(false)] };
    }
    case "single":
    case "multiple":
      return { ...base, answers: shuffleAnswers ? shuffled(question.answers, random) : [...question.answers] };
    case "short":
      return { ...base, answers: [...question.answers], caseSensitive: question.caseSensitive, ignoreMarks: question.ignoreMarks };
    case "numerical":
      // Moodle's "any other number" is an infinite range; JSON has no
      // Infinity, so it is kept as the largest finite numbers.
      return {
        ...base,
        answers: [],
        numbers: question.answers.map(({ value, tolerance, min, max, weight, feedback }) => ({
          value,
          tolerance: Number.isFinite(tolerance) ? tolerance : Number.MAX_VALUE,
          min: Number.isFinite(min) ? min : -Number.MAX_VALUE,
          max: Number.isFinite(max) ? max : Number.MAX_VALUE,
          weight,
          feedback,
        })),
      };
    case "matching": {
      const items = shuffled(
        question.pairs.filter((pair) => pair.left !== ""),
        random,
      );
      // Options are offered once each, however many items share one; empty
      // left sides are Moodle's distractors: options that match nothing.
      const choices = shuffled([...new Set(question.pairs.map((pair) => pair.right))], random);
      return { ...base, answers: [], pairs: items.map((pair) => pair.left), choices, matches: items.map((pair) => choices.indexOf(pair.right)) };
    }
  }
}

/** What decides a question's grade: two questions with the same signature grade every answer alike. */
function gradingSignature(question: FrozenQuestion): string {
  return JSON.stringify([
    question.kind,
    question.answers.map((answer) => [answer.text, answer.weight, answer.truth ?? null]),
    (question.numbers ?? []).map((range) => [range.min, range.max, range.weight]),
    question.pairs ?? [],
    question.choices ?? [],
    question.matches ?? [],
    question.caseSensitive ?? false,
    question.ignoreMarks ?? false,
  ]);
}

/**
 * The corrected version of a question already frozen in an attempt, keeping
 * what the learner saw (its key, the order of choices and items) so their
 * answers still point at the same things. Null when there is nothing to
 * regrade (the key and weights are the same, whatever else changed), or when
 * the correction changed what was asked (another text, other choices,
 * another kind): such an attempt cannot be fairly regraded and keeps its grade.
 */
export function correctedQuestion(old: FrozenQuestion, fresh: GiftQuestion): FrozenQuestion | null {
  if (old.kind !== fresh.kind || old.text !== fresh.text || (old.textAfter ?? "") !== fresh.textAfter) return null;
  const refreshed = { ...freezeQuestion(fresh, false, () => 0), key: old.key };
  let corrected: FrozenQuestion | null = refreshed;
  switch (fresh.kind) {
    case "single":
    case "multiple": {
      const byText = new Map(fresh.answers.map((answer) => [answer.text, answer]));
      const answers = old.answers.map((answer) => byText.get(answer.text));
      const same = fresh.answers.length === old.answers.length && byText.size === answers.length && answers.every(Boolean);
      corrected = same ? { ...refreshed, answers: answers as FrozenAnswer[] } : null;
      break;
    }
    case "matching": {
      const rightOf = new Map(fresh.pairs.filter((pair) => pair.left !== "").map((pair) => [pair.left, pair.right]));
      const choices = old.choices ?? [];
      const sameItems = (old.pairs ?? []).length === rightOf.size && (old.pairs ?? []).every((left) => rightOf.has(left));
      const sameChoices = new Set(fresh.pairs.map((pair) => pair.right)).size === choices.length && fresh.pairs.every((pair) => choices.includes(pair.right));
      corrected = sameItems && sameChoices ? { ...refreshed, pairs: old.pairs, choices, matches: (old.pairs ?? []).map((left) => choices.indexOf(rightOf.get(left)!)) } : null;
      break;
    }
  }
  return corrected && gradingSignature(corrected) !== gradingSignature(old) ? corrected : null;
}

/** The questions of one new attempt. */
export function freezeQuiz(
  body: string | readonly GiftQuestion[],
  settings: QuizSettings = DEFAULT_QUIZ_SETTINGS,
  random: () => number = Math.random,
  banks: BankQuestions = new Map(),
): FrozenQuestion[] {
  const drawn = drawCandidates(questionsOf(body), settings.draw, banks, random);
  const ordered = settings.shuffleQuestions ? shuffled(drawn, random) : drawn;
  return ordered.map(({ question, key }) => freezeQuestion(question, settings.shuffleAnswers, random, key));
}

/** How many questions an attempt of this quiz has. */
export function questionCount(body: string | readonly GiftQuestion[], settings: QuizSettings = DEFAULT_QUIZ_SETTINGS, banks: BankQuestions = new Map()): number {
  return drawCandidates(questionsOf(body), settings.draw, banks, () => 0).length;
}

/** A quiz's questions from its GIFT text, or as already parsed (app/services/quiz.server.ts keeps them). */
const questionsOf = (body: string | readonly GiftQuestion[]) => (typeof body === "string" ? parseGift(body).questions : body);

/** The shared banks a quiz's rules draw from. */
export const banksOf = (settings: QuizSettings) => [...new Set(settings.draw.flatMap((rule) => (rule.bank ? [rule.bank] : [])))];

// ---------------------------------------------------------------------------
// Grading

/** How a typed answer is compared: spaces collapsed, case and marks as the question says. */
export function normaliseTyped(text: string, options: { caseSensitive?: boolean; ignoreMarks?: boolean }): string {
  let result = text.normalize("NFC").trim().replace(/\s+/g, " ");
  if (!options.caseSensitive) result = result.toLocaleLowerCase("vi");
  if (options.ignoreMarks) result = result.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  return result;
}

/** Moodle's short answers may hold `*`, matching any characters. */
function typedMatches(typed: string, accepted: string, options: { caseSensitive?: boolean; ignoreMarks?: boolean }): boolean {
  const pattern = normaliseTyped(accepted, options);
  if (!pattern.includes("*")) return typed === pattern;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "u");
  return regex.test(typed);
}

/**
 * A number as officials type it: "3,5" or "3.5"; with both marks, the last
 * one is the decimal mark ("1.234,5"); spaces are ignored. Null if not a number.
 */
export function parseTypedNumber(input: string): number | null {
  let text = input.replace(/[\s\u00a0]/g, "").replace(/^\+/, "").replace(/−/g, "-");
  if (text === "") return null;
  const comma = text.lastIndexOf(",");
  const dot = text.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    text = text.split(grouping).join("").replace(decimal, ".");
  } else if (comma >= 0) {
    text = text.split(",").length > 2 ? text.split(",").join("") : text.replace(",", ".");
  } else if (dot >= 0 && text.split(".").length > 2) {
    text = text.split(".").join("");
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const clamp = (share: number) => Math.max(0, Math.min(1, share));

/** The accepted answer (or numeric range) a typed answer earns most from, if any. */
export function typedAnswerMatch(question: FrozenQuestion, typed: string): { weight: number; feedback: string | null } | null {
  if (question.kind === "numerical") {
    const value = parseTypedNumber(typed);
    if (value === null) return null;
    const hits = (question.numbers ?? []).filter((range) => value >= range.min - 1e-9 && value <= range.max + 1e-9);
    return hits.sort((a, b) => b.weight - a.weight)[0] ?? null;
  }
  const normalised = normaliseTyped(typed, question);
  if (normalised === "") return null;
  const hits = question.answers.filter((answer) => typedMatches(normalised, answer.text, question));
  return hits.sort((a, b) => b.weight - a.weight)[0] ?? null;
}

/** The share of the mark a question earns, 0 to 1. */
export function gradeQuestion(question: FrozenQuestion, answer: AnswerValue | undefined): number {
  if (answer === undefined) return 0;
  if (question.kind === "short" || question.kind === "numerical") {
    const hit = typeof answer === "string" ? typedAnswerMatch(question, answer) : null;
    return hit ? clamp(hit.weight / 100) : 0;
  }
  if (typeof answer === "string") return 0;
  if (question.kind === "matching") {
    const matches = question.matches ?? [];
    if (matches.length === 0) return 0;
    const right = matches.filter((expected, index) => answer[index] === expected).length;
    return right / matches.length;
  }
  const chosen = [...new Set(answer)].filter((index) => index >= 0 && index < question.answers.length);
  if (question.kind !== "multiple") {
    // One answer only: its weight (100 for "=", or a %n% share), never below zero.
    return chosen.length === 1 ? clamp(question.answers[chosen[0]!]!.weight / 100) : 0;
  }
  // Partial credit, negative weights for wrong picks, never below zero.
  return clamp(chosen.reduce((sum, index) => sum + question.answers[index]!.weight, 0) / 100);
}

/** An answer that earns the full mark: for demo data, tests and benchmarks. */
export function fullMarkAnswer(question: FrozenQuestion): AnswerValue {
  switch (question.kind) {
    case "short":
      return ([...question.answers].sort((a, b) => b.weight - a.weight)[0]?.text ?? "").replace(/\*/g, "");
    case "numerical":
      return String([...(question.numbers ?? [])].sort((a, b) => b.weight - a.weight)[0]?.value ?? "");
    case "matching":
      return [...(question.matches ?? [])];
    case "multiple":
      return question.answers.flatMap((answer, index) => (answer.weight > 0 ? [index] : []));
    default: {
      const best = Math.max(...question.answers.map((answer) => answer.weight));
      return [question.answers.findIndex((answer) => answer.weight === best)];
    }
  }
}

/** Whether the learner gave any answer to the question. */
export function isAnswered(question: FrozenQuestion, answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === "string") return answer.trim() !== "";
  return question.kind === "matching" ? answer.some((index) => index >= 0) : answer.length > 0;
}

export function gradeAttempt(questions: FrozenQuestion[], answers: Answers) {
  const score = questions.reduce((sum, question) => sum + gradeQuestion(question, answers[question.key]), 0);
  const maxScore = questions.length;
  const percent = maxScore ? Math.floor((score / maxScore) * 100 + 1e-9) : 0;
  return { score: Math.round(score * 100) / 100, maxScore, percent };
}

/** The grade that counts for a person, by the quiz's grading method. */
export function quizGrade(attempts: readonly { number: number; percent: number | null; submitted: boolean }[], grading: QuizSettings["grading"]): number | null {
  const done = attempts.filter((attempt) => attempt.submitted && attempt.percent !== null);
  if (done.length === 0) return null;
  if (grading === "last") return [...done].sort((a, b) => b.number - a.number)[0]!.percent;
  return Math.max(...done.map((attempt) => attempt.percent!));
}
