import { TableRegion } from "~/components/table-region";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateField, SelectField } from "~/components/form";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listAuditEvents, type AuditAction } from "~/models/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";

const actionLabels: Record<AuditAction, MessageKey> = {
  "auth.sign_in": "audit.action.auth.sign_in",
  "auth.sign_in_failed": "audit.action.auth.sign_in_failed",
  "auth.sign_in_locked": "audit.action.auth.sign_in_locked",
  "auth.sign_out": "audit.action.auth.sign_out",
  "session.ended": "audit.action.session.ended",
  "people.imported": "audit.action.people.imported",
  "unit.created": "audit.action.unit.created",
  "unit.updated": "audit.action.unit.updated",
  "unit.merged": "audit.action.unit.merged",
  "password.reset_requested": "audit.action.password.reset_requested",
  "password.reset": "audit.action.password.reset",
  "password.changed": "audit.action.password.changed",
  "person.updated": "audit.action.person.updated",
  "person.disabled": "audit.action.person.disabled",
  "person.enabled": "audit.action.person.enabled",
  "role.granted": "audit.action.role.granted",
  "role.revoked": "audit.action.role.revoked",
  "course.created": "audit.action.course.created",
  "course.published": "audit.action.course.published",
  "course.archived": "audit.action.course.archived",
  "course.unarchived": "audit.action.course.unarchived",
  "competence.updated": "audit.action.competence.updated",
  "assignment.created": "audit.action.assignment.created",
  "assignment.removed": "audit.action.assignment.removed",
  "certificate.revoked": "audit.action.certificate.revoked",
  "certificate.templateSaved": "audit.action.certificate.templateSaved",
  "certificate.reissued": "audit.action.certificate.reissued",
  "person.extraTime": "audit.action.person.extraTime",
  "quiz.regraded": "audit.action.quiz.regraded",
  "bank.updated": "audit.action.bank.updated",
  "person.anonymised": "audit.action.person.anonymised",
  "privacy.accepted": "audit.action.privacy.accepted",
  "privacy.declined": "audit.action.privacy.declined",
  "privacy.downloaded": "audit.action.privacy.downloaded",
};

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(actionLabels, action);
}

const filtersSchema = z.object({
  action: z.string().refine(isAuditAction).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

// Vietnam's midnight, for date filters typed by a person in the province.
const vietnamMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);

// Admins: the audit log, newest first, filtered by action and dates.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit:any");
  const t = getTranslate(request);
  const locale = getLocale(request);
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const events = await listAuditEvents({
    take: 200,
    action: filters.action,
    from: filters.from ? vietnamMidnight(filters.from) : undefined,
    to: filters.to ? new Date(vietnamMidnight(filters.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  });
  return {
    filters,
    actions: Object.entries(actionLabels).map(([value, key]) => ({ value, label: t(key) })),
    title: `${t("audit.title")} – ${t("app.titleSuffix")}`,
    events: events.map((event) => ({
      id: event.id,
      when: formatDateTime(locale, event.occurredAt),
      who: event.actorName,
      what: isAuditAction(event.action) ? t(actionLabels[event.action]) : event.action,
      // Failed sign-ins name the address that was tried, not a person.
      target:
        event.detail && typeof event.detail === "object" && "email" in event.detail
          ? String(event.detail.email)
          : event.targetType === "user" && event.actorId === event.targetId
            ? (event.actorName ?? "")
            : [event.targetType, event.targetId].filter(Boolean).join(" "),
      address: event.ipAddress ?? "",
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function AuditLog() {
  const { events, filters, actions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      <Form method="get" className="search-form">
        <SelectField name="action" label={t("audit.what")} defaultValue={filters.action ?? ""} options={[{ value: "", label: t("people.any") }, ...actions]} />
        <DateField name="from" label={t("audit.from")} defaultValue={filters.from} />
        <DateField name="to" label={t("audit.to")} defaultValue={filters.to} />
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
      </Form>
      <TableRegion label={t("audit.title")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.address")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{event.when}</td>
                <td>{event.who ?? t("audit.nobody")}</td>
                <td>{event.what}</td>
                <td>{event.target}</td>
                <td>{event.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
