/**
 * Folds Vietnamese (and other accented) text for search: lower case, marks
 * removed, đ → d. "Nguyễn Văn Ân" → "nguyen van an", so a search typed with
 * or without diacritics finds the same people. Client-safe.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const vietnameseCollator = new Intl.Collator("vi", { numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), for lists sorted in JS. */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}

/**
 * The key official Vietnamese lists sort by: the given name (the last word)
 * first, then the rest — "Nguyễn Văn Ân" → "Ân Nguyễn Văn". Stored in a column
 * with the Vietnamese ICU collation. Keep in step with the migration that
 * filled it for existing people (…_people_sort_name).
 */
export function sortNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? "";
  return [given, ...words].join(" ").trim();
}

/** A full name with the two keys derived from it, always written together. */
export function nameFields(fullName: string) {
  return { fullName, searchName: foldForSearch(fullName), sortName: sortNameOf(fullName) };
}
