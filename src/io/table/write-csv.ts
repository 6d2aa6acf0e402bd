import type { Delimiter } from "./read-csv";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes text safe for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading apostrophe so no spreadsheet runs it as a formula. Apply to text, never to numbers.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Reverses {@link neutralizeFormula} when our own files are read back. */
export function unneutralizeFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell for {@link toCsv}: text is neutralised, a number (already formatted) is written as is. */
export type CsvCell = string | { number: string };

/** Quotes a field when it contains the delimiter, a quote or a line break (RFC 4180). */
function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: Delimiter = ","): string {
  return rows
    .map((r) => r.map((c) => quote(typeof c === "string" ? neutralizeFormula(c) : c.number, delimiter)).join(delimiter))
    .join("\r\n") + "\r\n";
}
