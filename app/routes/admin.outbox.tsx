import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listOutboxMessages } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";

// Admins: mail kept because no SMTP server is configured.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const messages = await listOutboxMessages({ take: 50 });
  return {
    title: `${t("outbox.title")} – ${t("app.titleSuffix")}`,
    messages: messages.map((message) => ({ ...message, createdAt: formatDateTime(locale, message.createdAt) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.lead")}</p>
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="card mail">
          <h2 className="card__title">{message.subject}</h2>
          <p className="hint">
            {t("outbox.to", { to: message.to })} · {message.createdAt}
          </p>
          <pre className="mail__body">{message.text}</pre>
        </article>
      ))}
    </>
  );
}
