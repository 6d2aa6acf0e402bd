/**
 * A table of text cells as read from a CSV file, an xlsx sheet or an Excel range: the common input
 * of every reader. Row i of `rows` is row `firstRowNumber + i` as the user sees it.
 */
export interface RawTable {
  /** File or sheet name, for issue locations. */
  source: string;
  rows: string[][];
  /** 1-based number of rows[0] in the source (1 for a file read from the top). */
  firstRowNumber: number;
}

/** Excel-style column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True when every cell of the row is empty or whitespace. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === "");
}

/** Normalises a header cell for matching: trimmed, lower case, inner whitespace collapsed, BOM removed. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * A header cell reduced for alias matching: lower case, without BOM, spaces, `_`, `-` and `.`, so
 * `CustomerId`, `Customer ID`, `customer_id` and `CUSTOMER-ID` are the same column.
 */
export function headerKey(cell: string): string {
  return cell.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s_\-.]+/g, "");
}

/**
 * Index into `rows` of the header: the first of the first `maxScan` non-blank rows that `accepts`
 * (title lines and blank lines above it are skipped). -1 when none is accepted.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], accepts: (row: readonly string[]) => boolean, maxScan = 50): number {
  let seen = 0;
  for (let i = 0; i < rows.length && seen < maxScan; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    seen++;
    if (accepts(row)) return i;
  }
  return -1;
}
