import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportTable, xlsxResponse } from "~/services/report-export.server";

// A report table as an Excel workbook (app/services/report-export.server.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  return xlsxResponse(await reportTable(request), request.signal);
}
