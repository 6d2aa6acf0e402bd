/**
 * The purchase sheets in German (issue 20): links report, links edit sheet, cost check and price
 * update proposal — headers and their code words (statuses, findings, actions). Read back (links
 * edit sheet, proposal) German and English are both accepted (src/io/table/sheet-vocabulary.ts).
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";
import { BILLING_INTERVAL_WORDS, CORRECTION_HEADER, YES_NO } from "./common-words";

const COMMON: Readonly<Record<string, string>> = {
  status: "Status",
  supplier: "Lieferant",
  purchase_no: "Einkaufsvertrag",
  supplier_ref: "Referenz Lieferant",
  purchase_position_no: "Einkaufsposition",
  purchase_article_no: "Artikel Einkauf",
  object: "Objekt",
  purchase_qty: "Menge Einkauf",
  unit_cost: "Einkaufspreis",
  linked_sales_qty: "Verknüpfte Menge Verkauf",
  customer_no: "Kundennummer",
  customer_name: "Kundenname",
  contract_no: "Vertragsnummer",
  position_no: "Position",
  article_no: "Artikelnummer",
  description: "Beschreibung",
  contract_start: "Vertragsbeginn",
  contract_end: "Vertragsende",
  valid_from: "Gültig ab",
  valid_to: "Gültig bis",
  quantity: "Menge",
  unit_price: "Einzelpreis",
  discount_pct: "Rabatt %",
  net_price: "Nettopreis",
  sales_unit_cost: "Einkaufspreis Verkauf",
  margin: "Marge",
  margin_pct: "Marge %",
  action: "Aktion",
  note: "Hinweis",
};

/**
 * The purchase contracts file (`purchase import`) read with German headers too, as the links report
 * names the columns, and the correction marker *Korrektur: ja* as on the master sheets.
 */
export const PURCHASE_CONTRACT_VOCABULARY: SheetVocabulary = {
  headers: {
    supplier: COMMON.supplier!, purchase_no: COMMON.purchase_no!, supplier_ref: COMMON.supplier_ref!, position_no: COMMON.position_no!,
    article_no: COMMON.article_no!, description: COMMON.description!, object: COMMON.object!, quantity: COMMON.quantity!, unit_cost: COMMON.unit_cost!,
    billing_interval: "Abrechnungsintervall", valid_from: COMMON.valid_from!, ...CORRECTION_HEADER,
  },
  words: { billing_interval: BILLING_INTERVAL_WORDS, correction: YES_NO },
};

export const LINKS_REPORT_VOCABULARY: SheetVocabulary = {
  headers: COMMON,
  words: {
    status: {
      linked: { de: "Verknüpft", en: "Linked" },
      inactive: { de: "Inaktiv", en: "Inactive" },
      not_linked: { de: "Nicht verknüpft", en: "Not linked" },
      uncovered: { de: "Ohne Einkauf", en: "Uncovered" },
    },
  },
};

export const LINKS_EDIT_VOCABULARY: SheetVocabulary = {
  headers: COMMON,
  words: { action: { link: { de: "verknüpfen", en: "link" }, unlink: { de: "lösen", en: "unlink" } } },
};

export const COST_CHECK_VOCABULARY: SheetVocabulary = {
  headers: {
    ...COMMON,
    vendor_qty: "Menge Lieferant",
    vendor_unit_cost: "Einkaufspreis Lieferant",
    vendor_amount: "Betrag Lieferant",
    contract_qty: "Menge Vertrag",
    billed_amount: "Abgerechnet",
    purchase_unit_cost: "Einkaufspreis Vertrag",
    finding: "Befund",
    external_customer_id: "Externe Kunden-ID",
    external_article_id: "Externe Artikel-ID",
  },
  words: {
    finding: {
      ok: { de: "in Ordnung", en: "OK" },
      unbilled: { de: "Nicht abgerechnet", en: "Not billed" },
      quantity_drift: { de: "Menge weicht ab", en: "Quantity differs" },
      negative_margin: { de: "Negative Marge", en: "Negative margin" },
      usage_unbilled: { de: "Verbrauch nicht abgerechnet", en: "Usage not billed" },
      usage_below_cost: { de: "Verbrauch unter Einkauf", en: "Usage below cost" },
    },
  },
};

export const PROPOSAL_VOCABULARY: SheetVocabulary = {
  headers: {
    ...COMMON,
    current_price: "Preis bisher",
    current_cost: "Einkauf bisher",
    new_cost: "Einkauf neu",
    new_price: "Preis neu",
    current_margin: "Marge bisher",
    new_margin: "Marge neu",
    purchase: "Einkaufspositionen",
    purchase_new_cost: "Einkaufspreis neu",
    cost_from: "Einkauf ab",
    current_margin_pct: "Marge % bisher",
    new_margin_pct: "Marge % neu",
    strategy: "Strategie",
  },
  headersEn: { purchase: "Purchase positions", purchase_new_cost: "New purchase cost", current_margin_pct: "Current margin %", sales_unit_cost: "Unit cost (sales)" },
  words: {
    action: { accept: { de: "übernehmen", en: "accept" }, skip: { de: "überspringen", en: "skip" } },
    strategy: { "keep-margin": { de: "Marge halten", en: "Keep margin" }, "pass-through": { de: "Weitergeben", en: "Pass through" } },
  },
};
