import { neutralizeText } from "../export/neutralize";
import type { Delimiter } from "./read-csv";

// One formula-injection guard for every writer (CSV, xlsx, worksheets): see io/export/neutralize.ts.
export { neutralizeText as neutralizeFormula, unneutralizeText as unneutralizeFormula } from "../export/neutralize";

/** A cell for {@link toCsv}: text is neutralised, a number (already formatted) is written as is. */
export type CsvCell = string | { number: string };

/** Quotes a field when it contains the delimiter, a quote or a line break (RFC 4180). */
export function quoteCsvField(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: Delimiter = ","): string {
  return rows
    .map((r) => r.map((c) => quoteCsvField(typeof c === "string" ? neutralizeText(c) : c.number, delimiter)).join(delimiter))
    .join("\r\n") + "\r\n";
}
