/**
 * Invoice lines in German (issue 20): the headers of the invoice export (PRODUCT.md §6.3) and of the
 * billing preview sheet, and the line-type words (*Nachberechnung* is a recurring line for a period
 * that fell due before the billed month, see src/core/billing/catch-up.ts).
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";

export const INVOICE_VOCABULARY: SheetVocabulary = {
  headers: {
    invoice_ref: "Rechnungsnummer",
    customer_no: "Kundennummer",
    customer_name: "Kundenname",
    invoice_date: "Rechnungsdatum",
    contract_no: "Vertragsnummer",
    position_no: "Position",
    article_no: "Artikelnummer",
    description: "Beschreibung",
    line_type: "Zeilenart",
    service_from: "Leistung von",
    service_to: "Leistung bis",
    quantity: "Menge",
    unit_price: "Einzelpreis",
    discount_pct: "Rabatt %",
    period_factor: "Monatsanteil",
    proration: "Zeitanteil",
    net_amount: "Nettobetrag",
    vat_pct: "USt %",
    corrects_ref: "Korrektur zu",
  },
  headersEn: { invoice_ref: "Invoice no.", corrects_ref: "Corrects invoice", period_factor: "Month share" },
  words: {
    line_type: {
      recurring: { de: "Laufend", en: "Recurring" },
      catch_up: { de: "Nachberechnung", en: "Catch-up" },
      difference: { de: "Differenz", en: "Difference" },
      time: { de: "Zeit", en: "Time" },
      flat_fee: { de: "Pauschale", en: "Flat fee" },
      click: { de: "Klicks", en: "Clicks" },
      usage: { de: "Verbrauch", en: "Usage" },
    },
  },
};
