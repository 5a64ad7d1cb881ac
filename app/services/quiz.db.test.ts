import { expect, test } from "vitest";
import { parseGift } from "~/utils/gift";
import { freezeQuiz, questionCount } from "~/utils/quiz";
import { quizQuestions, type LearnerQuiz } from "./quiz.server";

// A published quiz's GIFT text is parsed once per process: the same text
// gives the same (unchanged) questions every time after.

const body = `::Một::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Lạt}

::Hai::Chữ ký số xác định người ký. {T}
`;
const quizWith = (text: string) => ({ quiz: { body: text } }) as unknown as LearnerQuiz;

test("parsed once, the same questions as parsing afresh, and untouched by drawing and freezing", () => {
  const first = quizQuestions(quizWith(body));
  expect(first).toEqual(parseGift(body).questions);
  const before = JSON.stringify(first);
  freezeQuiz(first, undefined, () => 0.99);
  expect(questionCount(first)).toBe(2);
  // Another copy of the same text (another request's content) finds them.
  expect(quizQuestions(quizWith(`${body}`.slice(0)))).toBe(first);
  expect(JSON.stringify(quizQuestions(quizWith(body)))).toBe(before);
  // Different text, different questions.
  expect(quizQuestions(quizWith(body.replace("Huế", "Vinh")))).not.toBe(first);
});
