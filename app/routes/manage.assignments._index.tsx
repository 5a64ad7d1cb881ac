import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dueText, targetText } from "~/components/assignment-text";
import { useI18n } from "~/i18n/context";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { listAssignments } from "~/models/assignment.server";
import { assignScope } from "~/services/assignments.server";
import { requireAnyPermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";

// Mandatory training rules HR has set, within the viewer's units.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, ["assign:course:scope", "assign:course:any"]);
  const t = getTranslate(request);
  const locale = getLocale(request);
  const rules = await listAssignments({ scopeUnitIds: await assignScope(user) });
  return {
    title: `${t("assignments.title")} – ${t("app.titleSuffix")}`,
    rules: rules.map((rule) => ({
      ...rule,
      dueDate: rule.dueDate ? formatDate(locale, rule.dueDate) : null,
      removedAt: rule.removedAt ? formatDate(locale, rule.removedAt) : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Assignments() {
  const { rules } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t("assignments.title")}</h1>
      <p className="lead">{t("assignments.lead")}</p>
      <p>
        <Link className="button" to="/manage/assignments/new">
          {t("assignments.new")}
        </Link>
      </p>
      {rules.length ? (
        <div className="table-scroll" role="region" aria-label={t("assignments.title")} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("assignments.column.course")}</th>
                <th scope="col">{t("assignments.column.target")}</th>
                <th scope="col">{t("assignments.column.due")}</th>
                <th scope="col">{t("assignments.column.people")}</th>
                <th scope="col">{t("assignments.column.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td>
                    <Link to={`/manage/assignments/${rule.id}`}>{rule.course.title}</Link>
                  </td>
                  <td>{targetText(t, rule)}</td>
                  <td>{dueText(t, rule)}</td>
                  <td>{rule.people}</td>
                  <td>{rule.removedAt ? t("assignments.removedOn", { date: rule.removedAt }) : t("assignments.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("assignments.empty")}</p>
      )}
    </>
  );
}
