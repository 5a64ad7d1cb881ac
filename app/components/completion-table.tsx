import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/context";
import { formatNumber, formatPercent } from "~/utils/format";

// Completion by unit as a table: the numbers behind the chart, and the way
// down the tree (each unit's name opens its own breakdown).

export type CompletionRow = { unitId: string; name: string; code: string; assigned: number; done: number; overdue: number; due: number; rate: number | null };

export function CompletionTable({ rows, caption, linkFor }: { rows: CompletionRow[]; caption: string; linkFor: (unitId: string) => string }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.column.unit")}</th>
            <th scope="col">{t("reports.column.assigned")}</th>
            <th scope="col">{t("reports.column.done")}</th>
            <th scope="col">{t("reports.column.rate")}</th>
            <th scope="col">{t("reports.column.overdue")}</th>
            <th scope="col">{t("reports.column.due")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row">
                <Link to={linkFor(row.unitId)}>{row.name}</Link> <span className="hint">({row.code})</span>
              </th>
              <td>{formatNumber(locale, row.assigned)}</td>
              <td>{formatNumber(locale, row.done)}</td>
              <td>{row.rate === null ? "—" : formatPercent(locale, row.rate)}</td>
              <td>{row.overdue ? <strong className="status-tag status-tag--overdue">{formatNumber(locale, row.overdue)}</strong> : "0"}</td>
              <td>{formatNumber(locale, row.due)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
