import Papa from "papaparse";
import { Issue, issue } from "../../core/issues";
import { RawTable } from "./raw-table";

export type Delimiter = "," | ";" | "\t" | "|";

/** The delimiters guessed when nothing else is known (a pipe only where a profile names it: `|` also appears inside values). */
export const DETECTED_DELIMITERS: readonly Delimiter[] = [";", ",", "\t"];

export interface CsvReadResult {
  table: RawTable;
  delimiter: Delimiter;
  issues: Issue[];
}

/** How much of the text the delimiter guess looks at: enough for title lines and a header. */
const DETECT_SAMPLE_CHARS = 64 * 1024;

/**
 * Guesses the delimiter from the first non-blank lines: the candidate that appears most often outside
 * quotes and the same number of times on the first lines wins. Only the first 64 KB are looked at,
 * so a 100,000-row file is not split into lines twice. Ties go to the earlier candidate.
 */
export function detectDelimiter(text: string, candidates: readonly Delimiter[] = DETECTED_DELIMITERS): Delimiter {
  const sample = text.length > DETECT_SAMPLE_CHARS ? text.slice(0, DETECT_SAMPLE_CHARS) : text;
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "").slice(0, 20);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of candidates) {
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
  const rows: string[][] = [];
  const { delimiter: d, issues } = streamCsvText(text, { source, delimiter, batchRows: Number.MAX_SAFE_INTEGER }, (batch) => {
    for (const r of batch) rows.push(r);
  });
  return { table: { source, rows, firstRowNumber: 1 }, delimiter: d, issues };
}

export interface CsvStreamOptions {
  /** File name for issue locations. */
  source: string;
  /** Forced delimiter; guessed from the first 64 KB when absent. */
  delimiter?: Delimiter;
  /** Rows per callback (default 5,000). */
  batchRows?: number;
}

export interface CsvStreamResult {
  delimiter: Delimiter;
  issues: Issue[];
  /** Rows handed to the callback (blank rows included, the trailing line break's empty row not). */
  rowCount: number;
}

/** Issues of one kind listed at most; the rest are counted in one summary issue. */
const MAX_CSV_ISSUES = 100;

/**
 * Parses CSV text row by row and hands the rows to `onRows` in batches, each with the 1-based row
 * number of its first row, so a caller (a Web Worker, the CLI) can map rows while parsing and never
 * needs the whole table in memory. Row numbers count records as a spreadsheet shows them: a quoted
 * field with line breaks is one row. Blank rows are passed on; the empty row papaparse reports after
 * the final line break is not.
 */
export function streamCsvText(
  text: string,
  options: CsvStreamOptions,
  onRows: (rows: string[][], firstRowNumber: number) => void,
): CsvStreamResult {
  const { source } = options;
  const batchRows = Math.max(1, options.batchRows ?? 5000);
  const d = options.delimiter ?? detectDelimiter(text);
  const issues: Issue[] = [];
  let dropped = 0;
  let batch: string[][] = [];
  let batchStart = 1;
  let nextRow = 1;
  // Rows that are a single empty cell are held back: at the end of the text they are not rows.
  let pendingEmpty = 0;
  const push = (row: string[]): void => {
    if (batch.length === 0) batchStart = nextRow;
    batch.push(row);
    nextRow++;
    if (batch.length >= batchRows) {
      onRows(batch, batchStart);
      batch = [];
    }
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  Papa.parse<string[]>(body, {
    delimiter: d,
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (results) => {
      // Without dynamicTyping papaparse yields string cells; the row array is used as it is.
      const data: unknown = results.data;
      const row = Array.isArray(data) ? (data as string[]) : [];
      for (const e of results.errors) {
        if (e.code === "UndetectableDelimiter") continue;
        if (issues.length >= MAX_CSV_ISSUES) dropped++;
        else issues.push(issue("csv.malformed", { detail: e.message }, { source, row: nextRow + pendingEmpty }));
      }
      if (row.length === 1 && row[0] === "") {
        pendingEmpty++;
        return;
      }
      for (; pendingEmpty > 0; pendingEmpty--) push([""]);
      push(row);
    },
  });
  if (batch.length > 0) onRows(batch, batchStart);
  if (dropped > 0) issues.push(issue("io.issues_truncated", { count: dropped, code: "csv.malformed" }, { source }, "warning"));
  return { delimiter: d, issues, rowCount: nextRow - 1 };
}
