import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { exportPersonalData } from "~/models/personal-data.server";
import { requirePermission } from "~/utils/auth.server";
import { dayOf } from "~/utils/format";
import { clientAddress } from "~/utils/request-context.server";

// Everything Học Số holds about the signed-in person, as one JSON file (the
// right to see and take one's data, ADR 026). Only ever the person's own:
// the id comes from the session, never from the address.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:account:own");
  const now = new Date();
  const data = await exportPersonalData({ userId: user.id, now });
  if (!data) throw new Response(getTranslate(request)("error.notFound.title"), { status: 404 });
  await recordAudit({ action: "privacy.downloaded", actorId: user.id, targetType: "user", targetId: user.id, ipAddress: clientAddress() });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="hoc-so-du-lieu-ca-nhan-${dayOf(now).toISOString().slice(0, 10)}.json"`,
      // Personal data: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
