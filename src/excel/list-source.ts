import { neutralizeFormula } from "../io/table/write-csv";
import { absoluteRef } from "./a1";
import { TEXT_FORMAT } from "./cell-values";
import { planChunks, jsonValueBytes } from "./payload";
import type { XlContext } from "./xl-api";

/** Excel keeps a literal list source (`a,b,c`) to 255 characters. */
export const INLINE_LIST_LIMIT = 255;
/** The hidden sheet that holds drop-down lists too long (or too odd) for a literal source. */
export const DEFAULT_LIST_SHEET = "MSP Listen";

/**
 * A literal source `übernehmen,überspringen` when the items fit and are plain; null when the list
 * must live in cells (over 255 characters, or items with commas, quotes or a formula start).
 */
export function inlineListSource(list: readonly string[]): string | null {
  if (list.some((item) => /[,"]/.test(item) || neutralizeFormula(item) !== item)) return null;
  const source = list.join(",");
  return source.length <= INLINE_LIST_LIMIT ? source : null;
}

/**
 * Writes a list into its own column of the hidden list sheet (row 1 holds `key`, the items follow,
 * text-formatted and neutralised) and returns the absolute reference for a validation source. A
 * column with the same key is overwritten, so rewriting a review sheet does not pile up lists.
 * `context` may be a wrapper that counts syncs.
 */
export async function listSourceInCells(context: XlContext, key: string, list: readonly string[], listSheet: string, budget: number): Promise<string> {
  const sheets = context.workbook.worksheets;
  let ws = sheets.getItemOrNullObject(listSheet);
  await context.sync();
  let keys: string[] = [];
  let usedRows = 0;
  if (ws.isNullObject) {
    ws = sheets.add(listSheet);
    ws.visibility = "Hidden";
  } else {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowCount,columnCount");
    await context.sync();
    if (!used.isNullObject) {
      usedRows = used.rowCount;
      const head = ws.getRangeByIndexes(0, 0, 1, used.columnCount);
      head.load("values");
      await context.sync();
      keys = (head.values[0] ?? []).map((v) => String(v));
    }
  }
  const found = keys.indexOf(key);
  const col = found >= 0 ? found : keys.length;
  const cells = [key, ...list].map((v) => neutralizeFormula(v));
  while (cells.length < usedRows) cells.push("");
  const bytes = cells.map((c) => jsonValueBytes(c) + 8);
  for (const [start, end] of planChunks(bytes, budget)) {
    const range = ws.getRangeByIndexes(start, col, end - start, 1);
    range.numberFormat = cells.slice(start, end).map(() => [TEXT_FORMAT]);
    range.values = cells.slice(start, end).map((c) => [c]);
    range.untrack();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunked under the payload budget
    await context.sync();
  }
  return `=${absoluteRef(listSheet, { row: 1, col, rows: list.length, cols: 1 })}`;
}
