import { pushAll } from "../../core/array";
import { BILLING_FREQUENCIES, BillingFrequency, TERM_LENGTHS, TermLength } from "../../core/contract/term";
import type { ReviewDecision } from "../../core/reconcile/plan-apply";
import type { ReviewRow } from "../../core/reconcile/review-row";
import type { Issue } from "../../core/issues";
import { notesText } from "../../core/messages";
import { CellReader } from "../table/cell-reader";
import { missingColumns, toHeaderTable } from "../table/header-table";
import type { RawTable } from "../table/raw-table";
import { canonicalTable, vocabularyWord, withUserColumns } from "../table/sheet-vocabulary";
import { REVIEW_ACTION_WORDS, REVIEW_STATUS_WORDS, REVIEW_VOCABULARY, reviewActionOf, reviewHeader, reviewStatusOf, type TableLanguage } from "./review-words";

/** The review columns of PRODUCT.md §8, then informational columns (ignored when read back). */
export const REVIEW_COLUMNS = [
  "status", "customer_no", "contract_no", "position_no", "article_no", "external_customer_id", "external_article_id",
  "contract_qty", "vendor_qty", "delta", "effective_date", "unit_cost", "unit_price", "action",
] as const;
export const REVIEW_INFO_COLUMNS = ["position_qty", "margin", "finding", "customer_name", "vendor_customer_name", "vendor_article_name", "source", "vendor_rows", "note", "term", "billing_frequency", "commitment_end"] as const;
const REQUIRED = ["status", "customer_no", "contract_no", "position_no", "article_no", "vendor_qty", "effective_date", "action"] as const;

/** A review row as cells: strings for text, `{ number }` for numeric cells, so writers can type them. */
export type ReviewCell = string | { number: string };

/**
 * The header and rows of a review table in a language (headers, status and action words), ready for
 * CSV, xlsx or a worksheet; `code` (the default) is the file format of PRODUCT.md §8, notes in English.
 */
export function reviewTableRows(rows: readonly ReviewRow[], lang: TableLanguage = "code"): ReviewCell[][] {
  const n = (v: string | null): ReviewCell => (v === null ? "" : { number: v });
  return [
    [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS].map((c) => reviewHeader(c, lang)),
    ...rows.map((r) => [
      REVIEW_STATUS_WORDS[lang][r.status], r.customerNo, r.contractNo, r.positionNo === null ? "" : { number: String(r.positionNo) }, r.articleNo,
      r.externalCustomerId, r.externalArticleId, n(r.contractQty), n(r.vendorQty), n(r.delta), r.effectiveDate,
      n(r.unitCost), n(r.unitPrice), REVIEW_ACTION_WORDS[lang][r.action],
      n(r.positionQty), n(r.margin), r.finding, r.customerName, r.vendorCustomerName, r.vendorArticleName, r.source, r.rows.join(" "), notesText(r.notices, lang === "de" ? "de" : "en"),
      r.term ?? "", r.billingFrequency ?? "", r.commitmentEnd ?? "",
    ]),
  ].map((row, k) => (k === 0 || lang === "code" ? row : localizeInfo(row, lang)));
}

const INFO_WORDS = (["finding", "billing_frequency", "term"] as const).map((c) => [c, [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS].indexOf(c)] as const);

/** The informational code words of a row (findings, frequency, term) in the language. */
function localizeInfo(row: ReviewCell[], lang: TableLanguage): ReviewCell[] {
  const out = row.slice();
  for (const [column, i] of INFO_WORDS) if (typeof out[i] === "string" && out[i] !== "") out[i] = vocabularyWord(REVIEW_VOCABULARY, column, out[i] as string, lang);
  return out;
}

/**
 * Reads a review table back by header names, German or English (the user may sort, filter, reorder columns and edit
 * quantity, effective date, action, contract and mapping numbers). Every bad cell is an issue.
 */
export function readReviewTable(raw: RawTable): { decisions: ReviewDecision[]; issues: Issue[] } {
  const canonical = canonicalTable(REVIEW_VOCABULARY, raw);
  const read = readCanonical(canonical.raw);
  return { ...read, issues: withUserColumns(REVIEW_VOCABULARY, read.issues, canonical) };
}

function readCanonical(raw: RawTable): { decisions: ReviewDecision[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues };
  const missing = missingColumns(table, REQUIRED);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing] };
  const decisions: ReviewDecision[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const statusText = r.text("status", true);
    const status = reviewStatusOf(statusText);
    if (statusText && !status) r.bad("review.invalid_status", "status", { value: statusText });
    const actionText = r.text("action", true);
    const action = reviewActionOf(actionText);
    if (actionText && !action) r.bad("review.invalid_action", "action", { value: actionText });
    const positionText = r.text("position_no");
    const positionNo = positionText === "" ? null : r.positiveInt("position_no") ?? null;
    const vendorQty = r.decimal("vendor_qty", { kind: "quantity", required: action === "accept", fallback: action === "accept" ? undefined : "0", min0: true });
    const contractQty = r.decimal("contract_qty", { kind: "quantity" }) ?? null;
    const positionQty = r.decimal("position_qty", { kind: "quantity" }) ?? null;
    const effectiveDate = r.date("effective_date", { required: true });
    // Vendor commitment (issue 19): carried to the position when the row is accepted.
    const commitmentEnd = r.text("commitment_end") ? r.date("commitment_end") : undefined;
    const termText = r.text("term");
    const term = (TERM_LENGTHS as readonly string[]).includes(termText) ? (termText as TermLength) : undefined;
    if (termText && !term) r.bad("parse.invalid_choice", "term", { value: termText, allowed: TERM_LENGTHS.join(", ") });
    const frequencyText = r.text("billing_frequency");
    const billingFrequency = (BILLING_FREQUENCIES as readonly string[]).includes(frequencyText) ? (frequencyText as BillingFrequency) : undefined;
    if (frequencyText && !billingFrequency) r.bad("parse.invalid_choice", "billing_frequency", { value: frequencyText, allowed: BILLING_FREQUENCIES.join(", ") });
    const decision: ReviewDecision = {
      source: table.source,
      row,
      status: status!,
      action: action!,
      customerNo: r.text("customer_no"),
      contractNo: r.text("contract_no"),
      positionNo,
      articleNo: r.text("article_no"),
      externalCustomerId: r.text("external_customer_id"),
      externalArticleId: r.text("external_article_id"),
      mappingSource: r.text("source") || "*",
      contractQty,
      positionQty,
      vendorQty: vendorQty ?? "0",
      effectiveDate: effectiveDate!,
      ...(term ? { term } : {}),
      ...(commitmentEnd ? { termEnd: commitmentEnd } : {}),
      ...(billingFrequency ? { billingFrequency } : {}),
    };
    if (r.issues.length > 0) pushAll(issues, r.issues);
    else decisions.push(decision);
  }
  return { decisions, issues };
}
