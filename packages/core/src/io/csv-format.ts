/**
 * Writing CSV that spreadsheets open safely and correctly: RFC 4180 quoting (fields holding a
 * comma, quote, CR or LF are quoted, quotes doubled), CRLF line ends, and formula neutralisation —
 * a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so Excel and WPS show it
 * as text instead of running it (OWASP "CSV injection"). Files start with a UTF-8 byte order mark
 * ({@link CSV_BOM}) so Excel reads Chinese text as UTF-8.
 */

/** The UTF-8 byte order mark, as the first character of a CSV file. */
export const CSV_BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** `'` before a cell a spreadsheet would evaluate; other text unchanged. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: neutralised, then quoted if RFC 4180 requires it. */
export function formatCsvCell(text: string): string {
  const safe = neutralizeFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One CSV record, CRLF-terminated.
 *
 * @example
 * ```ts
 * formatCsvRow(['张伟', '=1+1', 'a "quoted", text']); // '张伟,\'=1+1,"a ""quoted"", text"\r\n'
 * ```
 */
export function formatCsvRow(cells: readonly string[]): string {
  return `${cells.map(formatCsvCell).join(',')}\r\n`;
}

/** Undoes {@link neutralizeFormula} on import: `'=1+1` → `=1+1`; anything else unchanged. */
export function restoreFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1))
    ? text.slice(1)
    : text;
}
