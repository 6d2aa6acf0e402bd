/**
 * The subset of the Office.js Excel API (`Excel.*`) that the workbook gateway uses, as plain
 * interfaces. Real Office.js objects satisfy them (office-host.ts proves it at compile time), and the
 * in-memory fake (memory/) implements them, so one adapter runs against both.
 *
 * Semantics to respect (both implementations): method calls and property writes are queued and take
 * effect on `context.sync()`; a property may only be read after `load()` and a `sync()`; an
 * `…OrNullObject` proxy says `isNullObject` after a sync.
 */

export interface XlContext {
  readonly workbook: XlWorkbook;
  /** ExcelApi 1.8 (`enableEvents`). */
  readonly runtime: XlRuntime;
  sync(): Promise<void>;
}

/** Runs a batch like `Excel.run`. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

export interface XlRuntime {
  enableEvents: boolean;
  load(propertyNames?: string | string[]): XlRuntime;
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  readonly application: XlApplication;
  getSelectedRange(): XlRange;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  load(propertyNames?: string | string[]): XlWorksheetCollection;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  name: string;
  position: number;
  /** "Visible" | "Hidden" | "VeryHidden". */
  visibility: string;
  readonly tables: XlTableCollection;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly autoFilter: { apply(range: XlRange | string): void };
  activate(): void;
  delete(): void;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  load(propertyNames?: string | string[]): XlWorksheet;
}

export interface XlRange {
  readonly isNullObject: boolean;
  /** Sheet-qualified, e.g. `'Abgleich 2026-10'!A1:V20001`. */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly worksheet: XlWorksheet;
  load(propertyNames?: string | string[]): XlRange;
  untrack(): XlRange;
  /** Selects the range in the Excel UI (ExcelApi 1.1); its sheet must be the active one. */
  select(): void;
}

export interface XlRangeFormat {
  readonly fill: { color: string };
  autofitColumns(): void;
}

export interface XlDataValidation {
  rule: { list?: { inCellDropDown: boolean; source: string | XlRange } };
  clear(): void;
}

export interface XlTable {
  readonly isNullObject: boolean;
  name: string;
  showFilterButton: boolean;
  readonly worksheet: XlWorksheet;
  readonly columns: { getItemAt(index: number): { getDataBodyRange(): XlRange } };
  getRange(): XlRange;
  getDataBodyRange(): XlRange;
  getHeaderRowRange(): XlRange;
  delete(): void;
  load(propertyNames?: string | string[]): XlTable;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  getItemOrNullObject(key: string): XlTable;
  load(propertyNames?: string | string[]): XlTableCollection;
}

/** The `code` of an Office.js error (`OfficeExtension.Error`), or undefined for other errors. */
export function officeErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string") return e.code;
  return typeof e.debugInfo?.code === "string" ? e.debugInfo.code : undefined;
}

/** True for Excel's "request too large" error (Excel on the web: 5 MB per request). */
export function isRequestPayloadError(error: unknown): boolean {
  if (officeErrorCode(error) === "RequestPayloadSizeLimitExceeded") return true;
  const message = error instanceof Error ? error.message : "";
  return /RequestPayloadSizeLimitExceeded|request payload size/i.test(message);
}

/** True for Excel's "response too large" error (reads of big ranges on the web). */
export function isResponsePayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  if (code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit") return true;
  const message = error instanceof Error ? error.message : "";
  return /ResponsePayloadSizeLimitExceeded|response payload size/i.test(message);
}
