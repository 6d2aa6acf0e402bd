/**
 * The usage review sheet ("Verbrauch YYYY-MM") as the pane writes and reads it: the rows of
 * `reviewUsage` (the same table as `usage review` on the command line) with headers, status and
 * decision words in the pane's language (German `Entscheidung` freigeben/zurückhalten, English
 * `Decision` approve/hold, a drop-down), typed number columns, ids as text, status colours. Read
 * back by header names (either language; rows may be sorted, filtered or deleted) through the CLI's
 * reader of the review table.
 */
import { monthSheetName } from "../../io/table/sheet-names";
import type { SheetLanguage as SheetNameLanguage } from "../../io/table/sheet-vocabulary";
import type { IsoMonth } from "../../core/date/iso-month";
import type { Issue } from "../../core/issues";
import type { UsageReview } from "../../core/usage/review";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { type RawTable, isBlankRow, normalizeHeader } from "../../io/table/raw-table";
import { USAGE_DECISION_EN, type UsageDecisionCell, readUsageReviewTable, usageReviewHeader, usageReviewTableRows } from "../../io/usage/review-table";
import type { Language } from "../i18n";
import { USAGE_REVIEW_STRINGS, type UsageReviewColumn } from "./usage-review-strings";

/** `Verbrauch 2026-11` / `Usage 2026-11`. */
export function usageReviewSheetName(month: IsoMonth, language: SheetNameLanguage = "de"): string {
  return monthSheetName("usage", month, language);
}

const KINDS: Partial<Record<UsageReviewColumn, ColumnKind>> = {
  month: "id",
  customer_no: "id",
  article_no: "id",
  quantity: "decimal",
  cost: "money",
  list_amount: "money",
  unit_price: "decimal",
  net_amount: "money",
  margin: "money",
  vendor_customer_id: "id",
  vendor_product: "id",
  key: "id",
};

/** Light fills that keep black text readable: to bill blue, held grey, problems red. */
const COLOURS: Record<"charged" | "held" | "problem", string> = { charged: "#DDEBF7", held: "#EDEDED", problem: "#F8CBAD" };

/** Header and rows in the pane's language; amounts to the cent as the billing run bills them. */
export function usageReviewSheetRows(review: Pick<UsageReview, "rows">, language: Language): SheetCell[][] {
  const t = USAGE_REVIEW_STRINGS[language];
  const [, ...rows] = usageReviewTableRows(review.rows, language, t.decisions);
  const columns = usageReviewHeader(USAGE_DECISION_EN) as UsageReviewColumn[];
  return [columns.map((c) => t.headers[c]), ...rows.map(([status, ...rest]) => [t.statuses[status as keyof typeof t.statuses] ?? status!, ...rest])];
}

export function usageReviewWriteOptions(sheet: string, language: Language): WriteTableOptions {
  const t = USAGE_REVIEW_STRINGS[language];
  const columns: Record<string, ColumnKind> = {};
  for (const [c, kind] of Object.entries(KINDS)) columns[t.headers[c as UsageReviewColumn]] = kind;
  return {
    tableName: tableNameFor(sheet),
    columns,
    status: { column: t.headers.status, colours: Object.fromEntries(Object.entries(COLOURS).map(([k, colour]) => [t.statuses[k as keyof typeof COLOURS], colour])) },
    validation: [{ column: t.decisions.header, list: [t.decisions.approve, t.decisions.hold] }],
    replace: true,
  };
}

/** The key column under any of its names ("Schlüssel", "Key", "key"). */
const KEY_HEADERS = new Set(Object.values(USAGE_REVIEW_STRINGS).map((t) => normalizeHeader(t.headers.key)));

/**
 * The decisions of a review sheet read back (German or English headers, or the CLI's file): the
 * reader of io/usage/review-table.ts after the key column's name is mapped to `key` (the decision
 * column's names, `Entscheidung` and `Decision`, are its own already).
 */
export function readUsageReviewSheet(table: RawTable): { decisions: UsageDecisionCell[]; issues: Issue[] } {
  const at = table.rows.findIndex((r) => !isBlankRow(r));
  if (at < 0) return readUsageReviewTable(table);
  const rows = table.rows.map((r, i) => (i === at ? r.map((h) => (KEY_HEADERS.has(normalizeHeader(h)) ? "key" : h)) : r));
  return readUsageReviewTable({ ...table, rows });
}
