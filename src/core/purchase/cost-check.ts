import { pushAll } from "../array";
import type { LedgerEntry } from "../billing/ledger";
import type { Contract } from "../contract/model";
import type { Note } from "../issues";
import { IsoMonth, lastDayOf } from "../date/iso-month";
import { Decimal, ZERO, toStored } from "../money/decimal";
import type { ReviewRow } from "../reconcile/review-row";
import type { MappingLookup } from "../reconcile/reconcile-month";
import type { UsageMark, UsageRecord } from "../usage/model";
import { CostIndex, salesUnitCost } from "./unit-cost";

/**
 * Findings of the cost check (PRODUCT.md §5.6, §8 `cost-check`), several joined by a space:
 * - `unbilled`: vendor seats with no contract position (revenue leakage), including seats of vendor
 *   customers or SKUs that are not mapped yet;
 * - `quantity_drift`: vendor quantity ≠ contract quantity (the note says how many seats are unbilled
 *   or paid for but unused);
 * - `negative_margin`: our net price per unit is below the vendor's unit cost;
 * - `usage_unbilled`: usage (Azure consumption …) the vendor charged that no billing run billed yet;
 * - `usage_below_cost`: usage billed for less than the vendor charged;
 * - `ok`: none of these.
 */
export type CostFinding = "unbilled" | "quantity_drift" | "negative_margin" | "usage_unbilled" | "usage_below_cost" | "ok";

/** One row of the cost check: one customer and article. Decimals as strings, "" when unknown. */
export interface CostCheckRow {
  customerNo: string;
  customerName: string;
  articleNo: string;
  externalCustomerId: string;
  externalArticleId: string;
  contractNo: string;
  positionNo: number | null;
  vendorQty: string;
  /** Vendor cost per unit and month. */
  vendorUnitCost: string;
  /** Sum of the vendor file's amounts on the seat lines behind the row. */
  vendorAmount: string;
  contractQty: string;
  /** Our net price per unit and month (after discount). */
  netPrice: string;
  /** What the ledger holds for the month for the customer's positions of the article (as invoiced, two decimals). */
  billedAmount: string;
  /** netPrice − vendorUnitCost. */
  margin: string;
  /** Cost per unit from the linked purchase positions (unit-cost.ts); "" when none is linked. */
  purchaseUnitCost: string;
  finding: string;
  /** Notes as message codes with params (the `note` column, rendered per language). */
  notes: Note[];
}

export interface CostCheckInput {
  month: IsoMonth;
  /** The reconciliation of the vendor file for the month (app/reconcile.ts). */
  review: readonly ReviewRow[];
  contracts: ReadonlyMap<string, Contract>;
  ledger: readonly LedgerEntry[];
  costs: CostIndex;
  /** Vendor file amount per row number. */
  amountByRow: ReadonlyMap<number, string>;
  /** Usage of the file (issue 19): compared with what runs billed for it, never counted as seats. */
  usage?: UsageCostInput;
}

/** The usage side of the cost check: the file's usage records and what active runs billed for usage. */
export interface UsageCostInput {
  records: readonly UsageRecord[];
  /** Mapping lookup (ids in normal form), as the usage review resolves customers. */
  lookup: MappingLookup;
  customers: ReadonlyMap<string, { name: string }>;
  /** Marks of active runs (UsageMark, by record key). */
  marks: readonly UsageMark[];
}

/**
 * Compares a vendor file's cost per customer and article with the contracts and with what was billed
 * for the month. Built on the reconciliation of the same month, so the vendor quantity, unit cost and
 * mapping rules are those of PRODUCT.md §5.7.
 */
