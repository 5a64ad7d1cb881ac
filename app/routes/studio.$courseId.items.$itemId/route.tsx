import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, type FormErrors } from "~/components/form";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { getCourseDraft, getDraftItem, saveItem } from "~/models/course.server";
import { itemPreview } from "~/services/item-preview.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { getEnv } from "~/utils/env.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { isUuid } from "~/utils/ids";
import { itemSaveSchema } from "~/validation/studio";
import { ItemEditor } from "./editor";

// Editing one lesson or quiz: the text, a live preview beside it from the
// learners' renderer, autosave (JavaScript) and a plain save button (without).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const item = isUuid(params.itemId) ? await getDraftItem({ courseId: params.courseId!, itemId: params.itemId }) : null;
  if (!item) throw new Response(t("studio.error.itemNotFound"), { status: 404 });
  const course = await getCourseDraft({ courseId: params.courseId! });
  const url = new URL(request.url);
  const imageError = url.searchParams.get("imageError");
  return {
    title: `${item.title} – ${t("studio.title")} – ${t("app.titleSuffix")}`,
    userId: user.id,
    courseId: params.courseId!,
    courseTitle: course?.title ?? "",
    item: { id: item.id, key: item.key, kind: item.kind, title: item.title, minutes: item.minutes, body: item.body, passPercent: item.passPercent, revision: item.revision },
    preview: await itemPreview({ kind: item.kind, body: item.body }, t, getLocale(request)),
    uploaded: url.searchParams.get("image"),
    imageError: imageError && imageError.startsWith("media.error.") ? (imageError as MessageKey) : null,
    maxImageBytes: getEnv().MEDIA_MAX_BYTES,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  if (!isUuid(params.itemId)) throw new Response(t("studio.error.itemNotFound"), { status: 404 });
  const form = await parseForm(request, itemSaveSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  const { revision, ...fields } = form.data;
  const saved = await saveItem({ courseId: params.courseId!, itemId: params.itemId, revision, ...fields });
  if (saved.status === "invalid") {
    const errors: FormErrors = { [saved.field]: saved.key };
    return data({ errors, values: form.fields }, { status: 400 });
  }
  if (saved.status === "missing") throw new Response(t("studio.error.itemNotFound"), { status: 404 });
  if (saved.status === "conflict") {
    // Someone saved since this page was opened: keep what was typed on screen.
    const errors: FormErrors = { form: "studio.editor.stale" };
    return data({ errors, values: form.fields }, { status: 409 });
  }
  return redirect(`/studio/${params.courseId}/items/${params.itemId}`, { headers: { "Set-Cookie": flashCookie(t("studio.editor.saved")) } });
}

export default function EditItem() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/studio/${loaded.courseId}#item-${loaded.item.id}`}>
          {t("studio.backToCourse")}: {loaded.courseTitle}
        </Link>
      </p>
      <ErrorSummary errors={result?.errors} fieldOrder={["form", "title", "minutes", "passPercent", "body"]} />
      <h1>{t("studio.editItem", { title: loaded.item.title })}</h1>
      {loaded.item.kind === "QUIZ" ? (
        <p>
          <Link to={`/studio/${loaded.courseId}/items/${loaded.item.id}/settings`}>{t("studio.quizSettings.link")}</Link>
          {" · "}
          <Link to={`/studio/${loaded.courseId}/quizzes/${loaded.item.key}`}>{t("studio.quizResults.link")}</Link>
          {" · "}
          <Link to={`/studio/${loaded.courseId}/items/${loaded.item.id}/import`}>{t("studio.import.link")}</Link>
          {" · "}
          <a href={`/studio/${loaded.courseId}/items/${loaded.item.id}/export.gift`} download>
            {t("studio.export.link")}
          </a>
        </p>
      ) : null}
      <ItemEditor
        // A fresh editor after every save from the server (new revision).
        key={`${loaded.item.id}:${loaded.item.revision}`}
        userId={loaded.userId}
        courseId={loaded.courseId}
        item={loaded.item}
        preview={loaded.preview}
        values={result?.values}
        errors={result?.errors}
        uploaded={loaded.uploaded}
        imageError={loaded.imageError}
        maxImageBytes={loaded.maxImageBytes}
      />
    </>
  );
}
