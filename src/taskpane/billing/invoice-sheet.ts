/**
 * The billing preview sheet *Rechnungen YYYY-MM*: one row per invoice line with the columns of the
 * generic export (PRODUCT.md §6.3), typed per column, difference lines highlighted. Plus the month
 * defaults and totals the Abrechnung area shows.
 */
import type { Invoice } from "../../core/billing/invoice";
import { addMonths, monthOf, type IsoMonth } from "../../core/date/iso-month";
import type { IsoDate } from "../../core/date/iso-date";
import { Decimal, ZERO } from "../../core/money/decimal";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { INVOICE_EXPORT_COLUMNS, invoiceExportRows } from "../../io/export/invoice-rows";
import type { RunRecord } from "../../store/records";

export const INVOICE_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  invoice_ref: "id",
  customer_no: "id",
  invoice_date: "date",
  contract_no: "id",
  position_no: "integer",
  article_no: "id",
  service_from: "date",
  service_to: "date",
  quantity: "decimal",
  unit_price: "money",
  discount_pct: "decimal",
  period_factor: "decimal",
  net_amount: "money",
  vat_pct: "decimal",
  corrects_ref: "id",
};

/** Light fills by line type: differences (credits and debits) stand out. */
export const LINE_TYPE_COLOURS: Readonly<Record<string, string>> = { difference: "#FFF2CC" };

export function invoiceSheetName(month: IsoMonth): string {
  return `Rechnungen ${month}`;
}

/** Header and one row per invoice line. */
export function invoiceSheetRows(invoices: readonly Invoice[]): SheetCell[][] {
  return [[...INVOICE_EXPORT_COLUMNS], ...invoiceExportRows(invoices).map((row) => row.map((c): SheetCell => (c.kind === "number" ? { number: c.value } : c.value)))];
}

export function invoiceWriteOptions(sheet: string, extra: Partial<WriteTableOptions> = {}): WriteTableOptions {
  return {
    tableName: tableNameFor(sheet),
    columns: INVOICE_COLUMN_KINDS,
    status: { column: "line_type", colours: LINE_TYPE_COLOURS },
    replace: true,
    ...extra,
  };
}

export interface BillingTotals {
  invoices: number;
  lines: number;
  customers: number;
  net: string;
  gross: string;
  differences: number;
}

export function billingTotals(invoices: readonly Invoice[]): BillingTotals {
  let net = ZERO;
  let gross = ZERO;
  for (const i of invoices) {
    net = net.plus(i.netTotal);
    gross = gross.plus(i.grossTotal);
  }
  return {
    invoices: invoices.length,
    lines: invoices.reduce((n, i) => n + i.lines.length, 0),
    customers: new Set(invoices.map((i) => i.customerNo)).size,
    net: new Decimal(net).toFixed(2),
    gross: new Decimal(gross).toFixed(2),
    differences: invoices.reduce((n, i) => n + i.lines.filter((l) => l.lineType === "difference").length, 0),
  };
}

/** The latest run that is not undone, or null. */
export function latestRun(runs: readonly RunRecord[]): RunRecord | null {
  // A Stornorechnung's run is not a billing run: the area keeps acting on the run it cancelled in.
  const live = runs.filter((r) => !r.undoneAt && r.kind !== "cancellation").sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id)));
  return live[live.length - 1] ?? null;
}

/** The month to bill next: the one after the latest run's month, else the current month. */
export function defaultBillingMonth(runs: readonly RunRecord[], today: IsoDate): IsoMonth {
  const latest = latestRun(runs);
  return latest ? addMonths(latest.month, 1) : monthOf(today);
}

/** A money amount for display: `1.234,50 €` / `€1,234.50`. */
export function formatMoney(amount: string, language: "de" | "en"): string {
  const n = Number(amount);
  return new Intl.NumberFormat(language === "de" ? "de-DE" : "en-GB", { style: "currency", currency: "EUR" }).format(Number.isFinite(n) ? n : 0);
}
