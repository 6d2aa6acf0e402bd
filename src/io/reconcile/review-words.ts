/**
 * The reconciliation review sheet in the user's language (issue 20): one catalogue of header and
 * status/action words per language. Writers pick a language; the reader accepts both, in any case
 * and spacing, and maps them back to the canonical (English code) names.
 */
import type { ReconcileStatus, ReviewAction } from "../../core/reconcile/review-row";
import { isBlankRow, type RawTable } from "../table/raw-table";
import type { SheetVocabulary, WordList } from "../table/sheet-vocabulary";

export type SheetLanguage = "de" | "en";

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

export const REVIEW_STATUS_WORDS: Readonly<Record<SheetLanguage, Readonly<Record<ReconcileStatus, string>>>> = {
  de: {
    quantity_changed: "Menge geändert",
    new_position: "Neue Position",
    missing_in_file: "Fehlt in Datei",
    unmapped_customer: "Kunde nicht zugeordnet",
    unmapped_article: "Artikel nicht zugeordnet",
    unchanged: "Unverändert",
  },
  en: {
    quantity_changed: "quantity_changed",
    new_position: "new_position",
    missing_in_file: "missing_in_file",
    unmapped_customer: "unmapped_customer",
    unmapped_article: "unmapped_article",
    unchanged: "unchanged",
  },
};

export const REVIEW_ACTION_WORDS: Readonly<Record<SheetLanguage, Readonly<Record<ReviewAction, string>>>> = {
  de: { accept: "übernehmen", skip: "überspringen" },
  en: { accept: "accept", skip: "skip" },
};

/** The header of a canonical column in a language. */
export function reviewHeader(column: string, lang: SheetLanguage): string {
  return lang === "de" ? REVIEW_HEADERS_DE[column] ?? column : column;
}

const key = (s: string): string => s.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");

const HEADER_BACK = new Map<string, string>(Object.entries(REVIEW_HEADERS_DE).flatMap(([c, de]) => [[key(de), c], [key(c), c]]));

/** Canonical status of a cell in either language (`Menge geändert`, `quantity_changed`, ` MENGE  geändert `). */
export function reviewStatusOf(text: string): ReconcileStatus | undefined {
  const k = key(text);
  for (const words of Object.values(REVIEW_STATUS_WORDS)) {
    for (const [status, word] of Object.entries(words)) if (key(word) === k) return status as ReconcileStatus;
  }
  return undefined;
}

/** Canonical action of a cell in either language (also `uebernehmen`/`ueberspringen`). */
export function reviewActionOf(text: string): ReviewAction | undefined {
  const k = key(text).replace(/ue/g, "ü");
  for (const words of Object.values(REVIEW_ACTION_WORDS)) {
    for (const [action, word] of Object.entries(words)) if (key(word) === k) return action as ReviewAction;
  }
  return undefined;
}

/** The raw table with German header cells of the first non-blank row replaced by the canonical names. */
export function canonicalReviewHeaders(raw: RawTable): RawTable {
  const at = raw.rows.findIndex((r) => !isBlankRow(r));
  if (at < 0) return raw;
  const rows = raw.rows.slice();
  rows[at] = rows[at]!.map((h) => HEADER_BACK.get(key(h)) ?? h);
  return { ...raw, rows };
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
      unbilled: { de: "Nicht abgerechnet" },
      negative_margin: { de: "Negative Marge" },
      not_refundable: { de: "Nicht erstattungsfähig" },
      billed_annually: { de: "Jährlich berechnet" },
    },
    billing_frequency: { monthly: { de: "monatlich" }, annual: { de: "jährlich" }, triennial: { de: "dreijährlich" }, one_time: { de: "einmalig" } },
    term: { trial: { de: "Testphase" } },
  },
};
