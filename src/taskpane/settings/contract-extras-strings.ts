/**
 * Pane strings of the form for one contract's own surcharges, flat fees and holidays, per language.
 * The rows' own labels are the company forms' (settings-strings.ts, extra-forms-strings.ts).
 */
import type { Language } from "../i18n";

export interface ContractExtrasStrings {
  title: string;
  intro: string;
  surchargesTitle: string;
  ownSurcharges: string;
  poolsCoverSurcharged: string;
  /** The choice "as the default" with what the default is. */
  asDefault: (shown: string) => string;
  yes: string;
  no: string;
  flatFeesTitle: string;
  ownFlatFees: string;
  holidaysTitle: string;
  ownExtraHolidays: string;
  ownHolidaysOff: (region: string) => string;
  offTitle: string;
  /** Shown while a list is the default's: what the company's list holds. */
  defaultList: (items: string) => string;
  noneInDefault: string;
  /** Shown for an own list without rows. */
  noneOwn: string;
  save: string;
}

export const contractExtrasStrings: Record<Language, ContractExtrasStrings> = {
  de: {
    title: "Vertrag: eigene Zuschläge, Pauschalen und Feiertage",
    intro:
      "Für einen Vertrag, der hier etwas anderes vereinbart als der Standard. Eine eigene Liste ersetzt die des Standards ganz; sie beginnt als Kopie und darf auch leer sein (dann z. B. gar keine Zuschläge für diesen Vertrag). Das Bundesland des Vertrags steht unter „Vertrag: abweichende Sätze und Regeln“.",
    surchargesTitle: "Zuschläge",
    ownSurcharges: "Eigene Zuschläge für diesen Vertrag",
    poolsCoverSurcharged: "Inklusiv- und Kontingentstunden decken auch Zeiten mit Zuschlag",
    asDefault: (shown) => `wie Standard (${shown})`,
    yes: "ja",
    no: "nein",
    flatFeesTitle: "Pauschalen",
    ownFlatFees: "Eigene Pauschalen für diesen Vertrag",
    holidaysTitle: "Feiertage",
    ownExtraHolidays: "Eigene zusätzliche Feiertage für diesen Vertrag",
    ownHolidaysOff: (region) => `Eigene Auswahl der gesetzlichen Feiertage, an denen gearbeitet wird (${region})`,
    offTitle: "Kein Feiertag für diesen Kunden (normaler Arbeitstag)",
    defaultList: (items) => `Wie Standard: ${items}`,
    noneInDefault: "Wie Standard: keine",
    noneOwn: "Keine für diesen Vertrag.",
    save: "Vertragslisten speichern",
  },
  en: {
    title: "Contract: own surcharges, flat fees and holidays",
    intro:
      "For a contract that agrees something other than the defaults here. An own list replaces the default's whole; it starts as a copy and may be empty (then e.g. no surcharges at all for this contract). The contract's federal state is under “Contract: own rates and rules”.",
    surchargesTitle: "Surcharges",
    ownSurcharges: "Own surcharges for this contract",
    poolsCoverSurcharged: "Included and contingent hours also cover time with a surcharge",
    asDefault: (shown) => `as default (${shown})`,
    yes: "yes",
    no: "no",
    flatFeesTitle: "Flat fees",
    ownFlatFees: "Own flat fees for this contract",
    holidaysTitle: "Holidays",
    ownExtraHolidays: "Own extra holidays for this contract",
    ownHolidaysOff: (region) => `Own choice of the public holidays worked on (${region})`,
    offTitle: "Not a holiday for this customer (a normal working day)",
    defaultList: (items) => `As default: ${items}`,
    noneInDefault: "As default: none",
    noneOwn: "None for this contract.",
    save: "Save contract lists",
  },
};
