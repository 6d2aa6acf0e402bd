/**
 * Pane strings of issue 20's flow (results where the clerk looks): the confirmation before
 * *Übernehmen*, cell links, empty states. German and English; picked by `flowStrings[language]`.
 */
import { formatCount, plural, type Lang } from "./format";

export interface FlowStrings {
  /** Link text's accessible name: "Zelle … in Excel markieren". */
  selectCell(cell: string): string;
  confirmTitle: string;
  confirmIntro(sheet: string): string;
  changes: string;
  newPositions: string;
  ends: string;
  reductions: string;
  increases: string;
  mappings: string;
  /** Accepted rows the dry run found already stored. */
  unchanged: string;
  skipped: string;
  endsCallout(n: number): string;
  reductionsCallout(n: number): string;
  rowsLabel: string;
  confirmYes: string;
  /** After the review sheet is written: cancellations to 0 wait for the clerk's *übernehmen*. */
  cancellationsSkipped(n: number): string;
  /** Empty states: what to do first instead of writing an empty sheet. */
  noContracts: string;
  noTimeEntries(month: string): string;
  noContingents: string;
  noLinks: string;
  noMasterData: string;
  /** The compact storage notice: one short line, the reason behind "Warum?". */
  notPersistedShort: string;
  why: string;
  less: string;
}

const de: FlowStrings = {
  selectCell: (cell) => `Zelle ${cell} in Excel markieren`,
  confirmTitle: "Übernehmen bestätigen",
  confirmIntro: (sheet) => `So ändert das Prüfblatt „${sheet}“ die Verträge:`,
  changes: "Änderungen",
  newPositions: "Neue Positionen",
  ends: "Beendigungen (Menge 0)",
  reductions: "Reduzierungen",
  increases: "Erhöhungen",
  mappings: "Zuordnungen",
  unchanged: "Bereits im Vertragsstand",
  skipped: "Übersprungen",
  endsCallout: (n) => `${formatCount(n, "Position wird", "Positionen werden", "de")} beendet (Menge 0). Prüfen Sie ${plural(n, "die Zeile", "die Zeilen", "de")}:`,
  reductionsCallout: (n) => `${formatCount(n, "Position wird", "Positionen werden", "de")} reduziert. Prüfen Sie ${plural(n, "die Zeile", "die Zeilen", "de")}:`,
  rowsLabel: "Zeilen",
  confirmYes: "Jetzt übernehmen",
  cancellationsSkipped: (n) =>
    `${formatCount(n, "Kündigung", "Kündigungen", "de")} auf Menge 0 ${plural(n, "steht", "stehen", "de")} auf „überspringen“: wählen Sie „übernehmen“, wenn die Position wirklich enden soll.`,
  noContracts: "Noch keine Verträge gespeichert: importieren Sie zuerst Verträge und Artikel unter „Stammdaten“ (oder übernehmen Sie einen Abgleich). Dann gibt es etwas abzurechnen.",
  noTimeEntries: (month) => `Für ${month} gibt es keine offenen Zeiteinträge; kein Blatt geschrieben. Importieren Sie zuerst die Zeiten des Monats (Datei oben).`,
  noContingents: "Kein Vertrag hat ein Stundenkontingent; kein Blatt geschrieben. Legen Sie Kontingente zuerst in den Zeitregeln fest.",
  noLinks: "Noch keine Einkaufsverknüpfungen; kein Blatt geschrieben. Importieren Sie zuerst Einkaufsverträge und Verknüpfungen (oben) oder bearbeiten Sie sie im Blatt.",
  noMasterData: "Noch keine Stammdaten gespeichert; keine Blätter geschrieben. Importieren Sie zuerst Artikel und Verträge (CSV oben).",
  notPersistedShort: "Sichern Sie regelmäßig.",
  why: "Warum?",
  less: "Weniger",
};

const en: FlowStrings = {
  selectCell: (cell) => `Select cell ${cell} in Excel`,
  confirmTitle: "Confirm apply",
  confirmIntro: (sheet) => `This is what review sheet "${sheet}" changes:`,
  changes: "Changes",
  newPositions: "New positions",
  ends: "Ends (quantity 0)",
  reductions: "Reductions",
  increases: "Increases",
  mappings: "Mappings",
  unchanged: "Already in the contracts",
  skipped: "Skipped",
  endsCallout: (n) => `${formatCount(n, "position ends", "positions end", "en")} (quantity 0). Check ${plural(n, "the row", "the rows", "en")}:`,
  reductionsCallout: (n) => `${formatCount(n, "position is", "positions are", "en")} reduced. Check ${plural(n, "the row", "the rows", "en")}:`,
  rowsLabel: "Rows",
  confirmYes: "Apply now",
  cancellationsSkipped: (n) =>
    `${formatCount(n, "cancellation", "cancellations", "en")} to quantity 0 ${plural(n, "is", "are", "en")} set to "skip": choose "accept" if the position really ends.`,
  noContracts: 'No contracts stored yet: import contracts and articles under "Master data" first (or apply a reconciliation). Then there is something to bill.',
  noTimeEntries: (month) => `No open time entries for ${month}; no sheet written. Import the month's time entries first (file above).`,
  noContingents: "No contract has an hour contingent; no sheet written. Set contingents in the time rules first.",
  noLinks: "No purchase links yet; no sheet written. Import purchase contracts and links first (above) or edit them in the sheet.",
  noMasterData: "No master data stored yet; no sheets written. Import articles and contracts first (CSV above).",
  notPersistedShort: "Back up regularly.",
  why: "Why?",
  less: "Less",
};

export const flowStrings: Record<Lang, FlowStrings> = { de, en };
