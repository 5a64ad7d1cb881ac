import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { getDraftItem } from "~/models/course.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { isUuid } from "~/utils/ids";

// A quiz's questions as a GIFT file, for Moodle or another Học Số: the
// draft's text as written (comments, categories and tags included), which
// imports back to the same questions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCourseEditor(request, params.courseId);
  const item = isUuid(params.itemId) ? await getDraftItem({ courseId: params.courseId!, itemId: params.itemId }) : null;
  if (!item || item.kind !== "QUIZ") throw new Response(getTranslate(request)("studio.error.itemNotFound"), { status: 404 });
  return new Response(item.body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${item.key}.gift"`,
      "Cache-Control": "private, no-store",
    },
  });
}
