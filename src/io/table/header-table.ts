import { Issue, issue } from "../../core/issues";
import { RawTable, columnLetter, isBlankRow, normalizeHeader } from "./raw-table";

/** A table whose header row has been found, with column lookup by (normalised) name. */
export interface HeaderTable {
  source: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  /** Normalised header → 0-based column index. */
  index: Map<string, number>;
  /** Data rows with their 1-based row numbers; blank rows are skipped. */
  rows: { row: number; cells: string[] }[];
}

/** Locates the header (first non-blank row) and indexes its columns; duplicate names are issues. */
export function toHeaderTable(table: RawTable): { table: HeaderTable | null; issues: Issue[] } {
  const headerAt = table.rows.findIndex((r) => !isBlankRow(r));
  if (headerAt < 0) return { table: null, issues: [issue("csv.empty_file", {}, { source: table.source })] };
  const headers = table.rows[headerAt]!.map((h) => h.replace(/^\uFEFF/, "").trim());
  const index = new Map<string, number>();
  const issues: Issue[] = [];
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === "") return;
    if (index.has(key)) issues.push(issue("csv.duplicate_column", { column: h }, { source: table.source, row: table.firstRowNumber + headerAt, column: `${h} (${columnLetter(i)})` }));
    else index.set(key, i);
  });
  const rows: HeaderTable["rows"] = [];
  for (let i = headerAt + 1; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    if (!isBlankRow(cells)) rows.push({ row: table.firstRowNumber + i, cells });
  }
  return { table: { source: table.source, headerRow: table.firstRowNumber + headerAt, headers, index, rows }, issues };
}

/** Issues for required columns that the header lacks. */
export function missingColumns(table: HeaderTable, required: readonly string[]): Issue[] {
  return required
    .filter((c) => !table.index.has(c))
    .map((c) => issue("csv.missing_column", { column: c }, { source: table.source, row: table.headerRow, column: c }));
}

/** The trimmed cell of a named column ("" when the column or cell is absent). */
export function cellOf(table: HeaderTable, cells: readonly string[], column: string): string {
  const i = table.index.get(column);
  return i === undefined ? "" : (cells[i] ?? "").trim();
}
