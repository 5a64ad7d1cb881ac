import { useEffect, useRef, type ChangeEvent, type Ref } from "react";
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
  /** When several fields share a name (rows of a list); the name otherwise. */
  id?: string;
  label: string;
  type?: "text" | "email" | "password" | "search";
  inputMode?: "numeric";
  autoComplete?: string;
  /** A <datalist> of suggestions (typing anything else stays possible). */
  list?: string;
  defaultValue?: string;
  error?: MessageKey;
  hint?: string;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useT();
  const id = props.id ?? props.name;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
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
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        list={props.list}
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
  id?: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  error?: MessageKey;
}) {
  const t = useT();
  const id = props.id ?? props.name;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
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
      <select
        className="input"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
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

export function TextArea({
  textareaRef,
  ...props
}: {
  name: string;
  label: string;
  defaultValue?: string;
  error?: MessageKey;
  hint?: string;
  rows?: number;
  className?: string;
  spellCheck?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  onChange?: (event: ChangeEvent<HTMLTextAreaElement>) => void;
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
      <textarea
        className={`input textarea ${props.className ?? ""}`}
        ref={textareaRef}
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        spellCheck={props.spellCheck}
        onChange={props.onChange}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** Checkboxes under one question (a fieldset with a legend), GOV.UK style. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  groups: { label?: string; options: { value: string; label: string }[] }[];
  checked: readonly string[];
  hint?: string;
}) {
  return (
    <fieldset className="form-group fieldset" id={props.name}>
      <legend className="label">{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.groups.map((group, index) => (
        <div key={group.label ?? index} className="checkbox-group">
          {group.label ? <p className="checkbox-group__label">{group.label}</p> : null}
          {group.options.map((option) => (
            <div key={option.value} className="checkbox">
              <input
                className="checkbox__input"
                type="checkbox"
                id={`${props.name}-${option.value}`}
                name={props.name}
                value={option.value}
                defaultChecked={props.checked.includes(option.value)}
              />
              <label className="checkbox__label" htmlFor={`${props.name}-${option.value}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}

/** Radios under one question (a fieldset with a legend), GOV.UK style. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  error?: MessageKey;
  hint?: string;
}) {
  const t = useT();
  return (
    <fieldset className={`form-group fieldset${props.error ? " form-group--error" : ""}`} id={props.name}>
      <legend className="label">{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.error ? <p className="field-error">{t(props.error)}</p> : null}
      {props.options.map((option) => (
        <div key={option.value} className="checkbox">
          <input
            className="checkbox__input"
            type="radio"
            id={`${props.name}-${option.value}`}
            name={props.name}
            value={option.value}
            defaultChecked={props.defaultValue === option.value}
          />
          <label className="checkbox__label" htmlFor={`${props.name}-${option.value}`}>
            {option.label}
            {option.hint ? <span className="hint checkbox__hint">{option.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
