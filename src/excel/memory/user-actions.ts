import { parseA1 } from "../a1";
import { applyUserInput } from "./cells";
import type { SheetModel, TableModel } from "./sheet-model";
import type { WorkbookModel } from "./workbook-model";

/**
 * What a user does by hand in Excel between our writes and reads: typing into cells, sorting and
 * filtering a table. Tests and the preview use these to prove that reads go by header names and
 * sheet rows, not by the order we wrote.
 */

function cellText(sheet: SheetModel, row: number, col: number): string {
  const v = sheet.cell(row, col)?.value;
  return v === undefined ? "" : String(v);
}

function columnOf(table: TableModel, header: string): number {
  for (let j = 0; j < table.rect.cols; j++) {
    if (cellText(table.sheet, table.rect.row, table.rect.col + j).toLowerCase() === header.toLowerCase()) return table.rect.col + j;
  }
  throw new Error(`table ${table.name} has no column '${header}'`);
}

function tableOf(model: WorkbookModel, name: string): TableModel {
  const t = model.findTable(name);
  if (!t) throw new Error(`no table '${name}'`);
  return t;
}

/** The text of a list validation covering the cell, resolved to its items; null when none. */
export function validationItems(model: WorkbookModel, sheet: SheetModel, row: number, col: number): string[] | null {
  const rule = sheet.validations.find((v) => row >= v.rect.row && row < v.rect.row + v.rect.rows && col >= v.rect.col && col < v.rect.col + v.rect.cols);
  if (!rule) return null;
  const source = rule.list.source;
  if (typeof source === "string") return source.split(",");
  if (source.sheet.deleted || !model.sheets.includes(source.sheet)) return [];
  return source.sheet.map(source.rect, (c) => (c ? String(c.value) : "")).map((r) => r[0] ?? "").filter((v) => v !== "");
}

/**
 * Types `text` into a cell as a user would (locale-dependent numbers and dates, `'` for text).
 * A cell with a drop-down rejects other values, as Excel's default stop alert does, unless `paste`.
 */
export function typeInto(model: WorkbookModel, sheet: SheetModel, a1: string, text: string, paste = false): void {
  const rect = parseA1(a1);
  if (!rect) throw new Error(`'${a1}' is not a cell`);
  const items = validationItems(model, sheet, rect.row, rect.col);
  if (!paste && items && text !== "" && !items.some((i) => i.toLowerCase() === text.toLowerCase())) {
    throw new Error(`Excel rejects '${text}' in ${sheet.name}!${a1}: not in the drop-down list`);
  }
  if (text !== "") expandTableBelow(model, sheet, rect.row, rect.col);
  applyUserInput(sheet.ensure(rect.row, rect.col), text, model.locale);
}

/**
 * Excel's table AutoExpansion: a value typed into the row right below a table, within its columns,
 * makes that row part of the table; its cells take the number formats of the table's last data row
 * (so a text column stays text).
 */
function expandTableBelow(model: WorkbookModel, sheet: SheetModel, row: number, col: number): void {
  const table = model.tables.find((t) => !t.deleted && t.sheet === sheet && row === t.rect.row + t.rect.rows && col >= t.rect.col && col < t.rect.col + t.rect.cols);
  if (!table) return;
  if (table.rect.rows > 1) {
    for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++) {
      const format = sheet.cell(row - 1, c)?.numberFormat;
      if (format && format !== "General" && !sheet.cell(row, c)?.value) sheet.ensure(row, c).numberFormat = format;
    }
  }
  table.rect = { ...table.rect, rows: table.rect.rows + 1 };
}

/** Sorts a table's data rows by one column (numbers before text, empty cells last), as the filter button does. */
export function sortTable(model: WorkbookModel, tableName: string, header: string, order: "asc" | "desc" = "asc"): void {
  const t = tableOf(model, tableName);
  const col = columnOf(t, header);
  const first = t.rect.row + 1;
  const keys = Array.from({ length: t.rect.rows - 1 }, (_, k) => ({ k, v: t.sheet.cell(first + k, col)?.value ?? "" }));
  const sign = order === "asc" ? 1 : -1;
  keys.sort((a, b) => {
    if (a.v === "" || b.v === "") return a.v === b.v ? 0 : a.v === "" ? 1 : -1;
    if (typeof a.v === "number" && typeof b.v === "number") return sign * (a.v - b.v);
    if (typeof a.v === "number") return -sign;
    if (typeof b.v === "number") return sign;
    return sign * String(a.v).localeCompare(String(b.v));
  });
  const order_ = keys.map((x) => x.k);
  const hidden = order_.map((old) => t.sheet.hiddenRows.has(first + old));
  t.sheet.reorderRows(first, order_, t.rect.col, t.rect.cols);
  hidden.forEach((h, k) => (h ? t.sheet.hiddenRows.add(first + k) : t.sheet.hiddenRows.delete(first + k)));
}

/** Hides the data rows whose cell in `header` does not pass `keep` (a filter on one column). */
export function filterTable(model: WorkbookModel, tableName: string, header: string, keep: (text: string) => boolean): void {
  const t = tableOf(model, tableName);
  const col = columnOf(t, header);
  for (let row = t.rect.row + 1; row < t.rect.row + t.rect.rows; row++) {
    if (keep(cellText(t.sheet, row, col))) t.sheet.hiddenRows.delete(row);
    else t.sheet.hiddenRows.add(row);
  }
}
