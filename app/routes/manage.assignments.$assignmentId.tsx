import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { dueText, targetText } from "~/components/assignment-text";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { getAssignment, removeAssignment } from "~/models/assignment.server";
import { recordAudit } from "~/models/audit.server";
import { assignScope } from "~/services/assignments.server";
import { requireAnyPermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { isUuid } from "~/utils/ids";
import { clientAddress } from "~/utils/request-context.server";

// One training rule: who it covers now and their status (done, overdue), who
// it covered before (history), and removing it.
const permissions = ["assign:course:scope", "assign:course:any"] as const;

async function load(request: Request, assignmentId: string | undefined) {
  const user = await requireAnyPermission(request, [...permissions]);
  const found = isUuid(assignmentId) ? await getAssignment({ assignmentId, scopeUnitIds: await assignScope(user) }) : null;
  if (!found) throw new Response(getTranslate(request)("assignments.notFound"), { status: 404 });
  return { user, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await load(request, params.assignmentId);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const date = (value: Date | null) => (value ? formatDate(locale, value) : null);
  const person = (row: (typeof found.current)[number]) => ({ ...row, assignedOn: date(row.assignedOn), dueOn: date(row.dueOn), endedOn: date(row.endedOn) });
  return {
    title: `${found.rule.course.title} – ${t("assignments.title")} – ${t("app.titleSuffix")}`,
    rule: { ...found.rule, dueDate: date(found.rule.dueDate), removedAt: date(found.rule.removedAt) },
    current: found.current.map(person),
    past: found.past.map(person),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found } = await load(request, params.assignmentId);
  await removeAssignment({ assignmentId: found.rule.id });
  await recordAudit({ action: "assignment.removed", actorId: user.id, targetType: "assignment", targetId: found.rule.id, ipAddress: clientAddress() });
  return redirect(`/manage/assignments/${found.rule.id}`, { headers: { "Set-Cookie": flashCookie(getTranslate(request)("assignments.removed")) } });
}

export default function Assignment() {
  const { rule, current, past } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const count = (status: string) => current.filter((row) => row.status === status).length;
  return (
    <>
      <p>
        <Link to="/manage/assignments">{t("assignments.back")}</Link>
      </p>
      <h1>{rule.course.title}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("assignments.column.target")}</dt>
          <dd>{targetText(t, rule)}</dd>
        </div>
        <div>
          <dt>{t("assignments.column.due")}</dt>
          <dd>{dueText(t, rule)}</dd>
        </div>
        <div>
          <dt>{t("assignments.column.state")}</dt>
          <dd>{rule.removedAt ? t("assignments.removedOn", { date: rule.removedAt }) : t("assignments.active")}</dd>
        </div>
      </dl>
      <p className="lead">{t("assignments.summary", { count: current.length, done: count("done"), overdue: count("overdue") })}</p>

      <h2>{t("assignments.current")}</h2>
      {current.length ? <People rows={current} /> : <p>{t("assignments.noneCurrent")}</p>}
      {past.length ? (
        <>
          <h2>{t("assignments.past")}</h2>
          <People rows={past} />
        </>
      ) : null}
      {rule.removedAt ? null : (
        <Form method="post" className="narrow">
          <p className="hint">{t("assignments.removeHint")}</p>
          <button type="submit" className="button button--warning">
            {t("assignments.remove")}
          </button>
        </Form>
      )}
    </>
  );
}

type Row = { id: string; fullName: string; unit: string; assignedOn: string | null; dueOn: string | null; endedOn: string | null; status: "done" | "overdue" | "due" };

function People({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  const ended = rows.some((row) => row.endedOn);
  return (
    <div className="table-scroll" role="region" aria-label={t("assignments.column.name")} tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("assignments.column.name")}</th>
            <th scope="col">{t("assignments.column.unit")}</th>
            <th scope="col">{t("assignments.column.assignedOn")}</th>
            <th scope="col">{t("assignments.column.dueOn")}</th>
            <th scope="col">{t("assignments.column.status")}</th>
            {ended ? <th scope="col">{t("assignments.column.endedOn")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.fullName}</td>
              <td>{row.unit}</td>
              <td>{row.assignedOn}</td>
              <td>{row.dueOn}</td>
              <td>
                <strong className={`status-tag status-tag--${row.status}`}>{t(`assignments.status.${row.status}`)}</strong>
              </td>
              {ended ? <td>{row.endedOn}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
