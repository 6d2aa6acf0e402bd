/**
 * The master-data sheets (Kunden, Verträge, Artikel) and CSV files in German (issue 20): headers of
 * PRODUCT.md §6.2 and the code words of contract type, interval, mode, yes/no, e-invoice format and
 * payment means. Read back, German and English are both accepted (src/io/table/sheet-vocabulary.ts).
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";
import { BILLING_INTERVAL_WORDS, CORRECTION_HEADER, YES_NO } from "./common-words";

export const CUSTOMER_VOCABULARY: SheetVocabulary = {
  headers: { customer_no: "Kundennummer", customer_name: "Kundenname", domain: "Domäne" },
};

export const CONTRACT_VOCABULARY: SheetVocabulary = {
  headers: {
    customer_no: "Kundennummer",
    customer_name: "Kundenname",
    contract_no: "Vertragsnummer",
    contract_type: "Vertragsart",
    billing_interval: "Abrechnungsintervall",
    billing_mode: "Abrechnungsweise",
    contract_start: "Vertragsbeginn",
    contract_end: "Vertragsende",
    position_no: "Position",
    article_no: "Artikelnummer",
    description: "Beschreibung",
    quantity: "Menge",
    unit_price: "Einzelpreis",
    discount_pct: "Rabatt %",
    vat_pct: "USt %",
    valid_from: "Gültig ab",
    vendor_key: "Herstellerschlüssel",
    customer_domain: "Kundendomäne",
    debtor_account: "Debitorenkonto",
    vat_id: "USt-IdNr.",
    customer_address: "Kundenanschrift",
    reverse_charge: "Reverse Charge",
    suppress_credits: "Keine Gutschriften",
    no_price_change_before: "Keine Preisänderung vor",
    customer_street: "Straße",
    customer_postcode: "PLZ",
    customer_city: "Ort",
    customer_country: "Land",
    customer_email: "E-Mail",
    buyer_reference: "Leitweg-ID / Käuferreferenz",
    einvoice_format: "E-Rechnungsformat",
    payment_means: "Zahlungsart",
    sepa_mandate_ref: "Mandatsreferenz",
    sepa_debtor_iban: "IBAN Zahler",
    vat_exemption_reason: "Grund der Steuerbefreiung",
    billed_until: "Abgerechnet bis",
    refund_iban: "Erstattungskonto (IBAN)",
    ...CORRECTION_HEADER,
  },
  headersEn: { no_price_change_before: "No price change before", buyer_reference: "Leitweg-ID / buyer reference", refund_iban: "Refund account (IBAN)" },
  words: {
    contract_type: {
      license: { de: "Lizenz", en: "license" },
      managed_service: { de: "Managed Service", en: "managed service" },
      flatrate: { de: "Pauschale", en: "flat rate" },
      contingent: { de: "Kontingent", en: "contingent" },
      click: { de: "Klick", en: "click" },
      purchase: { de: "Einkauf", en: "purchase" },
    },
    billing_interval: BILLING_INTERVAL_WORDS,
    billing_mode: { advance: { de: "im Voraus", en: "in advance" }, arrears: { de: "nachträglich", en: "in arrears" } },
    reverse_charge: YES_NO,
    suppress_credits: YES_NO,
    correction: YES_NO,
    einvoice_format: { none: { de: "keine", en: "none" } },
    payment_means: { transfer: { de: "Überweisung", en: "transfer" }, direct_debit: { de: "Lastschrift", en: "direct debit" } },
  },
};

export const ARTICLE_VOCABULARY: SheetVocabulary = {
  headers: { article_no: "Artikelnummer", description: "Beschreibung", unit_price: "Einzelpreis", vat_pct: "USt %", unit: "Einheit", purchase_price: "Einkaufspreis" },
};
