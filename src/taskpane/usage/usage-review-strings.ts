/**
 * The pane's words for usage re-billing (section "Verbrauch (Azure)" and the sheet "Verbrauch
 * YYYY-MM"), German and English: section texts, the sheet's column headers, status and decision
 * words. Issue texts come from src/core/messages.ts.
 */
import type { UsageDecisionWords } from "../../io/usage/review-table";
import { USAGE_REVIEW_INFO_COLUMNS } from "../../io/usage/review-table";
import type { Language } from "../i18n";
import { formatCount, formatNumber } from "../i18n/format";

/** The review table's columns (canonical names of io/usage/review-table.ts). */
export type UsageReviewColumn = "status" | "decision" | (typeof USAGE_REVIEW_INFO_COLUMNS)[number];

export interface UsageReviewStrings {
  title: string;
  intro: string;
  importFile: string;
  importing(name: string): string;
  imported: string;
  lines: string;
  records: string;
  added: string;
  changed: string;
  unchanged: string;
  months: string;
  batch: string;
  undone: string;
  loadRules: string;
  rulesStored(customers: number, articles: number): string;
  month: string;
  writeReview: string;
  applyDecisions: string;
  reviewWritten(sheet: string, rows: number, charged: number, held: number, problems: number, net: string, cost: string): string;
  decisionsApplied(approved: number, held: number, unchanged: number): string;
  nothingChanged: string;
  fixFileHint: string;
  fixSheetHint(sheet: string): string;
  /** Column headers of the sheet. */
  headers: Record<UsageReviewColumn, string>;
  /** Status words in the sheet (rows coloured by them). */
  statuses: Record<"charged" | "held" | "problem", string>;
  decisions: UsageDecisionWords;
}

const de: UsageReviewStrings = {
  title: "Verbrauch (Azure)",
  intro:
    "Verbrauchsdateien des Herstellers (NCE-Rechnungsdatei mit Azure-Plan-Zeilen, tägliche Verbrauchsdatei) einlesen, die Verbrauchsprüfung eines Monats schreiben, je Zeile freigeben oder zurückhalten und übernehmen: Der nächste Abrechnungslauf stellt die freigegebenen Zeilen als Verbrauchspositionen in Rechnung.",
  importFile: "Verbrauchsdatei einlesen …",
  importing: (name) => `${name} wird eingelesen …`,
  imported: "Verbrauch eingelesen",
  lines: "Verbrauchszeilen",
  records: "Sätze (Kunde, Produkt, Monat)",
  added: "Neu",
  changed: "Geändert",
  unchanged: "Unverändert",
  months: "Monate",
  batch: "Vorgang",
  undone: "Der Verbrauchsimport wurde rückgängig gemacht.",
  loadRules: "Preisregeln laden …",
  rulesStored: (c, a) => `Preisregeln gespeichert: ${formatCount(c, "Kundenregel", "Kundenregeln", "de")}, ${formatCount(a, "Artikelregel", "Artikelregeln", "de")}.`,
  month: "Abrechnungsmonat",
  writeReview: "Verbrauchsprüfung schreiben",
  applyDecisions: "Entscheidungen übernehmen",
  reviewWritten: (sheet, rows, charged, held, problems, net, cost) =>
    `Blatt „${sheet}“: ${formatCount(rows, "offener Satz", "offene Sätze", "de")}, ${formatNumber(charged, "de")} abzurechnen (${net} netto auf ${cost} Kosten), ${formatNumber(held, "de")} zurückgehalten, ${formatNumber(problems, "de")} mit Problemen.`,
  decisionsApplied: (a, h, u) => `Übernommen: ${formatNumber(a, "de")} freigegeben, ${formatNumber(h, "de")} zurückgehalten, ${formatNumber(u, "de")} unverändert. Der nächste Abrechnungslauf rechnet die freigegebenen ab.`,
  nothingChanged: "Keine Entscheidung hat sich geändert.",
  fixFileHint: "Bitte die Datei prüfen; es wurde nichts gespeichert.",
  fixSheetHint: (sheet) => `Bitte die markierten Zellen auf „${sheet}“ korrigieren und erneut übernehmen; es wurde nichts gespeichert.`,
  headers: {
    status: "Status",
    decision: "Entscheidung",
    month: "Monat",
    customer_no: "Kundennr",
    customer_name: "Kunde",
    article_no: "Artikelnr",
    description: "Beschreibung",
    quantity: "Menge",
    unit: "Einheit",
    cost: "Kosten",
    list_amount: "Listenbetrag",
    rule: "Preisregel",
    price: "Preis",
    unit_price: "Einzelpreis",
    net_amount: "Betrag netto",
    margin: "Marge",
    currency: "Währung",
    vendor_customer_id: "Hersteller-Kunden-ID",
    vendor_customer_name: "Herstellerkunde",
    vendor_product: "Produkt",
    vendor_product_name: "Produkt/Zähler",
    meters: "Zähler",
    source: "Quelle",
    issues: "Hinweise",
    key: "Schlüssel",
    vendor_rows: "Dateizeilen",
  },
  statuses: { charged: "abrechnen", held: "zurückgehalten", problem: "Problem" },
  decisions: { header: "Entscheidung", approve: "freigeben", hold: "zurückhalten" },
};

