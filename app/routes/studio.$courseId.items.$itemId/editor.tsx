import { Form } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { RenderedMarkdown } from "~/components/course-view";
import { TextArea, TextField, type FormErrors } from "~/components/form";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { formatDateTime } from "~/utils/format";
import { QuizPreviewList } from "~/components/quiz-preview";
import type { QuizPreview } from "~/services/item-preview.server";
import { autosaver, type SaveStatus } from "./autosave";

// The editor: form on one side, preview on the other (stacked on a phone).
// Without JavaScript it is a plain form with a save button and the preview
// of the saved text. With JavaScript every change is kept in this browser
// at once, saved to the server a moment later, and previewed live.

type Item = { id: string; kind: "LESSON" | "QUIZ"; title: string; minutes: number; body: string; passPercent: number | null; revision: number };
type Preview = { html: string | null; quiz: QuizPreview | null };

const STATUS_KEYS: Record<SaveStatus, MessageKey> = {
  saved: "studio.editor.status.saved",
  saving: "studio.editor.status.saving",
  unsaved: "studio.editor.status.unsaved",
  offline: "studio.editor.status.offline",
  conflict: "studio.editor.status.conflict",
  invalid: "studio.editor.status.invalid",
};

export function ItemEditor(props: {
  userId: string;
  courseId: string;
  item: Item;
  preview: Preview;
  values?: Record<string, string>;
  errors?: FormErrors;
  uploaded: string | null;
  imageError: MessageKey | null;
  maxImageBytes: number;
}) {
  const { t, locale, isKey } = useI18n();
  const { item, courseId } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(props.preview);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [older, setOlder] = useState(false);
  const saverRef = useRef<ReturnType<typeof autosaver> | null>(null);
  const values = props.values ?? {};

  const refreshPreview = useCallback(async () => {
    const form = formRef.current;
    if (!form) return;
    const body = new FormData();
    body.set("kind", item.kind);
    body.set("body", String(new FormData(form).get("body") ?? ""));
    const response = await fetch("/studio/preview", { method: "POST", body }).catch(() => null);
    if (response?.ok) setPreview((await response.json()) as Preview);
  }, [item.kind]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const saver = autosaver({
      form,
      url: `/studio/${courseId}/items/${item.id}/autosave`,
      // Per person as well as per item: on a shared office PC, one trainer's
      // unsaved text is never restored into another's session.
      storageKey: `hocso:draft:${props.userId}:${item.id}`,
      revision: item.revision,
      onStatus: (next, at, problemKey) => {
        setStatus(next);
        if (at) setSavedAt(at);
        setProblem(problemKey && isKey(problemKey) ? t(problemKey) : null);
      },
    });
    saverRef.current = saver;
    const local = saver.restore();
    if (local === "restored") setNotice(t("studio.editor.restored"));
    if (local === "older") setOlder(true);
    if (local !== "none") void refreshPreview();
    return () => saver.dispose();
    // The editor is keyed by item and revision: this runs once per version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onInput = () => {
    saverRef.current?.changed();
    clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => void refreshPreview(), 400);
  };

  const insertImage = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const response = await fetch(event.currentTarget.action, { method: "POST", body: new FormData(event.currentTarget), headers: { Accept: "application/json" } }).catch(() => null);
    const result = (await response?.json().catch(() => null)) as { markdown?: string; error?: string } | null;
    const textarea = bodyRef.current;
    if (!result?.markdown || !textarea) {
      setNotice(result?.error ?? t("studio.editor.status.offline"));
      return;
    }
    const at = textarea.selectionStart ?? textarea.value.length;
    textarea.value = `${textarea.value.slice(0, at)}\n\n${result.markdown}\n\n${textarea.value.slice(at)}`;
    onInput();
    setNotice(t("studio.editor.imageInserted"));
    event.currentTarget?.reset();
  };

  const quiz = item.kind === "QUIZ";
  return (
    <div className="editor">
      <div className="editor__form">
        <p className={`save-status save-status--${status}`} role="status" aria-live="polite">
          {status === "saved"
            ? savedAt
              ? t(STATUS_KEYS.saved, { time: formatDateTime(locale, savedAt) })
              : ""
            : t(STATUS_KEYS[status], { problem: problem ?? t("validation.invalid") })}
        </p>
        {notice ? (
          <div className="notice" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        {older ? (
          <div className="notice notice--warning" role="alert">
            <p>{t("studio.editor.localOlder")}</p>
            <div className="button-group">
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setOlder(false);
                  saverRef.current?.keepMine();
                }}
              >
                {t("studio.editor.keepMine")}
              </button>
              <button type="button" className="button button--small button--secondary" onClick={() => saverRef.current?.useSaved()}>
                {t("studio.editor.useSaved")}
              </button>
            </div>
          </div>
        ) : null}
        <Form
          method="post"
          ref={formRef}
          noValidate
          onInput={onInput}
          onSubmit={(event) => {
            // With JavaScript, saving is the autosave, now; the page stays put.
            if (saverRef.current) {
              event.preventDefault();
              void saverRef.current.saveNow();
            }
          }}
        >
          <input type="hidden" name="revision" defaultValue={values.revision ?? item.revision} />
          <TextField name="title" label={t("studio.itemTitle")} defaultValue={values.title ?? item.title} error={props.errors?.title} />
          <div className="filters__row">
            <TextField name="minutes" label={t("studio.editor.minutes")} inputMode="numeric" defaultValue={values.minutes ?? String(item.minutes)} error={props.errors?.minutes} />
            {quiz ? (
              <TextField
                name="passPercent"
                label={t("studio.editor.passPercent")}
                inputMode="numeric"
                defaultValue={values.passPercent ?? String(item.passPercent ?? 80)}
                error={props.errors?.passPercent}
              />
            ) : null}
          </div>
          <TextArea
            name="body"
            label={quiz ? t("studio.editor.quizBody") : t("studio.editor.body")}
            hint={quiz ? t("studio.editor.quizHint") : t("studio.editor.bodyHint")}
            rows={24}
            className="textarea--code"
            spellCheck={!quiz}
            defaultValue={values.body ?? item.body}
            error={props.errors?.body}
            textareaRef={bodyRef}
          />
          <button type="submit" className="button">
            {t("studio.editor.save")}
          </button>
        </Form>

        {quiz ? null : (
          <form method="post" action={`/studio/${courseId}/media`} encType="multipart/form-data" className="upload" onSubmit={(event) => void insertImage(event)}>
            <h2 className="heading-small">{t("studio.editor.image")}</h2>
            {props.imageError ? <p className="field-error">{t(props.imageError)}</p> : null}
            {props.uploaded ? (
              <div className="notice">
                <p>{t("studio.editor.imageReady")}</p>
                <code className="copy-line">{props.uploaded}</code>
              </div>
            ) : null}
            <input type="hidden" name="redirectTo" value={`/studio/${courseId}/items/${item.id}`} />
            <div className="form-group">
              <label className="label" htmlFor="image">
                {t("studio.editor.imageFile")}
              </label>
              <p className="hint" id="image-hint">
                {t("studio.field.coverHint", { size: `${Math.round(props.maxImageBytes / 1_000_000)} MB` })}
              </p>
              <input className="file-input" id="image" name="image" type="file" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="image-hint" />
            </div>
            <TextField name="alt" label={t("studio.editor.imageAlt")} />
            <button type="submit" className="button button--secondary">
              {t("studio.editor.imageUpload")}
            </button>
          </form>
        )}
      </div>

      {/* On wide screens the preview scrolls on its own beside the editor:
          focusable, so a keyboard can scroll it too (WCAG 2.1.1). */}
      <div className="editor__preview" role="region" aria-labelledby="preview-heading" tabIndex={0}>
        <h2 id="preview-heading" className="heading-small">
          {t("studio.editor.previewHeading")}
        </h2>
        {preview.html !== null ? <RenderedMarkdown html={preview.html} /> : null}
        {preview.quiz ? <QuizPreviewList quiz={preview.quiz} /> : null}
      </div>
    </div>
  );
}
