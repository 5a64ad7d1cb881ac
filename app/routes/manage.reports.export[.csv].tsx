import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, reportTable } from "~/services/report-export.server";

// A report table as CSV (app/services/report-export.server.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  return csvResponse(await reportTable(request), request.signal);
}
