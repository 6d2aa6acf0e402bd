/**
 * The billing preview sheet *Rechnungen YYYY-MM*: one row per invoice line with the columns of the
 * generic export (PRODUCT.md §6.3) in the user's language, typed per column, difference and catch-up
 * lines highlighted, the period factor shown as days ("17 von 31 Tagen") where it is a share of one
 * month. Plus the month defaults and totals the Abrechnung area shows.
 */
import { monthSheetName, sheetName } from "../../io/table/sheet-names";
import type { Invoice } from "../../core/billing/invoice";
import { addMonths, monthOf, type IsoMonth } from "../../core/date/iso-month";
import type { IsoDate } from "../../core/date/iso-date";
import { Decimal, ZERO } from "../../core/money/decimal";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { prorationDaysText } from "../../core/billing/proration-text";
import { INVOICE_EXPORT_COLUMNS, invoiceExportRows } from "../../io/export/invoice-rows";
import { INVOICE_VOCABULARY } from "../../io/sheets/invoice-words";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { RunRecord } from "../../store/records";
import type { Language } from "../i18n";

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
  proration: "decimal",
  net_amount: "money",
  vat_pct: "decimal",
  corrects_ref: "id",
};

/** Light fills by line type: differences (credits and debits) and catch-ups stand out. */
export const LINE_TYPE_COLOURS: Readonly<Record<string, string>> = { difference: "#FFF2CC", catch_up: "#FCE4D6" };

/** The preview's columns: the export's, with the period factor as `proration` (days or months). */
export const INVOICE_SHEET_COLUMNS: readonly string[] = INVOICE_EXPORT_COLUMNS.map((c) => (c === "period_factor" ? "proration" : c));

/** `Rechnungen 2026-11` / `Invoices 2026-11`. */
/** The print title of a run: `Rechnungen 2026-11 (R-1)` / `Invoices 2026-11 (R-1)`. */
export function invoicePrintTitle(month: string, runId: string, language: Language = "de"): string {
  return `${sheetName("invoices", language)} ${month} (${runId})`;
}

export function invoiceSheetName(month: IsoMonth, language: Language = "de"): string {
  return monthSheetName("invoices", month, language);
}

/** Header and one row per invoice line, headers and line types in the language. */
export function invoiceSheetRows(invoices: readonly Invoice[], language: Language = "en"): SheetCell[][] {
  const lines = invoices.flatMap((i) => i.lines);
  const type = INVOICE_EXPORT_COLUMNS.indexOf("line_type");
  const factor = INVOICE_EXPORT_COLUMNS.indexOf("period_factor");
  const body = invoiceExportRows(invoices).map((row, k) => {
    const line = lines[k]!;
    return row.map((c, i): SheetCell => {
      if (i === type && line.catchUp) return "catch_up";
      if (i === factor) return prorationDaysText(line.serviceFrom, line.serviceTo, line.periodFactor, language) ?? { number: c.value };
      return c.kind === "number" ? { number: c.value } : c.value;
    });
  });
  return localizeTable(INVOICE_VOCABULARY, [[...INVOICE_SHEET_COLUMNS], ...body], language);
}

export function invoiceWriteOptions(sheet: string, extra: Partial<WriteTableOptions> = {}, language: Language = "en"): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(INVOICE_VOCABULARY, c, language);
  return {
    tableName: tableNameFor(sheet),
    columns: Object.fromEntries(Object.entries(INVOICE_COLUMN_KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("line_type"), colours: Object.fromEntries(Object.entries(LINE_TYPE_COLOURS).map(([t, c]) => [vocabularyWord(INVOICE_VOCABULARY, "line_type", t, language), c])) },
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
  /** Recurring lines for periods that fell due before the month (*Nachberechnung*). */
  catchUps: number;
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
    catchUps: invoices.reduce((n, i) => n + i.lines.filter((l) => l.catchUp).length, 0),
  };
}

/** The billing runs the area can act on (not undone, no cancellation runs), newest first: the area's run picker. */
export function pickableRuns(runs: readonly RunRecord[]): RunRecord[] {
  // A Stornorechnung's run is not a billing run: the area keeps acting on the run it cancelled in.
  return runs.filter((r) => !r.undoneAt && r.kind !== "cancellation").sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : b.id.localeCompare(a.id)));
}

/** The latest run that is not undone (and no cancellation run), or null: the first of `pickableRuns`. */
export function latestRun(runs: readonly RunRecord[]): RunRecord | null {
  return pickableRuns(runs)[0] ?? null;
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
