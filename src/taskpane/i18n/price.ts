/** Task pane strings of the area "price", German and English (composed in ../i18n.ts). */
import { formatCount } from "./format";

export interface PriceStrings {
  title: string;
  intro: string;
  position: string;
  positionHint: string;
  newCost: string;
  from: string;
  strategy: string;
  strategies: Record<"keep-margin" | "pass-through" | "fixed" | "percent", string>;
  fixedPrice: string;
  percent: string;
  rounding: string;
  roundCents: string;
  roundEnding: string;
  ending: string;
  propose: string;
  apply: string;
  proposing: string;
  applying: string;
  proposed(sheet: string, rows: number): string;
  fixSheetHint(sheet: string): string;
  nothingToApply: string;
  appliedTitle: string;
  batch: string;
  versions: string;
  purchaseVersions: string;
  unchanged: string;
  skipped: string;
  undone: string;
}

export const de: PriceStrings = {
  title: "Preisaktualisierung",
  intro: "Neuer Einkaufspreis → Vorschlag für alle verknüpften Verkaufspositionen im Blatt; Aktion je Zeile wählen, dann übernehmen.",
  position: "Einkaufsposition",
  positionHint: "NR:POS, z. B. EK-100:1 (mehrere mit Leerzeichen)",
  newCost: "Neuer Einkaufspreis",
  from: "Gültig ab",
  strategy: "Strategie",
  strategies: { "keep-margin": "Marge halten", "pass-through": "Differenz weitergeben", fixed: "Fester Preis", percent: "Prozent" },
  fixedPrice: "Neuer Verkaufspreis",
  percent: "Änderung in %",
  rounding: "Rundung",
  roundCents: "auf Cent",
  roundEnding: "auf Endung",
  ending: "Endung (z. B. 0,90)",
  propose: "Vorschlag schreiben",
  apply: "Übernehmen",
  proposing: "Vorschlag wird berechnet",
  applying: "Vorschlag wird übernommen",
  proposed: (sheet, rows) => `${sheet}: ${formatCount(rows, "Position", "Positionen", "de")}. Aktionen prüfen, dann „Übernehmen“.`,
  fixSheetHint: (sheet) => `Zellen im Blatt „${sheet}“ korrigieren und erneut übernehmen; es wurde nichts gespeichert.`,
  nothingToApply: "Nichts zu übernehmen: alle Zeilen übersprungen oder bereits gespeichert.",
  appliedTitle: "Preise übernommen",
  batch: "Stapel",
  versions: "Neue Verkaufsversionen",
  purchaseVersions: "Neue Einkaufsversionen",
  unchanged: "Unverändert",
  skipped: "Übersprungen",
  undone: "Preisaktualisierung rückgängig gemacht.",
};

export const en: PriceStrings = {
  title: "Price update",
  intro: "New purchase cost → a proposal for every linked sales position in a sheet; choose each row's action, then apply.",
  position: "Purchase position",
  positionHint: "NO:POS, e.g. EK-100:1 (several separated by spaces)",
  newCost: "New unit cost",
  from: "Effective from",
  strategy: "Strategy",
  strategies: { "keep-margin": "Keep margin", "pass-through": "Pass through", fixed: "Fixed price", percent: "Percent" },
  fixedPrice: "New sales price",
  percent: "Change in %",
  rounding: "Rounding",
  roundCents: "To cents",
  roundEnding: "To ending",
  ending: "Ending (e.g. 0.90)",
  propose: "Write proposal",
  apply: "Apply",
  proposing: "Computing proposal",
  applying: "Applying proposal",
  proposed: (sheet, rows) => `${sheet}: ${formatCount(rows, "position", "positions", "en")}. Check the actions, then Apply.`,
  fixSheetHint: (sheet) => `Correct the cells on sheet \u201c${sheet}\u201d and apply again; nothing was saved.`,
  nothingToApply: "Nothing to apply: all rows skipped or already saved.",
  appliedTitle: "Prices applied",
  batch: "Batch",
  versions: "New sales versions",
  purchaseVersions: "New purchase versions",
  unchanged: "Unchanged",
  skipped: "Skipped",
  undone: "Price update undone.",
};
