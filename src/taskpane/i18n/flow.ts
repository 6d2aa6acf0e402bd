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
  skipped: string;
  endsCallout(n: number): string;
  reductionsCallout(n: number): string;
  rowsLabel: string;
  confirmYes: string;
  /** After the review sheet is written: cancellations to 0 wait for the clerk's *übernehmen*. */
  cancellationsSkipped(n: number): string;
  /** Billing with nothing to bill from: no contracts in the store yet. */
  noContracts: string;
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
  skipped: "Übersprungen",
  endsCallout: (n) => `${formatCount(n, "Position wird", "Positionen werden", "de")} beendet (Menge 0). Prüfen Sie ${plural(n, "die Zeile", "die Zeilen", "de")}:`,
  reductionsCallout: (n) => `${formatCount(n, "Position wird", "Positionen werden", "de")} reduziert. Prüfen Sie ${plural(n, "die Zeile", "die Zeilen", "de")}:`,
  rowsLabel: "Zeilen",
  confirmYes: "Jetzt übernehmen",
  cancellationsSkipped: (n) =>
    `${formatCount(n, "Kündigung", "Kündigungen", "de")} auf Menge 0 ${plural(n, "steht", "stehen", "de")} auf „überspringen“: wählen Sie „übernehmen“, wenn die Position wirklich enden soll.`,
  noContracts: "Noch keine Verträge gespeichert: importieren Sie zuerst Verträge und Artikel unter „Stammdaten“ (oder übernehmen Sie einen Abgleich). Dann gibt es etwas abzurechnen.",
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
  skipped: "Skipped",
  endsCallout: (n) => `${formatCount(n, "position ends", "positions end", "en")} (quantity 0). Check ${plural(n, "the row", "the rows", "en")}:`,
  reductionsCallout: (n) => `${formatCount(n, "position is", "positions are", "en")} reduced. Check ${plural(n, "the row", "the rows", "en")}:`,
  rowsLabel: "Rows",
  confirmYes: "Apply now",
  cancellationsSkipped: (n) =>
    `${formatCount(n, "cancellation", "cancellations", "en")} to quantity 0 ${plural(n, "is", "are", "en")} set to "skip": choose "accept" if the position really ends.`,
  noContracts: 'No contracts stored yet: import contracts and articles under "Master data" first (or apply a reconciliation). Then there is something to bill.',
};

export const flowStrings: Record<Lang, FlowStrings> = { de, en };
