import type { Issue } from "../core/issues";
import { columnLetter } from "../io/table/raw-table";

/** Excel's sheet size (all platforms since Excel 2007). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based like `getRangeByIndexes`. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 0-based column index of column letters ("A" → 0, "AA" → 26); -1 when not letters. */
export function columnIndexOf(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based rectangle without sheet: `A1` for one cell, else `A1:V20001`. */
export function rectToA1(r: Rect): string {
  const first = `${columnLetter(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${columnLetter(r.col + r.cols - 1)}${r.row + r.rows}`;
}

function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const col = columnIndexOf(m[1]!);
  const row = Number(m[2]) - 1;
  return col >= 0 && col < MAX_COLUMNS && row >= 0 && row < MAX_ROWS ? { row, col } : null;
}

/**
 * Parses a range address without sheet: `A1`, `$A$1:$V$20`, whole columns `A:C`, whole rows `3:5`.
 * Null when it is not an address inside the sheet.
 */
export function parseA1(address: string): Rect | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parts[0]!;
  const b = parts[1] ?? a;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  const ca = cols.exec(a);
  const cb = cols.exec(b);
  if (ca && cb) return span({ row: 0, col: columnIndexOf(ca[1]!) }, { row: MAX_ROWS - 1, col: columnIndexOf(cb[1]!) });
  const ra = rows.exec(a);
  const rb = rows.exec(b);
  if (ra && rb) return span({ row: Number(ra[1]) - 1, col: 0 }, { row: Number(rb[1]) - 1, col: MAX_COLUMNS - 1 });
  const p = parseCell(a);
  const q = parseCell(b);
  return p && q ? span(p, q) : null;
}

function span(p: { row: number; col: number }, q: { row: number; col: number }): Rect | null {
  if (p.row < 0 || p.col < 0 || q.row >= MAX_ROWS || q.col >= MAX_COLUMNS) return null;
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { row, col, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

/** Splits `'My sheet'!A1:B2` (as `Range.address` gives it) into the sheet name and the range part. */
export function splitAddress(address: string): { sheet?: string; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { range: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, range: address.slice(bang + 1) };
}

/** A sheet name as Excel writes it in references: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A full reference for formulas and validation sources: `'Abgleich 2026-10'!$A$2:$A$40`. */
export function absoluteRef(sheet: string, r: Rect): string {
  const a = `$${columnLetter(r.col)}$${r.row + 1}`;
  const b = `$${columnLetter(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** A cell as users read it in messages: `Abgleich 2026-10!K5` (sheet not quoted; row 1-based). */
export function displayCell(sheet: string, row: number, columnLetters: string): string {
  return `${sheet}!${columnLetters}${row}`;
}

/** Column letters named by an issue's `where.column`: `effective_date (K)` → K, a bare `K` → K. */
export function issueColumnLetters(column: string | undefined): string | undefined {
  if (!column) return undefined;
  const m = /\(([A-Z]{1,3})\)$/.exec(column.trim()) ?? /^([A-Z]{1,3})$/.exec(column.trim());
  return m ? m[1] : undefined;
}

/**
 * Adds `where.cell` (e.g. `Abgleich 2026-10!K5`) to every issue that names a row and a column letter.
 * The sheet is `sheet` when given, else the issue's `where.source`. Issues that already name a cell,
 * or lack a row or column letter, are returned unchanged.
 */
export function withCells(issues: readonly Issue[], sheet?: string): Issue[] {
  return issues.map((i) => {
    const w = i.where;
    if (!w || w.cell || w.row === undefined) return i;
    const letters = issueColumnLetters(w.column);
    const name = sheet ?? w.source;
    if (!letters || !name) return i;
    return { ...i, where: { ...w, cell: displayCell(name, w.row, letters) } };
  });
}
