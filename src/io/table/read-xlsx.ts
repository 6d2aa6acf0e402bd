// Node only (see below): the one io module the browser never loads, so it may use node:stream.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";
import { Issue, issue } from "../../core/issues";
import { cellToText } from "./cell-text";
import { RawTable } from "./raw-table";

/**
 * Reading `.xlsx` files in Node (CLI, tests) with exceljs's streaming reader, which keeps memory
 * flat for 100,000-row sheets (the in-memory reader needs over 1 GB for 60k rows × 12 columns).
 * Node only: the task pane reads the active sheet's values instead (see from-values.ts).
 */

export interface XlsxReadOptions {
  /** File name for issue locations. */
  source: string;
  /** Sheet to read (name, case-insensitive); the first sheet when absent. */
  sheet?: string;
  /** Rows per callback of {@link streamXlsxRows} (default 5,000). */
  batchRows?: number;
  /** Give up when the zip reader makes no progress for this long (default 15 s): a damaged archive can stall it. */
  stallMs?: number;
}

export interface XlsxStreamResult {
  /** Name of the sheet read, or null when none was read. */
  sheet: string | null;
  /** Names of the sheets seen before the reader stopped. */
  sheets: string[];
  issues: Issue[];
  rowCount: number;
}

export interface XlsxReadResult {
  table: RawTable;
  sheet: string | null;
  issues: Issue[];
}

const EMPTY_ROW: string[] = [];

/**
 * True when the bytes end with a zip "end of central directory" record (signature `PK\x05\x06`
 * within the last 64 KB + 22 bytes). Files without one are empty, truncated or not zip archives at
 * all, and exceljs's zip reader can wait forever on some of them, so they are refused up front.
 */
