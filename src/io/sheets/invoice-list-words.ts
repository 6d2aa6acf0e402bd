/**
 * The invoice list (Rechnungsausgangsbuch) in German and English (issue 20): the sheet
 * "Rechnungsliste" / "Invoice list" the pane writes from `listInvoices`, with the canonical columns
 * of the CLI's `invoices --out FILE.csv`; the document titles (German codes, as src/core/billing/invoice.ts
 * names them) and the draft/issued state as words.
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";

/** The columns in the sheet's order (the CLI's CSV columns, the run last). */
export const INVOICE_LIST_COLUMNS = [
  "invoice_ref", "invoice_date", "customer_no", "customer_name", "document_title", "state", "net_total", "vat_total", "gross_total", "cancelled_by", "cancels", "reason", "run_id",
] as const;

export const INVOICE_LIST_VOCABULARY: SheetVocabulary = {
  headers: {
    invoice_ref: "Rechnungsnummer",
    invoice_date: "Datum",
    customer_no: "Kundennummer",
    customer_name: "Kunde",
    document_title: "Art",
    state: "Status",
    net_total: "Netto",
    vat_total: "USt",
    gross_total: "Brutto",
    cancelled_by: "storniert durch",
    cancels: "storniert Rechnung",
    reason: "Grund",
    run_id: "Lauf",
  },
  headersEn: {
    invoice_ref: "Invoice no.",
    invoice_date: "Date",
    customer_name: "Customer",
    document_title: "Type",
    state: "Status",
    net_total: "Net",
    vat_total: "VAT",
    gross_total: "Gross",
    cancelled_by: "Cancelled by",
    cancels: "Cancels invoice",
    run_id: "Run",
  },
  words: {
    document_title: {
      Rechnung: { de: "Rechnung", en: "Invoice" },
      Rechnungskorrektur: { de: "Rechnungskorrektur", en: "Corrective invoice" },
      Stornorechnung: { de: "Stornorechnung", en: "Cancellation invoice" },
    },
    state: {
      draft: { de: "Entwurf", en: "Draft" },
      issued: { de: "festgeschrieben", en: "Issued" },
    },
  },
};
