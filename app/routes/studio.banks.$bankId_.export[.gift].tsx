import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { getBank } from "~/models/question-bank.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { isUuid } from "~/utils/ids";

// A shared bank as a GIFT file (for Moodle, or content/banks): the text as
// written, categories and tags included.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStudioUser(request);
  const bank = isUuid(params.bankId) ? await getBank({ bankId: params.bankId }) : null;
  if (!bank) throw new Response(getTranslate(request)("studio.banks.notFound"), { status: 404 });
  return new Response(bank.body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bank.slug}.gift"`,
      "Cache-Control": "private, no-store",
    },
  });
}
