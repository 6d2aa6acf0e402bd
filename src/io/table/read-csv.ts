import Papa from "papaparse";
import { Issue, issue } from "../../core/issues";
import { RawTable } from "./raw-table";

export type Delimiter = "," | ";" | "\t";

export interface CsvReadResult {
  table: RawTable;
  delimiter: Delimiter;
  issues: Issue[];
}

/**
 * Guesses the delimiter from the first non-blank lines: the candidate that appears most often outside
 * quotes and the same number of times on the first lines wins.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "").slice(0, 20);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of [";", ",", "\t"] as Delimiter[]) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const max = Math.max(0, ...counts);
    // The header is usually among the first lines; count how many lines reach the typical count.
    const score = max === 0 ? 0 : counts.filter((c) => c === max).length * 1000 + max;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * Parses CSV text (RFC 4180 quoting, fields with line breaks) into a RawTable of strings. Rows keep
 * their position: blank lines stay as empty rows so row numbers match what the user sees.
 */
export function readCsvText(text: string, source: string, delimiter?: Delimiter): CsvReadResult {
  const d = delimiter ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: d, skipEmptyLines: false, dynamicTyping: false });
  const issues: Issue[] = [];
  for (const e of parsed.errors) {
    // Row numbers from papaparse are 0-based data rows; with no header option they are file rows.
    if (e.code === "UndetectableDelimiter") continue;
    issues.push(issue("csv.malformed", { detail: e.message }, { source, row: (e.row ?? 0) + 1 }));
  }
  const rows = parsed.data.map((r) => (Array.isArray(r) ? r.map((c) => (c == null ? "" : String(c))) : []));
  // papaparse yields one trailing [""] row for a final line break.
  while (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === "") rows.pop();
  return { table: { source, rows, firstRowNumber: 1 }, delimiter: d, issues };
}
