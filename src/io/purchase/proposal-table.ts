import { pushAll } from "../../core/array";
import type { Issue } from "../../core/issues";
import { type Lang, notesText } from "../../core/messages";
import type { PriceDecision } from "../../core/purchase/plan-apply-price-update";
import type { ProposalRow } from "../../core/purchase/plan-price-update";
import { CellReader } from "../table/cell-reader";
import { missingColumns, toHeaderTable } from "../table/header-table";
import { RawTable, isBlankRow, normalizeHeader } from "../table/raw-table";
import type { CsvCell } from "../table/write-csv";
import { canonicalTable, canonicalColumn, withUserColumns } from "../table/sheet-vocabulary";
import { PROPOSAL_VOCABULARY } from "../sheets/purchase-words";

/** The proposal columns of PRODUCT.md §8 `price-update`, then the columns apply needs, then information. */
export const PROPOSAL_COLUMNS = [
  "customer_no", "contract_no", "position_no", "article_no", "valid_from", "current_price", "discount_pct", "current_cost",
  "new_cost", "new_price", "current_margin", "new_margin", "action",
] as const;
export const PROPOSAL_APPLY_COLUMNS = ["note", "purchase", "purchase_new_cost", "cost_from"] as const;
export const PROPOSAL_INFO_COLUMNS = ["customer_name", "quantity", "current_margin_pct", "new_margin_pct", "strategy"] as const;
const REQUIRED = ["contract_no", "position_no", "valid_from", "new_price", "action", "purchase", "purchase_new_cost", "cost_from"] as const;

/** The header and rows of a proposal, ready for CSV, xlsx or a worksheet; notes in the language. */
export function proposalTableRows(rows: readonly ProposalRow[], lang: Lang = "en"): CsvCell[][] {
  const n = (v: string | null): CsvCell => (v === null ? "" : { number: v });
  return [
    [...PROPOSAL_COLUMNS, ...PROPOSAL_APPLY_COLUMNS, ...PROPOSAL_INFO_COLUMNS],
    ...rows.map((r) => [
      r.customerNo, r.contractNo, { number: String(r.positionNo) }, r.articleNo, r.validFrom, n(r.currentPrice), n(r.discountPct), n(r.currentCost),
      n(r.newCost), n(r.newPrice), n(r.currentMargin), n(r.newMargin), r.action,
      notesText(r.notes, lang), r.purchase, n(r.purchaseNewCost), r.costFrom,
      r.customerName, n(r.quantity), n(r.currentMarginPct), n(r.newMarginPct), r.strategy,
    ]),
  ];
}

/** True when a table's header (its first non-blank row) is a price-update proposal's, not a reconcile review's. */
export function isPriceProposal(raw: RawTable): boolean {
  const header = raw.rows.find((r) => !isBlankRow(r));
  if (!header) return false;
  const names = new Set(header.map((h) => canonicalColumn(PROPOSAL_VOCABULARY, h) ?? normalizeHeader(h)));
  return names.has("current_price") && names.has("new_price") && names.has("new_cost");
}

const ACTIONS: Record<string, "accept" | "skip"> = { accept: "accept", "übernehmen": "accept", uebernehmen: "accept", skip: "skip", "überspringen": "skip", ueberspringen: "skip" };
const REF = /^.+:\d+$/;

/**
 * Reads a proposal back by header names, German or English (the user may sort, filter, delete rows and edit new_price,
 * valid_from and action). Every bad cell is an issue naming row and column.
 */
export function readProposalTable(raw: RawTable): { decisions: PriceDecision[]; issues: Issue[] } {
  const canonical = canonicalTable(PROPOSAL_VOCABULARY, raw);
  const read = readCanonical(canonical.raw);
  return { ...read, issues: withUserColumns(PROPOSAL_VOCABULARY, read.issues, canonical) };
}

function readCanonical(raw: RawTable): { decisions: PriceDecision[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues };
  const missing = missingColumns(table, REQUIRED);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing] };
  const decisions: PriceDecision[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const actionText = r.text("action", true);
    const action = ACTIONS[actionText.toLowerCase()];
    if (actionText && !action) r.bad("review.invalid_action", "action", { value: actionText });
    const positionNo = r.positiveInt("position_no");
    const validFrom = r.date("valid_from", { required: true });
    const currentPrice = r.decimal("current_price", { kind: "price" }) ?? null;
    const newPrice = r.decimal("new_price", { kind: "price", required: action === "accept", fallback: action === "accept" ? undefined : "0", min0: true });
    const purchase = r.text("purchase").split(/\s+/).filter(Boolean);
    for (const ref of purchase) if (!REF.test(ref)) r.bad("price.invalid_purchase_ref", "purchase", { value: ref });
    const purchaseNewCost = r.decimal("purchase_new_cost", { kind: "price", min0: true }) ?? null;
    const costFrom = r.date("cost_from") ?? null;
    const contractNo = r.text("contract_no", true);
    if (r.issues.length > 0 || !action || !positionNo || !validFrom || newPrice === undefined) {
      pushAll(issues, r.issues);
      continue;
    }
    decisions.push({ source: table.source, row, action, customerNo: r.text("customer_no"), contractNo, positionNo, validFrom, currentPrice, newPrice, purchase, purchaseNewCost, costFrom });
  }
  return { decisions, issues };
}