export function hasZipDirectory(bytes: Uint8Array): boolean {
  if (bytes.length < 22) return false;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

class Stalled extends Error {}
class TooManyRows extends Error {}

/** Excel's last row: a sheet claiming a row after it is damaged (and would need that many rows in memory). */
export const XLSX_MAX_ROW = 1_048_576;

/**
 * Streams the rows of one sheet to `onRows` in batches with the sheet row number of each batch's
 * first row. Rows missing from the file (never written) are passed as empty rows, so row numbers
 * are the ones Excel shows. Cells become text by {@link cellToText}: dates ISO, numbers plain
 * decimals, rich text plain. A file that is no zip archive gives `file.unreadable`, a damaged workbook
 * `xlsx.damaged` or `xlsx.row_limit`: never an exception, never a hang.
 */
export async function streamXlsxRows(
  bytes: Uint8Array,
  options: XlsxReadOptions,
  onRows: (rows: string[][], firstRowNumber: number) => void,
): Promise<XlsxStreamResult> {
  const { source } = options;
  const batchRows = Math.max(1, options.batchRows ?? 5000);
  const wanted = options.sheet?.trim().toLowerCase();
  const sheets: string[] = [];
  const issues: Issue[] = [];
  let sheetRead: string | null = null;
  let batch: string[][] = [];
  let batchStart = 1;
  let nextRow = 1;
  const push = (row: string[]): void => {
    if (batch.length === 0) batchStart = nextRow;
    batch.push(row);
    nextRow++;
    if (batch.length >= batchRows) {
      onRows(batch, batchStart);
      batch = [];
    }
  };
  if (!hasZipDirectory(bytes)) {
    issues.push(issue("file.unreadable", { file: source, detail: "not an .xlsx workbook (no zip directory; empty, truncated or another format)" }, { source }));
    return { sheet: null, sheets, issues, rowCount: 0 };
  }
  const damage = zipDamage(bytes);
  if (damage !== null) {
    issues.push(issue("xlsx.damaged", { file: source, detail: damage }, { source }));
    return { sheet: null, sheets, issues, rowCount: 0 };
  }
  // Watchdog: every row or sheet counts as progress; a stalled zip reader becomes an issue.
  const stallMs = options.stallMs ?? 15_000;
  let progress = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    let seen = -1;
    timer = setInterval(() => {
      if (progress === seen) reject(new Stalled(`no progress for ${stallMs} ms (damaged archive?)`));
      seen = progress;
    }, stallMs);
  });
  stalled.catch(() => undefined);
  const work = async (): Promise<void> => {
    const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: "cache",
      styles: "cache", // number formats tell dates from numbers
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const worksheet of reader) {
      progress++;
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      sheets.push(name);
      if (sheetRead !== null) continue;
      if (wanted !== undefined && name.trim().toLowerCase() !== wanted) continue;
      sheetRead = name;
      for await (const row of worksheet) {
        progress++;
        const number = row.number;
        if (!(number <= XLSX_MAX_ROW)) throw new TooManyRows(String(number));
        while (nextRow < number) push(EMPTY_ROW);
        const values = row.values as unknown[]; // 1-based, sparse
        const cells = new Array<string>(Math.max(0, values.length - 1));
        for (let c = 1; c < values.length; c++) cells[c - 1] = unescapeXlsxText(cellToText(values[c]));
        push(cells);
      }
    }
  };
  try {
    await Promise.race([work(), stalled]);
  } catch (e) {
    // The reader's own error text ("Cannot read properties of undefined …") means nothing to a
    // user: the message says the workbook is damaged; the text stays in `detail` for support.
    const detail = e instanceof Error ? e.message : String(e);
    if (e instanceof TooManyRows) issues.push(issue("xlsx.row_limit", { file: source, row: detail, limit: XLSX_MAX_ROW }, { source }));
    else issues.push(issue("xlsx.damaged", { file: source, detail }, { source }));
  } finally {
    clearInterval(timer);
  }
  if (batch.length > 0) onRows(batch, batchStart);
  if (sheetRead === null && issues.length === 0) {
    if (wanted !== undefined) issues.push(issue("xlsx.sheet_not_found", { sheet: options.sheet ?? "", sheets: sheets.join(", ") }, { source }));
    else issues.push(issue("csv.empty_file", {}, { source }));
  }
  return { sheet: sheetRead, sheets, issues, rowCount: nextRow - 1 };
}

/**
 * Null when every entry of the archive inflates, else the inflater's error. exceljs's streaming
 * unzip does not fail on a damaged deflate stream (one flipped byte): it stalls until the watchdog
 * gives up, up to 30 s per file (issue 16 fuzzing). So the archive is inflated once beforehand,
 * entry by entry with the output discarded (memory stays small; about a tenth of exceljs's time).
 */
export function zipDamage(bytes: Uint8Array): string | null {
  let damage: string | null = null;
  let entries = 0;
  const unzip = new Unzip((file) => {
    entries++;
    file.ondata = (err) => {
      if (err && damage === null) damage = err.message;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    damage ??= e instanceof Error ? e.message : String(e);
  }
  return damage ?? (entries === 0 ? "no entries in the archive" : null);
}

/**
 * Text as Excel meant it: characters XML cannot hold (control characters) are written `_xHHHH_`
 * (ECMA-376 ST_Xstring; a literal `_x` is escaped as `_x005F_`). exceljs's streaming reader keeps
 * the escapes, so a NUL byte in a cell would arrive as the text `_x0000_`; decoded, the readers'
 * control-character guard sees it.
 */
export function unescapeXlsxText(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Reads one sheet of an `.xlsx` file into a RawTable (see {@link streamXlsxRows}). */
export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxReadResult> {
  const rows: string[][] = [];
  const r = await streamXlsxRows(bytes, { ...options, batchRows: Number.MAX_SAFE_INTEGER }, (batch) => {
    for (const row of batch) rows.push(row);
  });
  return { table: { source: options.source, rows, firstRowNumber: 1 }, sheet: r.sheet, issues: r.issues };
}
