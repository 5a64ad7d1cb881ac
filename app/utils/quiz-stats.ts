import { gradeQuestion, normaliseTyped, typedAnswerMatch, type AnswerValue, type Answers, type FrozenQuestion } from "./quiz";

// Item analysis for trainers, as Moodle's quiz statistics define it, over
// submitted attempts: how easy each question was (facility index: the mean
// share of its mark earned, in percent), whether it separates stronger from
// weaker learners (discrimination index: the correlation, in percent,
// between the question's score and the score on the rest of the attempt),
// and how often each response was given. A question edited between
// versions is counted per version: its wording changed its difficulty.

export type StatAttempt = { questions: FrozenQuestion[]; answers: Answers };

export type QuestionStats = {
  key: string;
  version: string;
  kind: FrozenQuestion["kind"];
  text: string;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
  responses: { response: string; count: number; credit: number }[];
};

/** "" stands for no answer. */
const NO_ANSWER = "";

const optionLabel = (answer: FrozenQuestion["answers"][number]) => answer.truth ?? answer.text;

/** What a learner answered, as responses with the credit each one carries. */
export function responsesOf(question: FrozenQuestion, answer: AnswerValue | undefined): { response: string; credit: number }[] {
  if (answer === undefined || (typeof answer === "string" && answer.trim() === "") || (Array.isArray(answer) && !answer.some((index) => index >= 0))) {
    return [{ response: NO_ANSWER, credit: 0 }];
  }
  if (typeof answer === "string") {
    const match = typedAnswerMatch(question, answer);
    return [{ response: normaliseTyped(answer, question), credit: match ? Math.max(0, match.weight) / 100 : 0 }];
  }
  if (question.kind === "matching") {
    return (question.pairs ?? []).map((left, index) => ({
      response: `${left} → ${question.choices?.[answer[index] ?? -1] ?? "—"}`,
      credit: answer[index] === question.matches?.[index] ? 1 : 0,
    }));
  }
  return [...new Set(answer)].flatMap((index) => {
    const option = question.answers[index];
    return option ? [{ response: optionLabel(option), credit: option.weight / 100 }] : [];
  });
}

/** Every option of a choice question is listed, even one nobody chose. */
function optionsOf(question: FrozenQuestion): { response: string; credit: number }[] {
  if (!["single", "multiple", "truefalse"].includes(question.kind)) return [];
  return question.answers.map((answer) => ({ response: optionLabel(answer), credit: answer.weight / 100 }));
}

function correlation(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  // Everyone scored the same on one side: the question cannot discriminate.
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function quizStatistics(attempts: readonly StatAttempt[]): QuestionStats[] {
  type Acc = { question: FrozenQuestion; scores: number[]; rest: number[]; responses: Map<string, { count: number; credit: number }> };
  const groups = new Map<string, Acc>();
  for (const attempt of attempts) {
    const scores = attempt.questions.map((question) => gradeQuestion(question, attempt.answers[question.key]));
    const total = scores.reduce((sum, score) => sum + score, 0);
    attempt.questions.forEach((question, index) => {
      const id = `${question.key}\u0000${question.version ?? ""}`;
      let group = groups.get(id);
      if (!group) {
        group = { question, scores: [], rest: [], responses: new Map(optionsOf(question).map(({ response, credit }) => [response, { count: 0, credit }])) };
        groups.set(id, group);
      }
      group.scores.push(scores[index]!);
      group.rest.push(total - scores[index]!);
      // Responses by what they say, not by position: answers were shuffled.
      for (const { response, credit } of responsesOf(question, attempt.answers[question.key])) {
        const seen = group.responses.get(response) ?? { count: 0, credit };
        seen.count++;
        group.responses.set(response, seen);
      }
    });
  }
  return [...groups.values()].map(({ question, scores, rest, responses }) => {
    const discrimination = correlation(scores, rest);
    return {
      key: question.key,
      version: question.version ?? "",
      kind: question.kind,
      text: question.textAfter ? `${question.text} ……… ${question.textAfter}` : question.text,
      attempts: scores.length,
      facility: scores.length ? round1((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) : null,
      discrimination: discrimination === null ? null : round1(discrimination * 100),
      responses: [...responses.entries()]
        .map(([response, { count, credit }]) => ({ response, count, credit }))
        .sort((a, b) => b.count - a.count || a.response.localeCompare(b.response, "vi")),
    };
  });
}
