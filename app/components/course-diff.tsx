import { useT } from "~/i18n/context";
import type { CourseChange, LineChange } from "~/utils/course-content";

// What changed between two versions of a course, for trainers: a list of
// changes, each lesson's text as a line diff (added / removed lines marked
// in words as well as colour, for people who cannot tell red from green).

function Lines({ lines }: { lines: LineChange[] }) {
  const t = useT();
  // Only the changed lines and two lines of context around them.
  const keep = lines.map((line, index) => line.op !== "same" || lines.slice(Math.max(0, index - 2), index + 3).some((near) => near.op !== "same"));
  return (
    <div className="diff" role="region" aria-label={t("diff.after")} tabIndex={0}>
      {lines.map((line, index) =>
        keep[index] ? (
          <div key={index} className={`diff__line diff__line--${line.op}`}>
            <span className="diff__mark">{line.op === "added" ? "+" : line.op === "removed" ? "−" : " "}</span>
            {line.op !== "same" ? <span className="visually-hidden">{t(line.op === "added" ? "diff.lineAdded" : "diff.lineRemoved")}: </span> : null}
            <span>{line.text || " "}</span>
          </div>
        ) : keep[index - 1] ? (
          <div key={index} className="diff__gap">…</div>
        ) : null,
      )}
    </div>
  );
}

export function CourseDiff({ changes }: { changes: CourseChange[] }) {
  const t = useT();
  if (!changes.length) return <p>{t("studio.versions.noChanges")}</p>;
  return (
    <ul className="change-list">
      {changes.map((change, index) => {
        switch (change.kind) {
          case "field":
            return (
              <li key={index}>
                <p>{t("diff.changedField", { field: t(`diff.field.${change.field}`) })}</p>
                {change.field === "description" ? null : (
                  <dl className="summary-list summary-list--compact">
                    <div>
                      <dt>{t("diff.before")}</dt>
                      <dd>{change.before || "—"}</dd>
                    </div>
                    <div>
                      <dt>{t("diff.after")}</dt>
                      <dd>{change.after || "—"}</dd>
                    </div>
                  </dl>
                )}
              </li>
            );
          case "moduleAdded":
          case "moduleRemoved":
            return <li key={index}>{t(change.kind === "moduleAdded" ? "diff.moduleAdded" : "diff.moduleRemoved", { title: change.title })}</li>;
          case "moduleRenamed":
            return <li key={index}>{t("diff.moduleRenamed", { before: change.before, after: change.after })}</li>;
          case "itemAdded":
          case "itemRemoved":
            return (
              <li key={index}>
                {t(change.kind === "itemAdded" ? "diff.itemAdded" : "diff.itemRemoved", { kind: t(`studio.kind.${change.itemKind}`).toLowerCase(), title: change.title })}
              </li>
            );
          case "itemMoved":
            return <li key={index}>{t("diff.itemMoved", { title: change.title })}</li>;
          case "itemChanged":
            return (
              <li key={index}>
                <p>
                  {t("diff.itemChanged", { kind: t(`studio.kind.${change.itemKind}`).toLowerCase(), title: change.title })}
                  {change.previousTitle !== change.title ? ` ${t("diff.renamedFrom", { title: change.previousTitle })}` : null}
                </p>
                {change.fields.includes("quiz") ? <p>{t("diff.quizSettings")}</p> : null}
                {change.body ? <Lines lines={change.body} /> : null}
              </li>
            );
        }
      })}
    </ul>
  );
}
