/**
 * The reconciliation review sheet in the user's language (issue 20): one catalogue of header and
 * status/action words per language. Writers pick a language; the reader accepts both, in any case
 * and spacing, and maps them back to the canonical (English code) names.
 */
import type { ReconcileStatus, ReviewAction } from "../../core/reconcile/review-row";
import { type SheetLanguage, type SheetVocabulary, type TableLanguage, vocabularyHeader, type WordList, vocabularyValue } from "../table/sheet-vocabulary";

export type { SheetLanguage, TableLanguage };

/** German header of each canonical review column (English headers are the canonical names). */
export const REVIEW_HEADERS_DE: Readonly<Record<string, string>> = {
  status: "Status",
  customer_no: "Kundennummer",
  contract_no: "Vertragsnummer",
  position_no: "Position",
  article_no: "Artikelnummer",
  external_customer_id: "Externe Kunden-ID",
  external_article_id: "Externe Artikel-ID",
  contract_qty: "Menge Vertrag",
  vendor_qty: "Menge Lieferant",
  delta: "Differenz",
  effective_date: "Wirksam ab",
  unit_cost: "Einkaufspreis",
  unit_price: "Verkaufspreis",
  action: "Aktion",
  position_qty: "Menge Position",
  margin: "Marge",
  finding: "Befund",
  customer_name: "Kundenname",
  vendor_customer_name: "Kundenname Lieferant",
  vendor_article_name: "Artikelname Lieferant",
  source: "Quelle",
  vendor_rows: "Zeilen Lieferant",
  note: "Hinweis",
  term: "Laufzeit",
  billing_frequency: "Abrechnungsintervall",
  commitment_end: "Bindung bis",
};

/** Status words per language; `code` is the documented CLI file format (PRODUCT.md §8). */
export const REVIEW_STATUS_WORDS: Readonly<Record<TableLanguage, Readonly<Record<ReconcileStatus, string>>>> = {
  de: {
    quantity_changed: "Menge geändert",
    new_position: "Neue Position",
    missing_in_file: "Fehlt in Datei",
    unmapped_customer: "Kunde nicht zugeordnet",
    unmapped_article: "Artikel nicht zugeordnet",
    unchanged: "Unverändert",
  },
  en: {
    quantity_changed: "Quantity changed",
    new_position: "New position",
    missing_in_file: "Missing in file",
    unmapped_customer: "Customer not mapped",
    unmapped_article: "Article not mapped",
    unchanged: "Unchanged",
  },
  code: {
    quantity_changed: "quantity_changed",
    new_position: "new_position",
    missing_in_file: "missing_in_file",
    unmapped_customer: "unmapped_customer",
    unmapped_article: "unmapped_article",
    unchanged: "unchanged",
  },
};

export const REVIEW_ACTION_WORDS: Readonly<Record<TableLanguage, Readonly<Record<ReviewAction, string>>>> = {
  de: { accept: "übernehmen", skip: "überspringen" },
  en: { accept: "accept", skip: "skip" },
  code: { accept: "accept", skip: "skip" },
};

/** The header of a canonical column in a language (`code`: the canonical name). */
export function reviewHeader(column: string, lang: TableLanguage): string {
  return vocabularyHeader(REVIEW_VOCABULARY, column, lang);
}

/** Canonical status of a cell in any language or as code (`Menge geändert`, `Quantity changed`, `quantity_changed`, ` MENGE  geändert `). */
export function reviewStatusOf(text: string): ReconcileStatus | undefined {
  return vocabularyValue(REVIEW_VOCABULARY, "status", text) as ReconcileStatus | undefined;
}

/** Canonical action of a cell in either language (also `uebernehmen`/`ueberspringen`). */
export function reviewActionOf(text: string): ReviewAction | undefined {
  return vocabularyValue(REVIEW_VOCABULARY, "action", text) as ReviewAction | undefined;
}

const wordList = (words: Readonly<Record<SheetLanguage, Readonly<Record<string, string>>>>): WordList =>
  Object.fromEntries(Object.keys(words.en).map((k) => [k, { de: words.de[k]!, en: words.en[k]! }]));

/**
 * The review as a sheet vocabulary (src/io/table/sheet-vocabulary.ts): headers, statuses, actions,
 * and the words of the informational columns (findings, vendor billing frequency, term).
 */
export const REVIEW_VOCABULARY: SheetVocabulary = {
  headers: REVIEW_HEADERS_DE,
  words: {
    status: wordList(REVIEW_STATUS_WORDS),
    action: wordList(REVIEW_ACTION_WORDS),
    finding: {
      unbilled: { de: "Nicht abgerechnet", en: "Not billed" },
      negative_margin: { de: "Negative Marge", en: "Negative margin" },
      not_refundable: { de: "Nicht erstattungsfähig", en: "Not refundable" },
      billed_annually: { de: "Jährlich berechnet", en: "Billed annually" },
    },
    billing_frequency: {
      monthly: { de: "monatlich", en: "monthly" }, annual: { de: "jährlich", en: "annual" }, triennial: { de: "dreijährlich", en: "triennial" }, one_time: { de: "einmalig", en: "one-time" },
    },
    term: {
      P1M: { de: "1 Monat", en: "1 month" }, P1Y: { de: "1 Jahr", en: "1 year" }, P3Y: { de: "3 Jahre", en: "3 years" }, trial: { de: "Testphase", en: "trial" },
    },
  },
};
