import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form";
import { useT } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listOutboxMessages } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { outboxFiltersSchema } from "~/validation/outbox-filters";

// Admins: mail kept because no SMTP server is configured. The newest 50, or
// those to one address: the question asked here is usually "did the mail
// to this person go out?", and a reminder run can add hundreds at once.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const { to } = outboxFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const messages = await listOutboxMessages({ to, take: 50 });
  return {
    title: `${t("outbox.title")} – ${t("app.titleSuffix")}`,
    to,
    messages: messages.map((message) => ({ ...message, createdAt: formatDateTime(locale, message.createdAt) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Outbox() {
  const { messages, to } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.lead")}</p>
      <Form method="get" className="search-form" role="search">
        <TextField name="to" type="search" label={t("outbox.search")} defaultValue={to} spellCheck={false} autoComplete="off" />
        <button type="submit" className="button">
          {t("outbox.searchSubmit")}
        </button>
      </Form>
      {messages.length === 0 ? <p>{to ? t("outbox.noneFor", { to }) : t("outbox.empty")}</p> : null}
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
