import { useEffect, useState, type RefObject } from "react";

// Answers chosen on a quiz page but not yet sent (the learner has not pressed
// "Lưu và sang câu tiếp") are kept in this browser as they are chosen, so a
// reload, a closed tab or a crash loses nothing: when the same question opens
// again from the same save (`seq`), they are put back and the page says so.
// Only "sent" counts, as on paper: a copy is never sent by itself. A save
// since (here or in another tab) makes the copy stale: the server's answers
// win and the copy is dropped. Without JavaScript the page works as before.

type Fields = { answer: string[]; typed: string | null; match: string[] };
type Draft = Fields & { seq: number; at: number };

const PREFIX = "hocso:quiz:";
// Copies of attempts left unfinished are cleared after a week.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

function readFields(form: HTMLFormElement): Fields {
  const data = new FormData(form);
  return {
    answer: data.getAll("answer").map(String),
    typed: data.has("typed") ? String(data.get("typed")) : null,
    match: data.getAll("match").map(String),
  };
}

function fill(form: HTMLFormElement, fields: Fields) {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="answer"]')) input.checked = fields.answer.includes(input.value);
  const typed = form.elements.namedItem("typed");
  if (fields.typed !== null && (typed instanceof HTMLInputElement || typed instanceof HTMLTextAreaElement)) typed.value = fields.typed;
  form.querySelectorAll<HTMLSelectElement>('select[name="match"]').forEach((select, index) => {
    const value = fields.match[index];
    if (value !== undefined) select.value = value;
  });
}

const same = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);

function read(key: string): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null;
    return draft && typeof draft.seq === "number" && Array.isArray(draft.answer) && Array.isArray(draft.match) ? draft : null;
  } catch {
    return null;
  }
}

/** Drops this attempt's copies made before save `seq`, and anyone's older than a week. */
export function dropStaleQuizDrafts(attempt: string, seq: number) {
  try {
    const now = Date.now();
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(PREFIX)) continue;
      const draft = read(key);
      if (!draft || now - draft.at > MAX_AGE_MS || (key.startsWith(`${PREFIX}${attempt}:`) && draft.seq < seq)) localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled (private mode): nothing was kept.
  }
}

/**
 * Keeps the form's unsent answers for question `number` of `attempt` (its
 * address) and puts them back on opening; true when it did.
 */
export function useQuizDraft(form: RefObject<HTMLFormElement>, options: { attempt: string; number: number; seq: number; locked: boolean }): boolean {
  const { attempt, number, seq, locked } = options;
  // Which page and save the answers were put back on: the route's component
  // stays mounted from one question to the next.
  const [restoredOn, setRestoredOn] = useState<string | null>(null);
  const page = `${number}:${seq}`;
  useEffect(() => {
    const element = form.current;
    if (!element || locked) return;
    const key = `${PREFIX}${attempt}:${number}`;
    dropStaleQuizDrafts(attempt, seq);
    const draft = read(key);
    if (draft && draft.seq === seq && !same({ answer: draft.answer, typed: draft.typed, match: draft.match }, readFields(element))) {
      fill(element, draft);
      // Read from outside React (this browser's storage) once the page is
      // in the document; the notice can only follow, one render later.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestoredOn(page);
    }
    const keep = () => {
      try {
        const copy: Draft = { ...readFields(element), seq, at: Date.now() };
        localStorage.setItem(key, JSON.stringify(copy));
      } catch {
        // Storage full or disabled: the answer is still saved when sent.
      }
    };
    element.addEventListener("input", keep);
    element.addEventListener("change", keep);
    return () => {
      element.removeEventListener("input", keep);
      element.removeEventListener("change", keep);
    };
  }, [form, attempt, number, seq, locked, page]);
  return restoredOn === page;
}