export function costCheck(input: CostCheckInput): CostCheckRow[] {
  const billed = billedByCustomerArticle(input);
  const day = lastDayOf(input.month);
  const rows = input.review.map((r): CostCheckRow => {
    const matched = r.positionNo !== null && r.contractQty !== null && r.status !== "new_position";
    const vendorQty = new Decimal(r.vendorQty ?? "0");
    const contractQty = new Decimal(r.contractQty ?? "0");
    const findings: CostFinding[] = [];
    const notes: Note[] = [];
    if (!matched) {
      findings.push("unbilled");
      notes.push(unbilledNote(r));
    } else if (!vendorQty.equals(contractQty)) {
      findings.push("quantity_drift");
      const diff = vendorQty.minus(contractQty);
      notes.push(diff.isPositive() ? { code: "note.cost.vendor_seats", params: { count: toStored(diff) } } : { code: "note.cost.contract_seats", params: { count: toStored(diff.negated()) } });
    }
    if (matched && r.unitPrice !== null && r.unitCost !== null && new Decimal(r.unitPrice).lessThan(r.unitCost)) findings.push("negative_margin");
    const billedAmount = r.customerNo && r.articleNo ? billed.get(`${r.customerNo}\u0000${r.articleNo}`) : undefined;
    if (matched && contractQty.isPositive() && billedAmount === undefined) notes.push({ code: "note.cost.not_billed_yet", params: { month: input.month } });
    const purchaseCost = matched ? salesUnitCost(input.costs, r.contractNo, r.positionNo!, day) : null;
    const amount = r.rows.reduce((s, row) => s.plus(input.amountByRow.get(row) ?? "0"), ZERO);
    return {
      customerNo: r.customerNo,
      customerName: r.customerName,
      articleNo: r.articleNo,
      externalCustomerId: r.externalCustomerId,
      externalArticleId: r.externalArticleId,
      contractNo: matched ? r.contractNo : "",
      positionNo: matched ? r.positionNo : null,
      vendorQty: r.vendorQty ?? "0",
      vendorUnitCost: r.unitCost ?? "",
      vendorAmount: r.rows.length > 0 ? toStored(amount) : "",
      contractQty: matched ? toStored(contractQty) : "0",
      netPrice: matched ? r.unitPrice ?? "" : "",
      billedAmount: billedAmount === undefined ? (r.customerNo && r.articleNo ? "0.00" : "") : billedAmount.toFixed(2),
      margin: matched && r.unitPrice !== null && r.unitCost !== null ? toStored(new Decimal(r.unitPrice).minus(r.unitCost)) : "",
      purchaseUnitCost: purchaseCost === null ? "" : toStored(purchaseCost),
      finding: findings.length > 0 ? findings.join(" ") : "ok",
      notes,
    };
  });
  if (input.usage) pushAll(rows, usageCostRows(input.month, input.usage));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => cmp(a.customerNo, b.customerNo) || cmp(a.articleNo, b.articleNo) || cmp(a.externalCustomerId, b.externalCustomerId) || cmp(a.externalArticleId, b.externalArticleId) || cmp(a.contractNo, b.contractNo));
}

function unbilledNote(r: ReviewRow): Note {
  if (r.status === "unmapped_customer") return { code: "note.cost.unmapped_customer", params: { id: r.externalCustomerId, name: r.vendorCustomerName } };
  if (r.status === "unmapped_article") return { code: "note.cost.unmapped_article", params: { id: r.externalArticleId, name: r.vendorArticleName } };
  return r.contractNo ? { code: "note.cost.no_position_for", params: { contract: r.contractNo } } : { code: "note.cost.no_position", params: {} };
}

/** Ledger amounts (as invoiced) of the month per customer and article. */
function billedByCustomerArticle(input: CostCheckInput): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const e of input.ledger) {
    if (e.month !== input.month) continue;
    const customerNo = input.contracts.get(e.contractNo)?.customerNo;
    if (customerNo === undefined) continue;
    const key = `${customerNo}\u0000${e.articleNo}`;
    out.set(key, (out.get(key) ?? ZERO).plus(e.roundedAmount));
  }
  return out;
}

/**
 * One cost-check row per usage record of the month: the vendor's cost against the net billed for it
 * (its UsageMark). Usage is never "unbilled seats": it is `usage_unbilled` until a run bills it, then
 * `usage_below_cost` when billed for less than it cost, else `ok`.
 */
export function usageCostRows(month: IsoMonth, usage: UsageCostInput): CostCheckRow[] {
  const marks = new Map(usage.marks.map((m) => [m.key, m]));
  return usage.records
    .filter((r) => r.month === month)
    .map((r): CostCheckRow => {
      const customerNo = usage.lookup("customer", r.source, r.vendorCustomerId) ?? "";
      const mark = marks.get(r.key);
      const cost = new Decimal(r.cost);
      const quantity = new Decimal(r.quantity);
      const billed = mark ? new Decimal(mark.net) : null;
      const finding: CostFinding = billed === null ? "usage_unbilled" : billed.lessThan(cost) ? "usage_below_cost" : "ok";
      return {
        customerNo,
        customerName: customerNo ? usage.customers.get(customerNo)?.name ?? "" : "",
        articleNo: mark?.articleNo ?? "",
        externalCustomerId: r.vendorCustomerId,
        externalArticleId: r.vendorArticleKey,
        contractNo: "",
        positionNo: null,
        vendorQty: r.quantity,
        vendorUnitCost: quantity.isZero() ? "" : toStored(cost.dividedBy(quantity).toDecimalPlaces(6)),
        vendorAmount: r.cost,
        contractQty: "",
        netPrice: "",
        billedAmount: billed === null ? "0.00" : billed.toFixed(2),
        margin: billed === null ? "" : toStored(billed.minus(cost)),
        purchaseUnitCost: "",
        finding,
        notes: [
          billed === null
            ? { code: "note.cost.usage_not_billed", params: { month: r.month, article: r.vendorArticleName || r.vendorArticleKey } }
            : { code: "note.cost.usage_billed", params: { month: r.month, invoice: mark!.invoiceRef, line: mark!.lineNo } },
        ],
      };
    });
}
