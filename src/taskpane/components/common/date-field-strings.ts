/** Pane strings of the typed month/day fields (DateFields.tsx), per language. */
import type { Language } from "../../i18n";

export interface DateFieldStrings {
  monthPlaceholder: string;
  datePlaceholder: string;
  invalidMonth: string;
  invalidDate: string;
}

export const dateFieldStrings: Record<Language, DateFieldStrings> = {
  de: {
    monthPlaceholder: "MM.JJJJ",
    datePlaceholder: "TT.MM.JJJJ",
    invalidMonth: "Monat als MM.JJJJ eingeben, z. B. 10.2026.",
    invalidDate: "Datum als TT.MM.JJJJ eingeben, z. B. 02.11.2026.",
  },
  en: {
    monthPlaceholder: "YYYY-MM",
    datePlaceholder: "YYYY-MM-DD",
    invalidMonth: "Enter the month as YYYY-MM, e.g. 2026-10.",
    invalidDate: "Enter the date as YYYY-MM-DD, e.g. 2026-11-02.",
  },
};
