// A value read from the database and kept in this process for a short
// while: for figures that every visitor sees and that may be a minute old
// without misleading anyone (the home page's count of units). Each process
// keeps its own copy; a write made through this process forgets it at once,
// one made through another process shows here within `ttlMs`.

export type Remembered<T> = { get: () => Promise<T>; forget: () => void };

/**
 * `load`'s answer, reused for `ttlMs`. A failed load is not kept; nor is an
 * answer `keep` refuses (an empty database that is about to be filled).
 */
export function rememberFor<T>(ttlMs: number, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Remembered<T> {
  let entry: { at: number; value: Promise<T> } | null = null;
  const forget = () => {
    entry = null;
  };
  return {
    forget,
    get() {
      const now = Date.now();
      if (entry && now - entry.at < ttlMs) return entry.value;
      const value = load();
      const mine = { at: now, value };
      entry = mine;
      value.then(
        (result) => {
          if (!keep(result) && entry === mine) forget();
        },
        () => {
          if (entry === mine) forget();
        },
      );
      return value;
    },
  };
}