const en: UsageReviewStrings = {
  title: "Usage (Azure)",
  intro:
    "Read the vendor's usage files (NCE invoice file with Azure plan lines, daily rated usage), write the usage review of a month, approve or hold each row and apply: the next billing run bills the approved rows as usage lines.",
  importFile: "Import usage file …",
  importing: (name) => `Reading ${name} …`,
  imported: "Usage imported",
  lines: "Usage lines",
  records: "Records (customer, product, month)",
  added: "New",
  changed: "Changed",
  unchanged: "Unchanged",
  months: "Months",
  batch: "Batch",
  undone: "The usage import was undone.",
  loadRules: "Load price rules …",
  rulesStored: (c, a) => `Price rules stored: ${formatCount(c, "customer rule", "customer rules", "en")}, ${formatCount(a, "article rule", "article rules", "en")}.`,
  month: "Billing month",
  writeReview: "Write usage review",
  applyDecisions: "Apply decisions",
  reviewWritten: (sheet, rows, charged, held, problems, net, cost) =>
    `Sheet "${sheet}": ${formatCount(rows, "open record", "open records", "en")}, ${formatNumber(charged, "en")} to bill (${net} net on ${cost} cost), ${formatNumber(held, "en")} held, ${formatNumber(problems, "en")} with problems.`,
  decisionsApplied: (a, h, u) => `Applied: ${formatNumber(a, "en")} approved, ${formatNumber(h, "en")} held, ${formatNumber(u, "en")} unchanged. The next billing run bills the approved ones.`,
  nothingChanged: "No decision changed.",
  fixFileHint: "Please check the file; nothing was stored.",
  fixSheetHint: (sheet) => `Please correct the marked cells on "${sheet}" and apply again; nothing was stored.`,
  headers: {
    status: "Status",
    decision: "Decision",
    month: "Month",
    customer_no: "Customer no",
    customer_name: "Customer",
    article_no: "Article no",
    description: "Description",
    quantity: "Quantity",
    unit: "Unit",
    cost: "Cost",
    list_amount: "List amount",
    rule: "Price rule",
    price: "Price",
    unit_price: "Unit price",
    net_amount: "Net amount",
    margin: "Margin",
    currency: "Currency",
    vendor_customer_id: "Vendor customer id",
    vendor_customer_name: "Vendor customer",
    vendor_product: "Product",
    vendor_product_name: "Product/meter",
    meters: "Meters",
    source: "Source",
    issues: "Issues",
    key: "Key",
    vendor_rows: "File rows",
  },
  statuses: { charged: "to bill", held: "held", problem: "problem" },
  decisions: { header: "Decision", approve: "approve", hold: "hold" },
};

export const USAGE_REVIEW_STRINGS: Record<Language, UsageReviewStrings> = { de, en };
