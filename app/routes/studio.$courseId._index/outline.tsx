import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/context";

// The course outline in the studio. Reordering is by buttons, not drag and
// drop: each "Lên"/"Xuống" is a small form, so it works from the keyboard,
// with a screen reader and without JavaScript. After a move the page comes
// back with ?focus=…, and focus returns to the button just pressed.

type Item = { id: string; title: string; kind: "LESSON" | "QUIZ"; minutes: number };
type Module = { id: string; title: string; items: Item[] };

function MoveButtons({ intent, idName, id, title, first, last }: { intent: string; idName: string; id: string; title: string; first: boolean; last: boolean }) {
  const t = useT();
  const prefix = intent === "moveModule" ? "module" : "item";
  return (
    <Form method="post" preventScrollReset className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <button type="submit" name="direction" value="up" className="button button--small button--secondary" id={`${prefix}-up-${id}`} disabled={first} aria-label={t("studio.moveUpLabel", { title })}>
        {t("studio.moveUp")}
      </button>
      <button type="submit" name="direction" value="down" className="button button--small button--secondary" id={`${prefix}-down-${id}`} disabled={last} aria-label={t("studio.moveDownLabel", { title })}>
        {t("studio.moveDown")}
      </button>
    </Form>
  );
}

function AddItemForm({ moduleId }: { moduleId: string }) {
  const t = useT();
  const field = `new-item-${moduleId}`;
  return (
    <Form method="post" className="add-form">
      <input type="hidden" name="intent" value="addItem" />
      <input type="hidden" name="moduleId" value={moduleId} />
      <label className="label label--small" htmlFor={field}>
        {t("studio.itemTitle")}
      </label>
      <input className="input" id={field} name="title" required maxLength={200} />
      <div className="button-group">
        <button type="submit" name="kind" value="LESSON" className="button button--small">
          {t("studio.addLesson")}
        </button>
        <button type="submit" name="kind" value="QUIZ" className="button button--small button--secondary">
          {t("studio.addQuiz")}
        </button>
      </div>
    </Form>
  );
}

/** "Delete this lesson?": the second step of deleting, focused when it appears. */
export function ConfirmDelete({ courseId, itemId, title }: { courseId: string; itemId: string; title: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [itemId]);
  return (
    <div className="notice notice--warning" role="alert" tabIndex={-1} ref={ref}>
      <p>{t("studio.confirmDelete", { title })}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="intent" value="deleteItem" />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button button--warning">
            {t("studio.confirmDeleteYes")}
          </button>
        </Form>
        <Link to={`/studio/${courseId}#item-${itemId}`}>{t("studio.confirmDeleteNo")}</Link>
      </div>
    </div>
  );
}

export function Outline({ courseId, modules }: { courseId: string; modules: Module[] }) {
  const t = useT();
  const location = useLocation();
  useEffect(() => {
    const target = new URLSearchParams(location.search).get("focus");
    if (!target) return;
    // The button just pressed; if the row reached the end (button now
    // disabled), its partner, so focus never falls back to the page top.
    const pressed = document.getElementById(target);
    const partner = document.getElementById(target.replace(/-(up|down)-/, (_, dir: string) => (dir === "up" ? "-down-" : "-up-")));
    const button = pressed instanceof HTMLButtonElement && !pressed.disabled ? pressed : partner;
    button?.focus();
  }, [location.search, location.key]);

  return (
    <section aria-labelledby="outline" className="studio-outline">
      <h2 id="outline">{t("studio.outline")}</h2>
      <p className="hint">{t("studio.outlineHint")}</p>
      <ol className="studio-modules">
        {modules.map((module, moduleIndex) => (
          <li key={module.id} id={`module-${module.id}`} className="studio-module">
            <div className="studio-module__head">
              <h3 className="studio-module__title">{t("course.module", { number: moduleIndex + 1, title: module.title })}</h3>
              <MoveButtons intent="moveModule" idName="moduleId" id={module.id} title={module.title} first={moduleIndex === 0} last={moduleIndex === modules.length - 1} />
            </div>
            {module.items.length ? (
              <ol className="studio-items">
                {module.items.map((item, itemIndex) => {
                  const first = moduleIndex === 0 && itemIndex === 0;
                  const last = moduleIndex === modules.length - 1 && itemIndex === module.items.length - 1;
                  return (
                    <li key={item.id} id={`item-${item.id}`} className="studio-item">
                      <span className="studio-item__kind">{t(`studio.kind.${item.kind}`)}</span>
                      <Link to={`/studio/${courseId}/items/${item.id}`} className="studio-item__title" aria-label={t("studio.editItem", { title: item.title })}>
                        {item.title}
                      </Link>
                      <MoveButtons intent="moveItem" idName="itemId" id={item.id} title={item.title} first={first} last={last} />
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="deleteItem" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <button type="submit" className="button button--small button--warning" aria-label={t("studio.deleteLabel", { title: item.title })}>
                          {t("studio.delete")}
                        </button>
                      </Form>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="hint">{t("studio.emptyModule")}</p>
            )}
            <AddItemForm moduleId={module.id} />
            <details className="studio-module__tools">
              <summary>{t("studio.renameModule")}</summary>
              <Form method="post" className="add-form">
                <input type="hidden" name="intent" value="renameModule" />
                <input type="hidden" name="moduleId" value={module.id} />
                <label className="label label--small" htmlFor={`rename-${module.id}`}>
                  {t("studio.moduleTitle")}
                </label>
                <input className="input" id={`rename-${module.id}`} name="title" defaultValue={module.title} required maxLength={200} />
                <button type="submit" className="button button--small button--secondary">
                  {t("studio.renameModule")}
                </button>
              </Form>
              {module.items.length === 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="deleteModule" />
                  <input type="hidden" name="moduleId" value={module.id} />
                  <button type="submit" className="button button--small button--warning">
                    {t("studio.deleteModule")}
                  </button>
                </Form>
              ) : null}
            </details>
          </li>
        ))}
      </ol>
      <Form method="post" className="add-form">
        <input type="hidden" name="intent" value="addModule" />
        <label className="label" htmlFor="new-module">
          {t("studio.moduleTitle")}
        </label>
        <input className="input" id="new-module" name="title" required maxLength={200} />
        <button type="submit" className="button button--secondary">
          {t("studio.addModule")}
        </button>
      </Form>
    </section>
  );
}
