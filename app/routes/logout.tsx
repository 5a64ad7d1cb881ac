import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { getUser } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request-context.server";
import { clearSessionCookie } from "~/utils/session-cookie.server";
import { invalidateSession } from "~/utils/session.server";

// Signing out is a POST (a link could be triggered by another site); it
// deletes the session row, so the cookie is worthless even if kept. The
// browser is also told to forget what pages kept in its storage for this
// person (unsent quiz answers, a lesson's unsaved text): on a shared office
// PC the next person must not find them. Browsers honour it over HTTPS and
// on localhost; language and session live in cookies, which it leaves.
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    await invalidateSession(user.sessionId);
    await recordAudit({ action: "auth.sign_out", actorId: user.id, targetType: "user", targetId: user.id, ipAddress: clientAddress() });
  }
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request), "Clear-Site-Data": '"storage"' } });
}

export function loader() {
  return redirect("/");
}
