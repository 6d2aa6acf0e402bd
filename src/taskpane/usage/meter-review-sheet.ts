/**
 * The meter review sheet ("Zähler YYYY-MM" / "Meters YYYY-MM") as the pane writes it: the rows of
 * `reviewMeters` with headers and statuses in the user's language, typed number columns, ids as
 * text, status colours. Read-only: a wrong reading is corrected by undoing its import and importing
 * the corrected file, then the sheet is written again.
 */
import type { MeterReview } from "../../app/meter-review";
import type { IsoMonth } from "../../core/date/iso-month";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { meterReviewTableRows } from "../../io/meters/review-table";
import { METER_REVIEW_VOCABULARY } from "../../io/sheets/meter-words";
import { monthSheetName } from "../../io/table/sheet-names";
import { type SheetLanguage, localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export const METER_REVIEW_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  contract_no: "id",
  customer_no: "id",
  device_id: "id",
  previous_date: "date",
  previous_bw: "integer",
  previous_color: "integer",
  reading_bw: "integer",
  reading_color: "integer",
  pages_bw: "integer",
  pages_color: "integer",
  included_bw: "integer",
  included_color: "integer",
  over_bw: "integer",
  over_color: "integer",
  price_bw: "decimal",
  price_color: "decimal",
  net_amount: "money",
};

/** Light fills that keep black text readable: charged blue, covered green, waiting yellow, billed grey, problems red. */
export const METER_STATUS_COLOURS: Readonly<Record<string, string>> = {
  charged: "#DDEBF7",
  minimum_fee: "#DDEBF7",
  covered: "#E2EFDA",
  baseline: "#FFF2CC",
  no_reading: "#FFF2CC",
  billed: "#EDEDED",
  problem: "#F8CBAD",
};

/** `Zähler 2026-11` / `Meters 2026-11`. */
export function meterReviewSheetName(month: IsoMonth, language: SheetLanguage = "de"): string {
  return monthSheetName("meters", month, language);
}

/** Header and rows; headers, statuses and issue texts in the pane's language. */
export function meterReviewSheetRows(review: Pick<MeterReview, "rows">, language: Language): SheetCell[][] {
  return localizeTable(METER_REVIEW_VOCABULARY, meterReviewTableRows(review.rows, language), language);
}

export function meterReviewWriteOptions(sheet: string, language: Language): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(METER_REVIEW_VOCABULARY, c, language);
  return {
    tableName: tableNameFor(sheet),
    columns: Object.fromEntries(Object.entries(METER_REVIEW_COLUMN_KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("status"), colours: Object.fromEntries(Object.entries(METER_STATUS_COLOURS).map(([st, c]) => [vocabularyWord(METER_REVIEW_VOCABULARY, "status", st, language), c])) },
    replace: true,
  };
}
