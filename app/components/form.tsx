import { useEffect, useRef, type Ref } from "react";
import { useT } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";

// Form parts after the GOV.UK Design System: an error summary at the top
// that links to each field, the error repeated above the field, labels
// always visible, large targets.

export type FormErrors = Partial<Record<string, MessageKey>>;

export function ErrorSummary({ errors, fieldOrder }: { errors: FormErrors | undefined; fieldOrder: string[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).sort(
    ([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b),
  );
  // With JavaScript, move focus to the summary so screen readers announce it.
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, errors]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t("form.errorSummary")}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([field, key]) =>
          key ? (
            <li key={field}>
              {field === "form" ? t(key) : <a href={`#${field}`}>{t(key)}</a>}
            </li>
          ) : null,
        )}
      </ul>
    </div>
  );
}

export function TextField({
  inputRef,
  ...props
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  defaultValue?: string;
  error?: MessageKey;
  hint?: string;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useT();
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={props.name}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {t(props.error)}
        </p>
      ) : null}
      <input
        className="input"
        ref={inputRef}
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        spellCheck={props.spellCheck}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: MessageKey;
}) {
  const t = useT();
  const errorId = `${props.name}-error`;
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={props.name}>
        {props.label}
      </label>
      {props.error ? (
        <p className="field-error" id={errorId}>
          {t(props.error)}
        </p>
      ) : null}
      <select
        className="input"
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateField(props: { name: string; label: string; defaultValue?: string }) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={props.name}>
        {props.label}
      </label>
      <input className="input input--date" id={props.name} name={props.name} type="date" defaultValue={props.defaultValue} />
    </div>
  );
}
