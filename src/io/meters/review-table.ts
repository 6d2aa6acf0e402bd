/**
 * The meter review as a table (CLI `meters review` CSV, the task pane's sheet "Zähler YYYY-MM"): one
 * row per click contract month and device (and one per minimum fee top-up), canonical English
 * snake_case columns; the pane translates headers and statuses with METER_REVIEW_VOCABULARY.
 */
import type { MeterReviewRow } from "../../core/clicks/review";
import { type Lang, messageText } from "../../core/messages";
import type { CsvCell } from "../table/write-csv";

export const METER_REVIEW_COLUMNS = [
  "status", "month", "contract_no", "customer_no", "customer_name", "device_id", "previous_date", "previous_bw", "previous_color", "reading_dates", "reading_bw", "reading_color",
  "pages_bw", "pages_color", "included_bw", "included_color", "over_bw", "over_color", "price_bw", "price_color", "net_amount", "issues",
] as const;

/** Header and rows, ready for CSV or a worksheet; the issues column in the given language. */
export function meterReviewTableRows(rows: readonly MeterReviewRow[], lang: Lang): CsvCell[][] {
  const n = (v: number | string | null): CsvCell => (v === null ? "" : { number: String(v) });
  return [
    [...METER_REVIEW_COLUMNS],
    ...rows.map((r) => [
      r.status, r.month, r.contractNo, r.customerNo, r.customerName, r.deviceId, r.previousDate ?? "", n(r.previousBw), n(r.previousColor), r.readingDates.join(", "), n(r.readingBw), n(r.readingColor),
      n(r.pagesBw), n(r.pagesColor), n(r.includedBw), n(r.includedColor), n(r.overBw), n(r.overColor), n(r.priceBw), n(r.priceColor), n(r.net),
      r.issues.map((i) => messageText(i, lang)).join(" "),
    ]),
  ];
}
