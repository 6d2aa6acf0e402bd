/**
 * The invoice list sheet "Rechnungsliste" / "Invoice list" (Rechnungsausgangsbuch): one row per
 * invoice of `listInvoices` in number order, headers and words (Art, Status) in the user's language,
 * dates as dates, amounts as numbers, numbers and runs as text; Stornorechnungen and
 * Rechnungskorrekturen tinted. Reads only: written again over the previous list.
 */
import { invoiceListTable, type InvoiceSummary } from "../../app/invoice-list";
import type { IsoDate } from "../../core/date/iso-date";
import { Decimal, sum, toCentsString } from "../../core/money/decimal";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { INVOICE_LIST_VOCABULARY } from "../../io/sheets/invoice-list-words";
import { sheetName } from "../../io/table/sheet-names";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export const INVOICE_LIST_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  invoice_ref: "id",
  invoice_date: "date",
  customer_no: "id",
  net_total: "money",
  vat_total: "money",
  gross_total: "money",
  cancelled_by: "id",
  cancels: "id",
  run_id: "id",
};

/** Light fills by document: a Stornorechnung red, a Rechnungskorrektur yellow (black text stays readable). */
export const INVOICE_LIST_COLOURS: Readonly<Record<string, string>> = { Stornorechnung: "#F8CBAD", Rechnungskorrektur: "#FFF2CC" };

/** `Rechnungsliste` / `Invoice list`. */
export function invoiceListSheetName(language: Language = "de"): string {
  return sheetName("invoiceList", language);
}

/** Header and one row per invoice, headers and words in the language. */
export function invoiceListSheetRows(invoices: readonly InvoiceSummary[], language: Language): SheetCell[][] {
  return localizeTable(INVOICE_LIST_VOCABULARY, invoiceListTable(invoices), language);
}

export function invoiceListWriteOptions(sheet: string, language: Language): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(INVOICE_LIST_VOCABULARY, c, language);
  return {
    tableName: tableNameFor(sheet),
    columns: Object.fromEntries(Object.entries(INVOICE_LIST_COLUMN_KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("document_title"), colours: Object.fromEntries(Object.entries(INVOICE_LIST_COLOURS).map(([t, c]) => [vocabularyWord(INVOICE_LIST_VOCABULARY, "document_title", t, language), c])) },
    replace: true,
  };
}

/** How many invoices and their gross sum (Stornorechnungen count negative), two decimals. */
export function invoiceListTotals(invoices: readonly InvoiceSummary[]): { invoices: number; gross: string } {
  return { invoices: invoices.length, gross: toCentsString(sum(invoices.map((i) => new Decimal(i.grossTotal)))) };
}

/** The list's default period: the calendar year of `today`. */
export function defaultInvoiceListPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = today.slice(0, 4);
  return { from: `${year}-01-01` as IsoDate, to: `${year}-12-31` as IsoDate };
}
