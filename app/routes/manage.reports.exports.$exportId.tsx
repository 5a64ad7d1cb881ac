import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { exportDownload } from "~/services/report-export.server";
import { requireReport } from "~/services/reports.server";
import { isUuid } from "~/utils/ids";

// A finished detailed report file: its requester only, until it expires.
// Anyone else, or later, gets the same 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireReport(request);
  const response = isUuid(params.exportId) ? await exportDownload({ exportId: params.exportId, userId: user.id }) : null;
  if (!response) throw new Response(getTranslate(request)("reports.exports.notFound"), { status: 404 });
  return response;
}
