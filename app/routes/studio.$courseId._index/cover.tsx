import { Form } from "@remix-run/react";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";

// The course's cover image: shown in the catalogue and on the course page.
// The upload goes to the studio's media route (purpose=cover), which sets it.
export function CoverImage({ courseId, cover, error }: { courseId: string; cover: { url: string; width: number; height: number } | null; error: MessageKey | null }) {
  const t = useT();
  return (
    <section aria-labelledby="cover" className="cover-editor">
      <h2 id="cover">{t("studio.field.cover")}</h2>
      {cover ? <img className="course__cover" src={cover.url} width={cover.width} height={cover.height} alt="" /> : <p>{t("studio.coverNone")}</p>}
      <form method="post" action={`/studio/${courseId}/media`} encType="multipart/form-data">
        <input type="hidden" name="purpose" value="cover" />
        <input type="hidden" name="redirectTo" value={`/studio/${courseId}`} />
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="cover-image">
            {t("studio.field.cover")}
          </label>
          <p className="hint" id="cover-image-hint">
            {t("studio.field.coverHint", { size: "5 MB" })}
          </p>
          {error ? (
            <p className="field-error" id="cover-image-error">
              {t(error)}
            </p>
          ) : null}
          <input
            className="file-input"
            id="cover-image"
            name="image"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby={error ? "cover-image-hint cover-image-error" : "cover-image-hint"}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("studio.coverUpload")}
        </button>
      </form>
      {cover ? (
        <Form method="post">
          <input type="hidden" name="intent" value="removeCover" />
          <button type="submit" className="button button--warning">
            {t("studio.coverRemove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
