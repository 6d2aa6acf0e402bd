import type { Invoice } from "../../core/billing/invoice";
import type { IsoDate } from "../../core/date/iso-date";
import { priceText } from "../../core/money/decimal";

/** The columns of the invoice batch export, in order (PRODUCT.md §6.3). */
export const INVOICE_EXPORT_COLUMNS = [
  "invoice_ref",
  "customer_no",
  "customer_name",
  "invoice_date",
  "contract_no",
  "position_no",
  "article_no",
  "description",
  "line_type",
  "service_from",
  "service_to",
  "quantity",
  "unit_price",
  "discount_pct",
  "period_factor",
  "net_amount",
  "vat_pct",
  "corrects_ref",
] as const;

/**
 * A typed cell, so each target (CSV dialect, worksheet) formats it its own way: text is
 * neutralised against formula injection, numbers (canonical `.` decimals) and dates never are.
 */
export type ExportCell =
  | { kind: "text"; value: string }
  | { kind: "number"; value: string }
  | { kind: "date"; value: IsoDate };

const text = (value: string): ExportCell => ({ kind: "text", value });
const num = (value: string): ExportCell => ({ kind: "number", value });
const date = (value: IsoDate): ExportCell => ({ kind: "date", value });

/** One row per invoice line, cells in {@link INVOICE_EXPORT_COLUMNS} order. */
export function invoiceExportRows(invoices: readonly Invoice[]): ExportCell[][] {
  const rows: ExportCell[][] = [];
  for (const inv of invoices) {
    for (const l of inv.lines) {
      rows.push([
        text(inv.invoiceRef),
        text(inv.customerNo),
        text(inv.customerName),
        date(inv.invoiceDate),
        text(l.contractNo),
        num(String(l.positionNo)),
        text(l.articleNo),
        text(l.description),
        text(l.lineType),
        date(l.serviceFrom),
        date(l.serviceTo),
        num(l.quantity),
        num(priceText(l.unitPrice)),
        num(l.discountPct),
        num(l.periodFactor),
        num(l.netAmount),
        num(l.vatPct),
        text(l.correctsRef ?? ""),
      ]);
    }
  }
  return rows;
}
