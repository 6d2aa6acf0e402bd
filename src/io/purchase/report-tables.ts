import type { CostCheckRow } from "../../core/purchase/cost-check";
import type { LinkReportRow } from "../../core/purchase/links-report";
import { type Lang, notesText } from "../../core/messages";
import type { CsvCell } from "../table/write-csv";

const n = (v: string): CsvCell => (v === "" ? "" : { number: v });
const int = (v: number | null): CsvCell => (v === null ? "" : { number: String(v) });

const PURCHASE_SIDE = ["supplier", "purchase_no", "supplier_ref", "purchase_position_no", "purchase_article_no", "object", "purchase_qty", "unit_cost", "linked_sales_qty"] as const;
const SALES_SIDE = [
  "customer_no", "customer_name", "contract_no", "position_no", "article_no", "contract_start", "contract_end", "valid_from", "valid_to",
  "quantity", "unit_price", "discount_pct", "net_price", "sales_unit_cost", "margin", "margin_pct",
] as const;

/** Links report columns: by purchase position (default) or, `reverse`, by sales position. */
export function linksReportColumns(reverse: boolean): string[] {
  return reverse ? ["status", ...SALES_SIDE, ...PURCHASE_SIDE] : ["status", ...PURCHASE_SIDE, ...SALES_SIDE];
}

/** The links report as a table (header first). */
export function linksReportTableRows(rows: readonly LinkReportRow[], reverse = false): CsvCell[][] {
  const purchase = (r: LinkReportRow): CsvCell[] => [r.supplier, r.purchaseNo, r.supplierRef, int(r.purchasePositionNo), r.purchaseArticleNo, r.object, n(r.purchaseQty), n(r.unitCost), n(r.linkedSalesQty)];
  const sales = (r: LinkReportRow): CsvCell[] => [
    r.customerNo, r.customerName, r.contractNo, int(r.positionNo), r.articleNo, r.contractStart, r.contractEnd, r.validFrom, r.validTo,
    n(r.quantity), n(r.unitPrice), n(r.discountPct), n(r.netPrice), n(r.salesUnitCost), n(r.margin), n(r.marginPct),
  ];
  return [linksReportColumns(reverse), ...rows.map((r) => (reverse ? [r.status, ...sales(r), ...purchase(r)] : [r.status, ...purchase(r), ...sales(r)]))];
}

/** Cost check columns (PRODUCT.md §8 `cost-check`). */
export const COST_CHECK_COLUMNS = [
  "customer_no", "customer_name", "article_no", "contract_no", "position_no", "vendor_qty", "vendor_unit_cost", "vendor_amount",
  "contract_qty", "net_price", "billed_amount", "margin", "purchase_unit_cost", "finding", "note", "external_customer_id", "external_article_id",
] as const;

/** The cost check as a table (header first); notes in the language. */
export function costCheckTableRows(rows: readonly CostCheckRow[], lang: Lang = "en"): CsvCell[][] {
  return [
    [...COST_CHECK_COLUMNS],
    ...rows.map((r) => [
      r.customerNo, r.customerName, r.articleNo, r.contractNo, int(r.positionNo), n(r.vendorQty), n(r.vendorUnitCost), n(r.vendorAmount),
      n(r.contractQty), n(r.netPrice), n(r.billedAmount), n(r.margin), n(r.purchaseUnitCost), r.finding, notesText(r.notes, lang), r.externalCustomerId, r.externalArticleId,
    ]),
  ];
}
