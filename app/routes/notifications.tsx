import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { notificationParams } from "~/utils/notification-params";
import { getTranslate } from "~/i18n/translate.server";
import { listNotifications, markAllRead } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";

// A person's notifications (assignments, reminders, digests), newest first.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const rows = await listNotifications({ userId: user.id });
  return {
    title: `${t("notifications.title")} – ${t("app.titleSuffix")}`,
    notifications: rows.map((row) => ({
      id: row.id,
      text: t(`notification.${row.kind}`, notificationParams(row.params, locale)),
      link: row.link,
      at: formatDateTime(locale, row.createdAt),
      unread: row.readAt === null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead({ userId: user.id });
  return redirect("/notifications", { headers: { "Set-Cookie": flashCookie(getTranslate(request)("notifications.marked")) } });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      {notifications.some((row) => row.unread) ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length ? (
        <ul className="notification-list">
          {notifications.map((row) => (
            <li key={row.id} className={`notification${row.unread ? " notification--unread" : ""}`}>
              {row.unread ? <strong className="status-tag">{t("notifications.unread")}</strong> : null} {row.text}{" "}
              {row.link ? <Link to={row.link}>{t("notifications.open")}</Link> : null}
              <p className="hint">{row.at}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("notifications.empty")}</p>
      )}
    </>
  );
}
