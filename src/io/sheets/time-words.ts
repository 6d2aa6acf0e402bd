/**
 * The time sheets in German (issue 20): the time review ("Zeiten YYYY-MM": headers and statuses; the
 * decision column `billable`/`abrechnen` keeps its own words, see src/io/time/review-table.ts) and
 * the contingent balances ("Kontingente YYYY-MM").
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";

export const TIME_REVIEW_VOCABULARY: SheetVocabulary = {
  headers: {
    status: "Status",
    billable: "abrechnen",
    date: "Datum",
    start: "Beginn",
    end: "Ende",
    ticket_no: "Ticket",
    customer_no: "Kundennummer",
    customer_name: "Kundenname",
    contract_no: "Vertragsnummer",
    technician: "Techniker",
    activity: "Tätigkeit",
    description: "Beschreibung",
    minutes: "Minuten",
    unit_minutes: "Minuten je Einheit",
    units: "Einheiten",
    included_units: "Inklusiv-Einheiten",
    contingent_units: "Kontingent-Einheiten",
    charged_units: "Berechnete Einheiten",
    article_no: "Artikelnummer",
    price_per_hour: "Stundensatz",
    surcharges: "Zuschläge",
    flat_fees: "Pauschalen",
    net_amount: "Nettobetrag",
    issues: "Hinweise",
    entry_id: "Eintrags-ID",
    source_file: "Quelldatei",
    source_row: "Quellzeile",
  },
  headersEn: { unit_minutes: "Minutes per unit", price_per_hour: "Hourly rate" },
  words: {
    status: {
      charged: { de: "Berechnet", en: "Charged" },
      covered: { de: "Im Kontingent", en: "In contingent" },
      not_billable: { de: "Nicht abrechenbar", en: "Not billable" },
      problem: { de: "Problem", en: "Problem" },
    },
  },
};

export const BALANCE_VOCABULARY: SheetVocabulary = {
  headers: {
    contract_no: "Vertragsnummer",
    month: "Monat",
    start_hours: "Stunden zu Beginn",
    credited_hours: "Gutgeschriebene Stunden",
    used_hours: "Verbrauchte Stunden",
    remaining_hours: "Reststunden",
    overrun_hours: "Überzogene Stunden",
    pending_entries: "Offene Einträge",
  },
};
