/**
 * The mandates sheet ("SEPA-Mandate") in German (issue 20): headers of the mandates CSV
 * (src/io/sepa/mandate-columns.ts) and the words of payment method and netting. Read back, German and
 * English are both accepted (src/io/table/sheet-vocabulary.ts).
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";

export const MANDATE_VOCABULARY: SheetVocabulary = {
  headers: {
    customer_no: "Kundennummer",
    mandate_ref: "Mandatsreferenz",
    signature_date: "Unterschrieben am",
    iban: "IBAN",
    bic: "BIC",
    scheme: "Verfahren",
    debtor_name: "Kontoinhaber",
    last_collection_date: "Letzter Einzug",
    changed_on: "Geändert am",
    previous_mandate_ref: "Bisherige Mandatsreferenz",
    previous_iban: "Bisherige IBAN",
    revoked_on: "Widerrufen am",
    payment_method: "Zahlungsart",
    net_credits: "Gutschriften verrechnen",
  },
  words: {
    payment_method: { direct_debit: { de: "Lastschrift", en: "direct debit" }, transfer: { de: "Überweisung", en: "transfer" } },
    net_credits: { yes: { de: "ja", en: "yes" }, no: { de: "nein", en: "no" } },
  },
};
