import type { Language } from "../taskpane/i18n";
import type { WorkbookLabels } from "./WorkbookView";

/** The preview page's own words (the pane brings its own). */
export const PREVIEW_TEXTS: Record<Language, { title: string; subtitle: string; language: string; dark: string; reset: string; workbook: string; workbookHint: string; pane: string; loading: string; failed: string; labels: WorkbookLabels }> = {
  de: {
    title: "MSP Billing – ohne Excel ausprobieren",
    subtitle: "Links eine Demo-Arbeitsmappe im Browser (statt Excel), rechts der echte Aufgabenbereich. Daten bleiben in diesem Browser.",
    language: "Sprache",
    dark: "Dunkles Design",
    reset: "Demo zurücksetzen",
    workbook: "Demo-Arbeitsmappe",
    workbookHint: "Zelle anklicken und oben bearbeiten (Enter übernimmt); Auswahllisten wie in Excel; Tabellenspalten sortieren und filtern.",
    pane: "Aufgabenbereich MSP Billing",
    loading: "Demo wird vorbereitet …",
    failed: "Die Demo konnte nicht starten:",
    labels: {
      nameBox: "Namenfeld (Zelladresse)",
      cellContent: (a) => `Inhalt von ${a}`,
      badAddress: (t) => `„${t}“ ist keine Zelladresse.`,
      sortAsc: (c) => `${c} aufsteigend sortieren`,
      sortDesc: (c) => `${c} absteigend sortieren`,
      filterValue: (c) => `${c}: nur diesen Wert zeigen`,
      clearFilter: "Filter aufheben",
      grid: (s) => `Blatt ${s}`,
      sheets: "Blätter",
    },
  },
  en: {
    title: "MSP Billing – try it without Excel",
    subtitle: "On the left a demo workbook in the browser (instead of Excel), on the right the real task pane. Data stays in this browser.",
    language: "Language",
    dark: "Dark theme",
    reset: "Reset demo",
    workbook: "Demo workbook",
    workbookHint: "Click a cell and edit it above (Enter applies); drop-down lists as in Excel; sort and filter table columns.",
    pane: "MSP Billing task pane",
    loading: "Preparing the demo …",
    failed: "The demo could not start:",
    labels: {
      nameBox: "Name box (cell address)",
      cellContent: (a) => `Contents of ${a}`,
      badAddress: (t) => `"${t}" is not a cell address.`,
      sortAsc: (c) => `Sort ${c} ascending`,
      sortDesc: (c) => `Sort ${c} descending`,
      filterValue: (c) => `${c}: show only this value`,
      clearFilter: "Clear filter",
      grid: (s) => `Sheet ${s}`,
      sheets: "Sheets",
    },
  },
};
