import { Issue, Result, fail, issue, ok } from "../core/issues";
import { normalizeHeader } from "../io/table/raw-table";
import { numberFormatOf, TEXT_FORMAT, toExcelValue } from "./cell-values";
import type { ColumnKind, SheetCell, WriteTableOptions } from "./gateway";
import { isValidSheetName, isValidTableName } from "./names";
import { jsonRowBytes, OPERATION_BYTES } from "./payload";

/** Everything a write needs, computed up front: typed values, formats, bytes per row, colours. */
export interface WritePlan {
  sheet: string;
  tableName: string | null;
  width: number;
  /** Grid row 0 is the header; values ready for `Range.values`. */
  values: (string | number)[][];
  /** Number format per column for data rows (the header row is text). */
  formats: string[];
  headerFormats: string[];
  /** Estimated request bytes per grid row (values, formats, a share of a fill run). */
  rowBytes: number[];
  /** Fill colour per grid row (null: none). */
  fills: (string | null)[];
  validations: { col: number; header: string; list: readonly string[] }[];
  freezeHeader: boolean;
  filters: boolean;
  replace: boolean;
  activate: boolean;
}

/** Checks names, columns and row widths, and converts every cell. Issues instead of Excel errors. */
export function planWrite(sheet: string, rows: readonly (readonly SheetCell[])[], options: WriteTableOptions, dateFormat: string): Result<WritePlan> {
  const issues: Issue[] = [];
  if (!isValidSheetName(sheet)) issues.push(issue("excel.invalid_sheet_name", { sheet }));
  const tableName = options.tableName ?? null;
  if (tableName !== null && !isValidTableName(tableName)) issues.push(issue("excel.invalid_table_name", { table: tableName }));
  const header = rows[0];
  if (!header || header.length === 0) return fail(...issues, issue("excel.no_header", { sheet }));
  const headers = header.map(cellText);
  const width = headers.length;
  const index = new Map(headers.map((h, i) => [normalizeHeader(h), i] as const));
  const col = (name: string): number => {
    const i = index.get(normalizeHeader(name));
    if (i === undefined) issues.push(issue("excel.unknown_column", { column: name, sheet }));
    return i ?? -1;
  };
  const kinds: ColumnKind[] = headers.map(() => "text");
  for (const [name, kind] of Object.entries(options.columns ?? {})) {
    const i = col(name);
    if (i >= 0) kinds[i] = kind;
  }
  const statusCol = options.status ? col(options.status.column) : -1;
  const validations = (options.validation ?? []).map((v) => ({ col: col(v.column), header: v.column, list: v.list }));
  rows.forEach((r, i) => {
    if (r.length > width) issues.push(issue("excel.row_too_wide", { row: i + 1, count: r.length, width }, { source: sheet, row: i + 1 }));
  });
  if (issues.length > 0) return fail(...issues);

  const formats = kinds.map((k) => numberFormatOf(k, dateFormat));
  const headerFormats = headers.map(() => TEXT_FORMAT);
  const formatBytes = jsonRowBytes(formats);
  const values: (string | number)[][] = new Array(rows.length);
  const rowBytes: number[] = new Array(rows.length);
  const fills: (string | null)[] = new Array(rows.length);
  values[0] = headers.map((h) => toExcelValue(h, "text"));
  rowBytes[0] = jsonRowBytes(values[0]) + jsonRowBytes(headerFormats);
  fills[0] = null;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const out = new Array<string | number>(width);
    for (let j = 0; j < width; j++) out[j] = toExcelValue(r[j] ?? "", kinds[j]!);
    values[i] = out;
    const colour = statusCol >= 0 ? options.status!.colours[cellText(r[statusCol]).trim()] ?? null : null;
    fills[i] = colour;
    // A fill run starts here: two more operations (the run's range and its colour).
    const runStart = colour !== null && colour !== fills[i - 1];
    rowBytes[i] = jsonRowBytes(out) + formatBytes + (runStart ? 2 * OPERATION_BYTES : 0);
  }
  return ok({
    sheet,
    tableName,
    width,
    values,
    formats,
    headerFormats,
    rowBytes,
    fills,
    validations: validations.filter((v) => v.col >= 0 && v.list.length > 0),
    freezeHeader: options.freezeHeader ?? true,
    filters: options.filters ?? true,
    replace: options.replace ?? false,
    activate: options.activate ?? true,
  });
}

function cellText(c: SheetCell | undefined): string {
  return c === undefined ? "" : typeof c === "string" ? c : c.number;
}
