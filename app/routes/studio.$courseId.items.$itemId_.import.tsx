import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, RadioGroup, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { getTranslate } from "~/i18n/translate.server";
import { saveItem } from "~/models/course.server";
import { requireDraftQuiz } from "~/utils/course-access.server";
import { flashCookie } from "~/utils/flash.server";
import { exportGift } from "~/utils/gift";
import { appendQuestions, readQuestionFile, type ImportFormat } from "~/utils/question-import";

// Bringing an existing bank into a quiz: a Moodle GIFT export or an Aiken
// file, uploaded or pasted. First a preview (what will be added, and each
// question that cannot be, with its line), then "Thêm" appends them to the
// quiz's draft. Plain forms, no JavaScript needed.

const MAX_BYTES = 1_000_000;
const revisionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

async function loadQuiz(request: Request, params: Record<string, string | undefined>) {
  return (await requireDraftQuiz(request, params)).item;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const item = await loadQuiz(request, params);
  const t = getTranslate(request);
  return {
    title: `${t("studio.import.title", { title: item.title })} – ${t("app.titleSuffix")}`,
    back: `/studio/${params.courseId}/items/${item.id}`,
    itemTitle: item.title,
    revision: item.revision,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

type Preview = { gift: string; count: number; kinds: { title: string; kind: string }[]; problems: { line: number; key: MessageKey; title: string | null }[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const item = await loadQuiz(request, params);
  const t = getTranslate(request);
  const refuse = (errors: FormErrors) => data({ errors, preview: null as Preview | null }, { status: 400 });
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  if (!Number.isFinite(length) || length > 2 * MAX_BYTES + 64_000) return refuse({ source: "studio.import.tooLarge" });
  let form: FormData;
  try {
    form = request.headers.get("Content-Type")?.startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES }))
      : await request.formData();
  } catch (error) {
    return refuse({ source: error instanceof MaxPartSizeExceededError ? "studio.import.tooLarge" : "validation.form.unreadable" });
  }

  if (form.get("intent") === "add") {
    const gift = String(form.get("gift") ?? "");
    const { questions, problems } = readQuestionFile(gift, "gift");
    if (questions.length === 0 || problems.length || gift.length > 2 * MAX_BYTES) return refuse({ source: "studio.import.nothing" });
    const merged = appendQuestions(item.body, questions);
    const revision = revisionSchema.safeParse(form.get("revision"));
    if (!revision.success) return refuse({ source: "studio.import.nothing" });
    const saved = await saveItem({ courseId: params.courseId!, itemId: item.id, revision: revision.data, title: item.title, minutes: item.minutes, body: merged.body, passPercent: item.passPercent });
    if (saved.status === "conflict") return refuse({ source: "studio.editor.stale" });
    if (saved.status !== "saved") return refuse({ source: "studio.import.nothing" });
    return redirect(`/studio/${params.courseId}/items/${item.id}`, { headers: { "Set-Cookie": flashCookie(t("studio.import.added", { count: merged.added })) } });
  }

  const format: ImportFormat = form.get("format") === "aiken" ? "aiken" : "gift";
  const file = form.get("file");
  const source = file instanceof File && file.size > 0 ? new TextDecoder().decode(await file.arrayBuffer()) : String(form.get("source") ?? "");
  if (source.trim() === "") return refuse({ source: "studio.import.empty" });
  if (source.length > MAX_BYTES) return refuse({ source: "studio.import.tooLarge" });
  const { questions, problems } = readQuestionFile(source, format);
  const preview: Preview = {
    gift: exportGift(questions),
    count: questions.length,
    kinds: questions.map((question) => ({ title: question.title, kind: question.kind })),
    problems: problems.map((problem) => ({
      line: problem.line,
      key: problem.code === "unsupportedQuestion" ? `gift.unsupported.${problem.kind ?? "other"}` : `gift.${problem.code}`,
      title: problem.title,
    })),
  };
  return { errors: null, preview };
}

export default function ImportQuestions() {
  const { back, itemTitle, revision } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const preview = result?.preview;
  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("studio.quizSettings.back", { title: itemTitle })}</Link>
      </p>
      <ErrorSummary errors={result?.errors ?? undefined} fieldOrder={["source"]} />
      <h1>{t("studio.import.title", { title: itemTitle })}</h1>
      {preview ? (
        <section aria-labelledby="preview">
          <h2 id="preview">{t("studio.import.previewTitle", { count: preview.count })}</h2>
          <ul className="plain-list">
            {preview.kinds.map((question) => (
              <li key={question.title}>
                {question.title} <span className="hint">({t(`studio.quizKind.${question.kind as "single"}`)})</span>
              </li>
            ))}
          </ul>
          {preview.problems.length ? (
            <div className="notice notice--warning">
              <p className="panel__title">{t("studio.import.problems", { count: preview.problems.length })}</p>
              <ul>
                {preview.problems.map((problem) => (
                  <li key={`${problem.line}:${problem.key}`}>
                    {t("studio.editor.quizError", { line: problem.line, problem: `${t(problem.key)}${problem.title ? ` (${problem.title})` : ""}` })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.count ? (
            <Form method="post">
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="revision" value={revision} />
              <input type="hidden" name="gift" value={preview.gift} />
              <button type="submit" className="button">
                {t("studio.import.add", { count: preview.count })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <RadioGroup
          name="format"
          legend={t("studio.import.format")}
          defaultValue="gift"
          options={[
            { value: "gift", label: t("studio.import.gift"), hint: t("studio.import.giftHint") },
            { value: "aiken", label: t("studio.import.aiken"), hint: t("studio.import.aikenHint") },
          ]}
        />
        <div className="form-group">
          <label className="label" htmlFor="file">
            {t("studio.import.file")}
          </label>
          <input className="input" type="file" id="file" name="file" accept=".gift,.txt,text/plain" />
        </div>
        <div className={`form-group${result?.errors?.source ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="source">
            {t("studio.import.paste")}
          </label>
          {result?.errors?.source ? <p className="field-error">{t(result.errors.source)}</p> : null}
          <textarea className="input textarea" id="source" name="source" rows={10} spellCheck={false} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("studio.import.preview")}
        </button>
      </Form>
    </div>
  );
}
