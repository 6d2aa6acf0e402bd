import type { Result } from "../core/issues";
import type { RawTable } from "../io/table/raw-table";

/**
 * The workbook port: everything the task pane and the app code do with the open workbook. Only
 * src/excel touches Office.js; callers see plain values (RawTable in, cells out) and Results.
 */

/** How a column is typed and shown in Excel. */
export type ColumnKind = "text" | "id" | "date" | "money" | "decimal" | "integer";

/** A cell to write: text, or `{ number }` (a decimal string) for numeric cells — the CsvCell shape. */
export type SheetCell = string | { number: string };

/** What was read: the sheet, the A1 address of the read range, and its cells as a RawTable. */
export interface SheetRead {
  sheet: string;
  /** Sheet-qualified address of the range read, e.g. `'Abgleich 2026-10'!A1:V41`. */
  address: string;
  /**
   * Cells as text (dates in date-formatted cells as ISO `YYYY-MM-DD`, numbers as plain decimals).
   * `source` is the sheet name and `firstRowNumber` the sheet row of `rows[0]`; rows are padded on
   * the left with empty cells when the range does not start in column A, so a column's index in a
   * row is its sheet column (issues name `effective_date (K)` and {@link withCells} gives `Sheet!K5`).
   */
  table: RawTable;
  /** The Excel table the cells came from, when there was one. */
  tableName?: string;
}

/** A drop-down list for one column (by header name). */
export interface ListValidation {
  column: string;
  list: readonly string[];
}

export interface WriteTableOptions {
  /** Excel table name (letters, digits, `_`; unique in the workbook); none = plain range with an autofilter. */
  tableName?: string;
  /** Kind per header name; columns not named are text. */
  columns?: Readonly<Record<string, ColumnKind>>;
  /** Fill colour of each data row by the value of `column` (e.g. `{ unchanged: "#E2EFDA" }`). */
  status?: { column: string; colours: Readonly<Record<string, string>> };
  /** In-cell drop-downs (long lists go to a hidden helper sheet). */
  validation?: readonly ListValidation[];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
  /** Filter buttons on the header (default true). */
  filters?: boolean;
  /** Replace a sheet of the same name (default false: an existing sheet is an error). */
  replace?: boolean;
  /** Make the sheet the active one when done (default true). */
  activate?: boolean;
  /** Called after each chunk is in the workbook. */
  onProgress?: (rowsDone: number, total: number) => void;
  /** Cancels between chunks; the workbook is left as it was. */
  signal?: AbortSignal;
}

export interface WriteTableResult {
  sheet: string;
  tableName: string | null;
  /** Sheet-qualified address of header plus data. */
  address: string;
  /** Data rows written (without the header). */
  rowsWritten: number;
  /** `context.sync()` calls made by this write. */
  syncs: number;
  /** Value chunks that were synced (after any halving). */
  chunks: number;
}

export interface WorkbookGateway {
  /** Names of the visible worksheets in tab order. */
  listSheets(): Promise<string[]>;
  /** The used range of the active sheet. */
  readActiveSheet(): Promise<Result<SheetRead>>;
  /** The used range of a named sheet. */
  readSheet(name: string): Promise<Result<SheetRead>>;
  /** The selected range (clipped to the used range). */
  readSelection(): Promise<Result<SheetRead>>;
  /**
   * A table to be read by its header names: the Excel table of that name, else the (first) table on
   * the sheet of that name, else the sheet's used range. Rows keep their sheet row numbers.
   */
  readTableByHeaders(sheetOrTable: string): Promise<Result<SheetRead>>;
  /**
   * Writes `rows` (first row = header) to a new sheet as an Excel table, in chunks that stay under
   * the request payload budget. Text is never written as a formula. Atomic from the user's view:
   * the data goes to a temporary sheet that replaces the target only when complete.
   */
  writeTable(sheet: string, rows: readonly (readonly SheetCell[])[], options?: WriteTableOptions): Promise<Result<WriteTableResult>>;
  activateSheet(name: string): Promise<Result<void>>;
  /**
   * Activates `sheet` and selects `address` on it (`K5`, `A2:C2`): a cell a message names, clicked
   * in the pane. An unknown sheet or an address that is not one is an issue.
   */
  select(sheet: string, address: string): Promise<Result<void>>;
  /**
   * What lies in the rows right under the Excel table read by `readTableByHeaders(sheetOrTable)`
   * but outside it: rows typed below a table (after an empty row, or beyond its columns) that a
   * read-back would miss. Empty when nothing is there or the sheet has no table.
   */
  rowsBelowTable(sheetOrTable: string): Promise<Result<RowsBelow>>;
}

/** Filled rows under a table but outside it (sheet row numbers, 1-based). */
export interface RowsBelow {
  sheet: string;
  tableName: string | null;
  /** Sheet rows below the table's last row that hold a value. */
  rows: number[];
  /** Sheet address of the first such cell (`A45`), for a link; null when none. */
  first: string | null;
}
