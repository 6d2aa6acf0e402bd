import type { ColumnKind, WriteTableOptions } from "./gateway";
import { isValidSheetName, tableNameFor } from "./names";
import { sheetName } from "../io/table/sheet-names";
import type { SheetLanguage } from "../io/table/sheet-vocabulary";

/**
 * How a reconciliation review table (io/reconcile/review-table.ts) is laid out in Excel: column
 * kinds, status colours (light fills that keep black text readable), the action drop-down.
 */
export const REVIEW_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  status: "text",
  customer_no: "id",
  contract_no: "id",
  position_no: "integer",
  article_no: "id",
  external_customer_id: "id",
  external_article_id: "id",
  contract_qty: "decimal",
  vendor_qty: "decimal",
  delta: "decimal",
  effective_date: "date",
  unit_cost: "money",
  unit_price: "money",
  action: "text",
  position_qty: "decimal",
  margin: "money",
};

export const REVIEW_STATUS_COLOURS: Readonly<Record<string, string>> = {
  unchanged: "#E2EFDA",
  quantity_changed: "#FFF2CC",
  new_position: "#DDEBF7",
  missing_in_file: "#FCE4D6",
  unmapped_customer: "#F8CBAD",
  unmapped_article: "#F8CBAD",
};

/** The actions offered in the drop-down (the reader also accepts übernehmen / überspringen). */
export const REVIEW_ACTIONS = ["accept", "skip"] as const;

/** `Abgleich 2026-10 <source>` (`Review …` in English), cut to Excel's 31 characters, without characters sheets forbid. */
export function reviewSheetName(period: string, source: string, language: SheetLanguage = "de"): string {
  const name = sheetName("review", language, `${period} ${source}`);
  return isValidSheetName(name) ? name : sheetName("review", language, period);
}

/** Write options for a review sheet (replaces an older sheet of the same name). */
export function reviewWriteOptions(sheet: string, extra: Partial<WriteTableOptions> = {}): WriteTableOptions {
  return {
    tableName: tableNameFor(sheet),
    columns: REVIEW_COLUMN_KINDS,
    status: { column: "status", colours: REVIEW_STATUS_COLOURS },
    validation: [{ column: "action", list: REVIEW_ACTIONS }],
    replace: true,
    ...extra,
  };
}
