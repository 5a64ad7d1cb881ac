import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDraftQuiz } from "~/utils/course-access.server";

// A quiz's questions as a GIFT file, for Moodle or another Học Số: the
// draft's text as written (comments, categories and tags included), which
// imports back to the same questions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item } = await requireDraftQuiz(request, params);
  return new Response(item.body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${item.key}.gift"`,
      "Cache-Control": "private, no-store",
    },
  });
}
