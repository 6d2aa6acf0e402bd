/**
 * The usage review as a table (issue 19): one row per usage record the next run would bill, with the
 * decision column `decision` (German sheet: `entscheidung`) holding approve/hold (freigeben /
 * zurückhalten), read back by header names like the time review (time/review-table.ts).
 */
import { pushAll } from "../../core/array";
import type { Issue, Where } from "../../core/issues";
import { issue } from "../../core/issues";
import { type Lang, messageText } from "../../core/messages";
import type { UsageDecision } from "../../core/usage/model";
import type { UsageReviewRow } from "../../core/usage/review";
import { CellReader } from "../table/cell-reader";
import { cellOf, missingColumns, toHeaderTable } from "../table/header-table";
import { type RawTable, columnLetter } from "../table/raw-table";
import type { CsvCell } from "../table/write-csv";

/** The decision column's header and words. */
export interface UsageDecisionWords {
  header: string;
  approve: string;
  hold: string;
}

export const USAGE_DECISION_EN: UsageDecisionWords = { header: "decision", approve: "approve", hold: "hold" };
export const USAGE_DECISION_DE: UsageDecisionWords = { header: "entscheidung", approve: "freigeben", hold: "zurückhalten" };

const DECISION_HEADERS = ["decision", "entscheidung"] as const;
const WORDS: Record<string, UsageDecision> = { approve: "approve", freigeben: "approve", yes: "approve", ja: "approve", hold: "hold", "zurückhalten": "hold", zurueckhalten: "hold", no: "hold", nein: "hold" };

/** Columns after `status` and the decision column; `key` identifies the record when read back. */
export const USAGE_REVIEW_INFO_COLUMNS = [
  "month", "customer_no", "customer_name", "article_no", "description", "quantity", "unit", "cost", "list_amount", "rule", "price", "unit_price", "net_amount", "margin",
  "currency", "vendor_customer_id", "vendor_customer_name", "vendor_product", "vendor_product_name", "meters", "source", "issues", "key", "vendor_rows",
] as const;

export function usageReviewHeader(words: UsageDecisionWords = USAGE_DECISION_EN): string[] {
  return ["status", words.header, ...USAGE_REVIEW_INFO_COLUMNS];
}

/** Header and rows, ready for CSV or a worksheet; amounts to the cent as the run bills them. */
export function usageReviewTableRows(rows: readonly UsageReviewRow[], lang: Lang, words: UsageDecisionWords = USAGE_DECISION_EN): CsvCell[][] {
  const n = (v: string | null): CsvCell => (v === null ? "" : { number: v });
  return [
    usageReviewHeader(words),
    ...rows.map((r) => [
      r.status, r.decision === "hold" ? words.hold : words.approve, r.month, r.customerNo, r.customerName, r.articleNo, r.description, n(r.quantity), r.unit, n(r.cost), n(r.listAmount), r.rule, r.price,
      n(r.unitPrice), n(r.net), n(r.margin), r.currency, r.vendorCustomerId, r.vendorCustomerName, r.vendorArticleKey, r.vendorArticleName, r.meters.join("; "), r.source,
      r.issues.map((i) => messageText(i, lang)).join(" "), r.key, r.rows.join(" "),
    ]),
  ];
}

export interface UsageDecisionCell {
  key: string;
  decision: UsageDecision;
  where: Where;
}

/**
 * Reads the decisions back (rows may be sorted, filtered or deleted; a deleted row decides nothing):
 * `key` and the decision column. Every bad cell is an issue naming row and column.
 */
export function readUsageReviewTable(raw: RawTable): { decisions: UsageDecisionCell[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues };
  const column = DECISION_HEADERS.find((h) => table.index.has(h));
  const missing = missingColumns(table, ["key", column ?? DECISION_HEADERS.join(" / ")]);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing] };
  const decisions: UsageDecisionCell[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const key = r.text("key", true);
    const text = cellOf(table, cells, column!).trim().toLowerCase();
    const decision = WORDS[text];
    const i = table.index.get(column!)!;
    const where = { source: table.source, row, column: `${table.headers[i]} (${columnLetter(i)})` };
    if (text === "") r.bad("parse.required", column!);
    else if (!decision) issues.push(issue("parse.invalid_choice", { value: text, allowed: "approve, hold / freigeben, zurückhalten" }, where));
    if (r.issues.length > 0 || !decision) {
      pushAll(issues, r.issues);
      continue;
    }
    decisions.push({ key, decision, where });
  }
  return { decisions, issues };
}
