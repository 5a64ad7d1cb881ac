import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";

const messagesByStatus: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "error.badRequest.title", body: "error.badRequest.body" },
  403: { title: "error.forbidden.title", body: "error.forbidden.body" },
  404: { title: "error.notFound.title", body: "error.notFound.body" },
  503: { title: "error.unavailable.title", body: "error.unavailable.body" },
};
const genericMessages = { title: "error.generic.title", body: "error.generic.body" } as const;

/** What every error boundary shows: plain Vietnamese, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const messages = messagesByStatus[status] ?? genericMessages;
  return (
    <div className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(messages.title)}</h1>
      <p className="lead">{t(messages.body)}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
