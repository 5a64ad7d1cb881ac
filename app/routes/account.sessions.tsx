import { TableRegion } from "~/components/table-region";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { deleteOwnSession, deleteSessionsOfUser, listSessionsOfUser } from "~/models/session.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { describeUserAgent } from "~/utils/user-agent";

// "Your sessions": every browser signed in to this account; end any of them.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:account:own");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const sessions = await listSessionsOfUser(user.id);
  const notice = new URL(request.url).searchParams.get("ended");
  return {
    title: `${t("sessions.title")} – ${t("app.titleSuffix")}`,
    notice: notice === "one" ? ("sessions.ended" as const) : notice === "others" ? ("sessions.endedOthers" as const) : null,
    sessions: sessions.map((session) => {
      const device = describeUserAgent(session.userAgent);
      return {
        id: session.id,
        current: session.id === user.sessionId,
        device: device ? t("sessions.on", device) : t("sessions.unknownDevice"),
        started: formatDateTime(locale, session.createdAt),
        lastSeen: formatDateTime(locale, session.lastSeenAt),
        address: session.ipAddress ?? "",
      };
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

const endSessionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("end-others") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:session:own");
  const form = await parseForm(request, endSessionSchema);
  if (!form.ok) throw new Response(getTranslate(request)("error.badRequest.body"), { status: 400 });
  if (form.data.intent === "end-others") {
    await deleteSessionsOfUser({ userId: user.id, exceptSessionId: user.sessionId });
  } else {
    // Ownership is in the query: someone else's session id ends nothing.
    const ended = await deleteOwnSession({ sessionId: form.data.sessionId, userId: user.id });
    if (!ended) throw new Response(getTranslate(request)("error.notFound.title"), { status: 404 });
  }
  await recordAudit({
    action: "session.ended",
    actorId: user.id,
    targetType: "user",
    targetId: user.id,
    detail: { which: form.data.intent },
    ipAddress: clientAddress(),
  });
  const endedOwn = form.data.intent === "end" && form.data.sessionId === user.sessionId;
  return redirect(endedOwn ? "/login" : `/account/sessions?ended=${form.data.intent === "end" ? "one" : "others"}`);
}

export default function Sessions() {
  const { sessions, notice } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      {notice ? (
        <div className="notice notice--success" role="status">
          {t(notice)}
        </div>
      ) : null}
      <h1>{t("sessions.title")}</h1>
      <p className="lead">{t("sessions.lead")}</p>
      <p>
        <Link to="/account/password">{t("password.link")}</Link>
      </p>
      <TableRegion label={t("sessions.title")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("sessions.device")}</th>
              <th scope="col">{t("sessions.started")}</th>
              <th scope="col">{t("sessions.lastSeen")}</th>
              <th scope="col">{t("sessions.address")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("sessions.end")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {session.device} {session.current ? <span className="tag">{t("sessions.current")}</span> : null}
                </td>
                <td>{session.started}</td>
                <td>{session.lastSeen}</td>
                <td>{session.address}</td>
                <td>
                  {session.current ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end" />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button type="submit" className="button button--secondary" aria-label={t("sessions.endNamed", { device: session.device })}>
                        {t("sessions.end")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button button--secondary">
            {t("sessions.endOthers")}
          </button>
        </Form>
      ) : null}
      <h2>{t("privacy.data.title")}</h2>
      <p>{t("privacy.data.lead")}</p>
      <ul className="plain-list">
        <li>
          {/* A file, not a page: a plain link the browser downloads. */}
          <a href="/account/data.json" download>
            {t("privacy.data.download")}
          </a>
        </li>
        <li>
          <Link to="/privacy">{t("privacy.data.notice")}</Link>
        </li>
      </ul>
    </>
  );
}
