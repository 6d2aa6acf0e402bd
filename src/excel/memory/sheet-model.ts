import { MAX_COLUMNS, MAX_ROWS, type Rect } from "../a1";
import { newCell, type CellModel } from "./cells";
import { invalidArgument } from "./errors";

export type ListSource = string | { sheet: SheetModel; rect: Rect };

export interface ValidationModel {
  rect: Rect;
  list: { inCellDropDown: boolean; source: ListSource };
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  /** Header row plus data body. */
  rect: Rect;
  showFilterButton: boolean;
  deleted?: boolean;
}

/** One worksheet: a sparse grid of cells plus the sheet-level state the gateway sets. */
export class SheetModel {
  readonly grid: (CellModel | undefined)[][] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;
  autoFilter: Rect | null = null;
  validations: ValidationModel[] = [];
  readonly hiddenRows = new Set<number>();
  deleted = false;

  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.grid[row]?.[col];
  }

  /** The cell, created on first write. */
  ensure(row: number, col: number): CellModel {
    const r = (this.grid[row] ??= []);
    return (r[col] ??= newCell());
  }

  /** Every cell of `rect` (created as needed), row by row. */
  forEach(rect: Rect, fn: (cell: CellModel, i: number, j: number) => void): void {
    checkRect(rect);
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) fn(this.ensure(rect.row + i, rect.col + j), i, j);
  }

  /** A 2D array of one property of `rect` (empty cells give `empty`). */
  map<T>(rect: Rect, fn: (cell: CellModel | undefined) => T): T[][] {
    checkRect(rect);
    const out: T[][] = new Array(rect.rows);
    for (let i = 0; i < rect.rows; i++) {
      const row = this.grid[rect.row + i];
      const line: T[] = new Array(rect.cols);
      for (let j = 0; j < rect.cols; j++) line[j] = fn(row?.[rect.col + j]);
      out[i] = line;
    }
    return out;
  }

  /** Bounding box of cells with a value (valuesOnly) or of any touched cell; null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = MAX_COLUMNS;
    let right = -1;
    this.grid.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (!cell || (valuesOnly && cell.value === "" && cell.formula === undefined)) return;
        if (top < 0) top = i;
        bottom = i;
        left = Math.min(left, j);
        right = Math.max(right, j);
      });
    });
    return top < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Moves whole rows of a block (used by a user's sort): `order[k]` is the old index of new row k. */
  reorderRows(first: number, order: readonly number[], col: number, cols: number): void {
    const snapshot = order.map((old) => (this.grid[first + old] ?? []).slice(col, col + cols));
    snapshot.forEach((cells, k) => {
      const row = (this.grid[first + k] ??= []);
      for (let j = 0; j < cols; j++) row[col + j] = cells[j];
    });
  }
}

/** Throws InvalidArgument for a rectangle outside the sheet. */
export function checkRect(r: Rect): void {
  const ok = Number.isInteger(r.row) && Number.isInteger(r.col) && r.row >= 0 && r.col >= 0 && r.rows >= 1 && r.cols >= 1 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLUMNS;
  if (!ok) throw invalidArgument(`range ${JSON.stringify(r)} is outside the sheet`);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
