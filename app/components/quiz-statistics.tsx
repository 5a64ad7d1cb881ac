import { TableRegion } from "~/components/table-region";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import type { QuestionStats } from "~/utils/quiz-stats";
import { formatPercent } from "~/utils/format";

// Item analysis as a table a trainer can act on: each question's facility
// and discrimination with a plain-words flag, and, folded under it (a
// <details>, no JavaScript), how often each response was given.

/** Moodle's rules of thumb: under 10 % or over 90 % facility, or discrimination under 20 %, deserve a look. */
function flagOf(row: QuestionStats): MessageKey | null {
  // Too few attempts say nothing yet.
  if (row.attempts < 10) return null;
  if (row.discrimination !== null && row.discrimination < 0) return "studio.quizStats.flag.negative";
  if (row.facility !== null && row.facility < 10) return "studio.quizStats.flag.hard";
  if (row.facility !== null && row.facility > 90) return "studio.quizStats.flag.easy";
  if (row.discrimination !== null && row.discrimination < 20) return "studio.quizStats.flag.weak";
  return null;
}

export function QuizStatisticsTable({ statistics }: { statistics: QuestionStats[] }) {
  const { t, locale } = useI18n();
  if (statistics.length === 0) return <p>{t("studio.quizStats.none")}</p>;
  return (
    <TableRegion label={t("studio.quizStats.caption")}>
      <table className="table">
        <caption className="visually-hidden">{t("studio.quizStats.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("studio.quizStats.question")}</th>
            <th scope="col">{t("studio.quizStats.attempts")}</th>
            <th scope="col">{t("studio.quizStats.facility")}</th>
            <th scope="col">{t("studio.quizStats.discrimination")}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.map((row) => {
            const flag = flagOf(row);
            const total = row.responses.reduce((sum, response) => sum + response.count, 0) || 1;
            return (
              <tr key={`${row.key}:${row.version}`}>
                <td>
                  <strong>{row.key}</strong> <span className="hint">({t(`studio.quizKind.${row.kind}`)})</span>
                  {flag ? (
                    <>
                      {" "}
                      <strong className="status-tag status-tag--due">{t(flag)}</strong>
                    </>
                  ) : null}
                  <details className="details">
                    <summary>{t("studio.quizStats.responses")}</summary>
                    <p>{row.text}</p>
                    <ul className="plain-list">
                      {row.responses.map((response) => (
                        <li key={response.response}>
                          {response.response === "" ? t("quiz.noAnswer") : row.kind === "truefalse" ? t(response.response === "true" ? "quiz.true" : "quiz.false") : response.response}
                          {": "}
                          {t("studio.quizStats.responseCount", { count: response.count, percent: formatPercent(locale, (response.count / total) * 100) })}
                          {response.credit > 0 ? ` · ${t("studio.quizStats.credit", { percent: Math.round(response.credit * 100) })}` : null}
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td>{row.attempts}</td>
                <td>{row.facility === null ? "—" : formatPercent(locale, row.facility)}</td>
                <td>{row.discrimination === null ? "—" : formatPercent(locale, row.discrimination)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
