// Autosave for the lesson editor, in plain browser code (no React), so its
// rules are easy to read:
// - every keystroke is copied to localStorage at once: a closed tab, a crash
//   or a dropped connection loses nothing;
// - a moment after typing stops, the form goes to the server with the
//   revision it was based on; the server refuses (409) a save from a stale
//   revision instead of overwriting someone else's newer work;
// - offline, it retries every few seconds and as soon as the browser is
//   back online; on leaving the page with unsaved work it sends a beacon.

export type SaveStatus = "saved" | "saving" | "unsaved" | "offline" | "conflict" | "invalid";

type Fields = Record<string, string>;
type LocalCopy = { revision: number; fields: Fields; at: number };

const FIELD_NAMES = ["title", "minutes", "passPercent", "body"];

export function autosaver(options: {
  form: HTMLFormElement;
  url: string;
  storageKey: string;
  revision: number;
  /** savedAt when saved; the first field problem's message key when invalid. */
  onStatus: (status: SaveStatus, savedAt?: Date, problem?: string) => void;
  delayMs?: number;
  retryMs?: number;
}) {
  const { form, url, storageKey } = options;
  const delayMs = options.delayMs ?? 1500;
  const retryMs = options.retryMs ?? 5000;
  let revision = options.revision;
  // The revision a kept local copy was based on, while it is older than the
  // one on screen and the person has not chosen what to keep: typing more
  // must not make it look current (it would then overwrite the newer save).
  let localBase: number | null = null;
  let status: SaveStatus = "saved";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;

  const read = (): Fields => {
    const data = new FormData(form);
    return Object.fromEntries(FIELD_NAMES.filter((name) => data.has(name)).map((name) => [name, String(data.get(name))]));
  };
  const same = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);
  let saved = read();

  const setStatus = (next: SaveStatus, at?: Date, problem?: string) => {
    status = next;
    options.onStatus(next, at, problem);
  };
  const keepLocal = () => {
    try {
      const copy: LocalCopy = { revision: localBase ?? revision, fields: read(), at: Date.now() };
      localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch {
      // Storage full or disabled (private mode): the server save still runs.
    }
  };
  const dropLocal = () => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Nothing to do.
    }
  };
  const setRevisionField = () => {
    const field = form.elements.namedItem("revision");
    if (field instanceof HTMLInputElement) field.value = String(revision);
  };
  const schedule = (ms = delayMs) => {
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), ms);
  };

  async function saveNow(): Promise<void> {
    clearTimeout(timer);
    if (status === "conflict") return;
    if (inFlight) {
      again = true;
      return;
    }
    const sent = read();
    if (same(sent, saved)) {
      dropLocal();
      if (status !== "saved") setStatus("saved");
      return;
    }
    inFlight = true;
    setStatus("saving");
    const body = new FormData();
    for (const [name, value] of Object.entries(sent)) body.set(name, value);
    body.set("revision", String(revision));
    try {
      const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" } });
      if (response.status === 409) {
        keepLocal();
        setStatus("conflict");
        return;
      }
      if (response.status >= 400 && response.status < 500) {
        // Not savable as it stands (say, an empty title): say why, keep the
        // text here, and wait for the next edit instead of retrying.
        const result = (await response.json().catch(() => null)) as { errors?: Record<string, string> } | null;
        keepLocal();
        setStatus("invalid", undefined, Object.values(result?.errors ?? {})[0]);
        return;
      }
      if (!response.ok) throw new Error(`autosave: HTTP ${response.status}`);
      const result = (await response.json()) as { revision: number; savedAt: string };
      revision = result.revision;
      setRevisionField();
      saved = sent;
      if (same(read(), sent)) {
        dropLocal();
        setStatus("saved", new Date(result.savedAt));
      } else {
        keepLocal();
        setStatus("unsaved");
        schedule();
      }
    } catch {
      keepLocal();
      setStatus("offline");
      schedule(retryMs);
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void saveNow();
      }
    }
  }

  const onOnline = () => {
    if (status === "offline") void saveNow();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (status !== "saved") event.preventDefault();
  };
  const onPageHide = () => {
    // Last chance when the tab closes: the local copy is already kept; this
    // also gets the text to the server if the network allows.
    if (status === "saved" || status === "conflict" || same(read(), saved)) return;
    const body = new FormData();
    for (const [name, value] of Object.entries(read())) body.set(name, value);
    body.set("revision", String(revision));
    navigator.sendBeacon?.(url, body);
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("beforeunload", onBeforeUnload);
  window.addEventListener("pagehide", onPageHide);

  return {
    /** Call on every edit. */
    changed() {
      keepLocal();
      if (status !== "conflict") {
        setStatus("unsaved");
        schedule();
      }
    },
    saveNow,
    /**
     * Puts back text typed here but never saved. "restored": it was based on
     * the revision on screen, so it is filled in and saved; "older": someone
     * saved since, and the person must choose (keepMine / useSaved).
     */
    restore(): "none" | "restored" | "older" {
      let copy: LocalCopy | null = null;
      try {
        copy = JSON.parse(localStorage.getItem(storageKey) ?? "null") as LocalCopy | null;
      } catch {
        copy = null;
      }
      if (!copy || same(copy.fields, saved)) {
        dropLocal();
        return "none";
      }
      for (const [name, value] of Object.entries(copy.fields)) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
      }
      if (copy.revision === revision) {
        this.changed();
        return "restored";
      }
      localBase = copy.revision;
      setStatus("conflict");
      return "older";
    },
    /** Save the text on screen over the newer saved version. */
    keepMine() {
      localBase = null;
      setStatus("unsaved");
      void saveNow();
    },
    /** Forget the local copy and show what is saved. */
    useSaved() {
      dropLocal();
      window.location.reload();
    },
    /** Leaving the editor inside the app: save what is pending now. */
    dispose() {
      if (status === "unsaved" || status === "offline") void saveNow();
      clearTimeout(timer);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("pagehide", onPageHide);
    },
  };
}
