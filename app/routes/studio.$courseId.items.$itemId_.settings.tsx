import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, RadioGroup, SelectField, TextField, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { saveQuizSettings } from "~/models/course.server";
import { findBankQuestions, listBankChoices } from "~/models/question-bank.server";
import { requireDraftQuiz } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { parseGift } from "~/utils/gift";
import { banksOf, categoryPath, drawShortfall } from "~/utils/quiz";
import { REVIEW_PARTS, REVIEW_TIMES } from "~/utils/quiz-constants";
import { quizSettingsOf } from "~/utils/quiz-settings";
import { QUIZ_SETTINGS_LISTS, quizSettingsFormSchema } from "~/validation/quiz-settings";

// How a quiz runs: time limit, attempts, grading, shuffling, random draws
// per category or tag, and what learners see in review and when. Saved
// with the draft; learners get it with the next published version.

async function loadQuiz(request: Request, params: Record<string, string | undefined>) {
  return (await requireDraftQuiz(request, params)).item;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const item = await loadQuiz(request, params);
  const t = getTranslate(request);
  const choices = await listBankChoices();
  const banks = await findBankQuestions(choices.map((bank) => bank.slug));
  // Categories and tags of the quiz's own questions and of every shared bank, to pick from.
  const questions = [...parseGift(item.body).questions, ...[...banks.values()].flat()];
  return {
    title: `${t("studio.quizSettings.title", { title: item.title })} – ${t("app.titleSuffix")}`,
    courseId: params.courseId!,
    item: { id: item.id, title: item.title, questions: parseGift(item.body).questions.length },
    banks: choices.map((bank) => ({ ...bank, questions: banks.get(bank.slug)?.length ?? 0 })),
    settings: quizSettingsOf(item.quizSettings),
    categories: [...new Set(questions.map((question) => categoryPath(question.category)).filter(Boolean))].sort(),
    tags: [...new Set(questions.flatMap((question) => question.tags))].sort(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const item = await loadQuiz(request, params);
  const t = getTranslate(request);
  const form = await parseForm(request, quizSettingsFormSchema, { lists: QUIZ_SETTINGS_LISTS });
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const banks = await findBankQuestions(banksOf(form.data));
  // Rules asking for more questions than they can get together could never be met.
  const unknownBank = banksOf(form.data).some((slug) => !banks.has(slug));
  if (unknownBank || drawShortfall(parseGift(item.body).questions, form.data.draw, banks) > 0) {
    const errors: FormErrors = { drawCount: unknownBank ? "validation.quizSettings.drawBank" : "validation.quizSettings.drawTooMany" };
    return data({ errors }, { status: 400 });
  }
  await saveQuizSettings({ courseId: params.courseId!, itemId: item.id, settings: form.data });
  return redirect(`/studio/${params.courseId}/items/${item.id}/settings`, { headers: { "Set-Cookie": flashCookie(t("studio.quizSettings.saved")) } });
}

const REVIEW_FIELDS = { correctness: "reviewCorrectness", marks: "reviewMarks", feedback: "reviewFeedback", rightAnswers: "reviewRightAnswers" } as const;

export default function QuizSettingsPage() {
  const { courseId, item, settings, categories, tags, banks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const t = useT();
  // The rules saved, and one empty row to add another (no JavaScript needed).
  const rows = [...settings.draw, { bank: null, category: null, tag: null, count: null }];
  const whens = REVIEW_TIMES.map((when) => ({ value: when, label: t(`studio.quizSettings.when.${when}`) }));
  return (
    <div className="narrow">
      <p>
        <Link to={`/studio/${courseId}/items/${item.id}`}>{t("studio.quizSettings.back", { title: item.title })}</Link>
      </p>
      <ErrorSummary errors={errors} fieldOrder={["timeLimitMinutes", "attemptsAllowed", "grading", "drawCount"]} />
      <h1>{t("studio.quizSettings.title", { title: item.title })}</h1>
      <Form method="post" noValidate>
        <TextField name="timeLimitMinutes" label={t("studio.quizSettings.timeLimit")} hint={t("studio.quizSettings.timeLimitHint")} inputMode="numeric" defaultValue={settings.timeLimitMinutes?.toString() ?? ""} error={errors?.timeLimitMinutes} />
        <TextField name="attemptsAllowed" label={t("studio.quizSettings.attempts")} hint={t("studio.quizSettings.attemptsHint")} inputMode="numeric" defaultValue={settings.attemptsAllowed?.toString() ?? ""} error={errors?.attemptsAllowed} />
        <RadioGroup
          name="grading"
          legend={t("studio.quizSettings.grading")}
          defaultValue={settings.grading}
          error={errors?.grading}
          options={[
            { value: "highest", label: t("studio.quizSettings.gradingHighest") },
            { value: "last", label: t("studio.quizSettings.gradingLast") },
          ]}
        />
        <fieldset className="form-group fieldset">
          <legend className="label">{t("studio.quizSettings.order")}</legend>
          {(["shuffleQuestions", "shuffleAnswers"] as const).map((name) => (
            <div key={name} className="checkbox">
              <input className="checkbox__input" type="checkbox" id={name} name={name} defaultChecked={settings[name]} />
              <label className="checkbox__label" htmlFor={name}>
                {t(`studio.quizSettings.${name}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className={`form-group fieldset${errors?.drawCount ? " form-group--error" : ""}`} id="drawCount">
          <legend className="label">{t("studio.quizSettings.draw")}</legend>
          <p className="hint">{t("studio.quizSettings.drawHint", { count: item.questions })}</p>
          {errors?.drawCount ? <p className="field-error">{t(errors.drawCount)}</p> : null}
          {rows.map((rule, index) => (
            <fieldset key={index} className="quiz-draw-rule">
              <legend className="quiz-draw-rule__legend">{index < settings.draw.length ? t("studio.quizSettings.rule", { number: index + 1 }) : t("studio.quizSettings.newRule")}</legend>
              <SelectField
                name="drawBank"
                id={`drawBank-${index}`}
                label={t("studio.quizSettings.drawBank")}
                defaultValue={rule.bank ?? ""}
                options={[{ value: "", label: t("studio.quizSettings.ownQuestions") }, ...banks.map((bank) => ({ value: bank.slug, label: t("studio.quizSettings.bankOption", { title: bank.title, count: bank.questions }) }))]}
              />
              <div className="inline-row">
                <TextField name="drawCategory" id={`drawCategory-${index}`} label={t("studio.quizSettings.drawCategory")} list="draw-categories" defaultValue={rule.category ?? ""} />
                <TextField name="drawTag" id={`drawTag-${index}`} label={t("studio.quizSettings.drawTag")} list="draw-tags" defaultValue={rule.tag ?? ""} />
                <TextField name="drawCount" id={`drawCount-${index}`} label={t("studio.quizSettings.drawCount")} inputMode="numeric" defaultValue={rule.count?.toString() ?? ""} />
              </div>
            </fieldset>
          ))}
          <datalist id="draw-categories">
            {categories.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
          <datalist id="draw-tags">
            {tags.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </fieldset>
        <fieldset className="form-group fieldset">
          <legend className="label">{t("studio.quizSettings.review")}</legend>
          <p className="hint">{t("studio.quizSettings.reviewHint")}</p>
          {REVIEW_PARTS.map((part) => (
            <SelectField key={part} name={REVIEW_FIELDS[part]} label={t(`studio.quizSettings.part.${part}`)} defaultValue={settings.review[part]} options={whens} />
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("studio.quizSettings.save")}
        </button>
      </Form>
    </div>
  );
}
