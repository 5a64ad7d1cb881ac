/**
 * Parses CSV as spreadsheets write it (RFC 4180: quoted fields, "" inside
 * quotes, CRLF or LF). Excel set to Vietnamese writes ";" between fields
 * (the comma is the decimal mark there), so the separator is taken from the
 * header line. A leading byte-order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, "");
  const headerLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = (headerLine.match(/;/g) ?? []).length > (headerLine.match(/,/g) ?? []).length ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines carry nothing.
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

/**
 * One CSV line as spreadsheets read it (RFC 4180). A text cell that starts
 * like a formula (= + - @, or a tab or return) gets a leading apostrophe, so
 * Excel shows it instead of running it (CSV injection).
 */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells
    .map((cell) => {
      if (cell === null) return "";
      if (typeof cell === "number") return String(cell);
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(",")}\r\n`;
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Vietnamese marks intact). */
export const CSV_BOM = "\uFEFF";
