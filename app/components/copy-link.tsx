import { useId, useState, useSyncExternalStore } from "react";
import { useT } from "~/i18n/context";

// An address to hand on (a certificate's verification page): shown in full
// in a read-only box anyone can select and copy, with a "Sao chép" button
// once JavaScript runs, whose result is announced politely.
const noSubscription = () => () => {};

export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useT();
  const id = useId();
  // False on the server and while hydrating; true once the browser can copy.
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("copyLink.copied"));
    } catch {
      setStatus(t("copyLink.failed"));
    }
  };
  return (
    <div className="copy-link">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="inline-row">
        <input className="input copy-link__input" id={id} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        {canCopy ? (
          <button type="button" className="button button--secondary" onClick={copy}>
            {t("copyLink.copy")}
          </button>
        ) : null}
      </div>
      <p className="hint" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
