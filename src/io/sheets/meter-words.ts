/**
 * The meter review sheet in German and English (issue 20): "Zähler YYYY-MM" / "Meters YYYY-MM",
 * headers and statuses (src/io/meters/review-table.ts writes it canonically).
 */
import type { SheetVocabulary } from "../table/sheet-vocabulary";

export const METER_REVIEW_VOCABULARY: SheetVocabulary = {
  headers: {
    status: "Status",
    month: "Monat",
    contract_no: "Vertragsnummer",
    customer_no: "Kundennummer",
    customer_name: "Kundenname",
    device_id: "Gerät",
    previous_date: "Vorige Ablesung",
    previous_bw: "Vorher s/w",
    previous_color: "Vorher Farbe",
    reading_dates: "Ablesungen",
    reading_bw: "Zählerstand s/w",
    reading_color: "Zählerstand Farbe",
    pages_bw: "Seiten s/w",
    pages_color: "Seiten Farbe",
    included_bw: "Inklusive s/w",
    included_color: "Inklusive Farbe",
    over_bw: "Darüber s/w",
    over_color: "Darüber Farbe",
    price_bw: "Preis s/w",
    price_color: "Preis Farbe",
    net_amount: "Nettobetrag",
    issues: "Hinweise",
  },
  headersEn: {
    previous_date: "Previous reading",
    previous_bw: "Previous b/w",
    previous_color: "Previous colour",
    reading_dates: "Readings",
    reading_bw: "Counter b/w",
    reading_color: "Counter colour",
    pages_bw: "Pages b/w",
    pages_color: "Pages colour",
    included_bw: "Included b/w",
    included_color: "Included colour",
    over_bw: "Over b/w",
    over_color: "Over colour",
    price_bw: "Price b/w",
    price_color: "Price colour",
  },
  words: {
    status: {
      charged: { de: "Berechnet", en: "Charged" },
      covered: { de: "Inklusive", en: "Covered" },
      baseline: { de: "Ausgangsstand", en: "Baseline" },
      no_reading: { de: "Keine Ablesung", en: "No reading" },
      billed: { de: "Abgerechnet", en: "Billed" },
      minimum_fee: { de: "Mindestbetrag", en: "Minimum fee" },
      problem: { de: "Problem", en: "Problem" },
    },
  },
};
