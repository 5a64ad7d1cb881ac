import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { createTranslate, type Locale, type MessageKey, type Messages, type Translate } from "./i18n";

/**
 * `isKey`: for keys that arrive as data (an error key in a JSON reply).
 * `addMessages`: the browser's staff messages, once loaded (root.tsx).
 */
type I18n = { locale: Locale; t: Translate; isKey: (key: string) => key is MessageKey; addMessages: (more: Partial<Messages>) => void };

const I18nContext = createContext<I18n | null>(null);

/**
 * Wraps the whole app (in entry.server.tsx and entry.client.tsx, outside
 * Remix) so that every component, error boundaries included, can translate.
 */
export function I18nProvider(props: { locale: Locale; messages: Messages; children: ReactNode }) {
  const { locale, children } = props;
  const [added, setAdded] = useState<Partial<Messages> | null>(null);
  // The server renders every page with one of two catalogs: copying one on
  // each render cost more than the page's translating. Only the browser,
  // once it has fetched the staff messages, makes a catalog of its own.
  const messages = useMemo(() => (added ? { ...props.messages, ...added } : props.messages), [props.messages, added]);
  const addMessages = useCallback((more: Partial<Messages>) => setAdded((before) => ({ ...before, ...more })), []);
  const value = useMemo(
    () => ({ locale, t: createTranslate(locale, messages), isKey: (key: string): key is MessageKey => Object.hasOwn(messages, key), addMessages }),
    [locale, messages, addMessages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
