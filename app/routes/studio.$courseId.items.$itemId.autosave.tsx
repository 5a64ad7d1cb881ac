import type { ActionFunctionArgs } from "@remix-run/node";
import { saveItem } from "~/models/course.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { isUuid } from "~/utils/ids";
import { parseForm } from "~/utils/forms.server";
import { itemSaveSchema } from "~/validation/studio";

// Autosave for the lesson editor (JSON; the page's own form is the fallback
// without JavaScript). The revision makes a save from a stale tab fail with
// 409 instead of overwriting newer work.
export async function action({ request, params }: ActionFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const form = await parseForm(request, itemSaveSchema);
  if (!form.ok) return Response.json({ errors: form.errors }, { status: 400 });
  if (!isUuid(params.itemId)) return Response.json({ errors: { form: "studio.error.itemNotFound" } }, { status: 404 });
  const { revision, ...fields } = form.data;
  const saved = await saveItem({ courseId: params.courseId!, itemId: params.itemId, revision, ...fields });
  if (saved.status === "invalid") return Response.json({ errors: { [saved.field]: saved.key } }, { status: 400 });
  if (saved.status === "missing") return Response.json({ errors: { form: "studio.error.itemNotFound" } }, { status: 404 });
  if (saved.status === "conflict") return Response.json({ conflict: true }, { status: 409 });
  return Response.json({ revision: saved.revision, savedAt: new Date().toISOString() });
}
