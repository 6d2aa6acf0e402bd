import { tableFromValues } from "../io/table/from-values";
import { quoteSheet, rectToA1, type Rect } from "./a1";
import { dateCellValue, isDateFormat } from "./cell-values";
import type { SheetRead } from "./gateway";
import { json2dBytes } from "./payload";
import { isResponsePayloadError, type XlContext, type XlRange, type XlWorksheet } from "./xl-api";

/** Cells in the first block of a read; later blocks are sized from the bytes the first one took. */
const FIRST_BLOCK_CELLS = 20_000;

/** The rectangle of a range loaded with `rowIndex,columnIndex,rowCount,columnCount`. */
export function rectOf(range: XlRange): Rect {
  return { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

/** Overlap of two rectangles, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
  return rows > 0 && cols > 0 ? { row, col, rows, cols } : null;
}

/** An empty read of a sheet (nothing used, or nothing selected inside the used range). */
export function emptyRead(sheet: string): SheetRead {
  return { sheet, address: `${quoteSheet(sheet)}!A1`, table: { source: sheet, rows: [], firstRowNumber: 1 } };
}

/**
 * Reads `rect` of a sheet in row blocks sized by the response bytes seen so far (Excel on the web
 * also limits responses to 5 MB, and one range read to 5 million cells), halving a block that Excel
 * rejects as too large. Numbers in date-formatted cells become ISO dates; rows are padded on the
 * left so row[i] is sheet column i.
 */
export async function readRect(context: XlContext, ws: XlWorksheet, sheet: string, rect: Rect, budget: number): Promise<SheetRead> {
  const values: unknown[][] = [];
  let blockRows = Math.max(1, Math.min(rect.rows, Math.floor(FIRST_BLOCK_CELLS / rect.cols)));
  let cap = Number.POSITIVE_INFINITY; // block size Excel has shown to be too large, halved
  let start = 0;
  while (start < rect.rows) {
    const rows = Math.min(blockRows, rect.rows - start);
    const block = ws.getRangeByIndexes(rect.row + start, rect.col, rows, rect.cols);
    block.load("values,numberFormat");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- reads are chunked to stay under the response limit
      await context.sync();
    } catch (error) {
      if (!isResponsePayloadError(error) || rows === 1) throw error;
      cap = Math.max(1, Math.floor(rows / 2));
      blockRows = cap;
      continue;
    }
    const blockValues = block.values;
    const formats = block.numberFormat;
    for (let i = 0; i < rows; i++) {
      const row = blockValues[i] ?? [];
      const fmt = formats[i] ?? [];
      const out: unknown[] = new Array(rect.col).fill("");
      for (let j = 0; j < row.length; j++) out.push(isDateFormat(fmt[j]) ? dateCellValue(row[j]) : row[j]);
      values.push(out);
    }
    block.untrack();
    const perRow = Math.max(1, (json2dBytes(blockValues) + json2dBytes(formats)) / rows);
    blockRows = Math.max(1, Math.min(cap, Math.floor(budget / perRow)));
    start += rows;
  }
  return { sheet, address: `${quoteSheet(sheet)}!${rectToA1(rect)}`, table: tableFromValues(values, sheet, rect.row + 1) };
}
