/** Task pane strings of the area "purchase", German and English (composed in ../i18n.ts). */
import { formatCount } from "./format";

export interface PurchaseStrings {
  description: string;
  importTitle: string;
  importIntro: string;
  importContracts: string;
  importLinks: string;
  importing(name: string): string;
  contractsImported: string;
  linksImported: string;
  batch: string;
  contracts: string;
  versions: string;
  added: string;
  removed: string;
  unchangedRows: string;
  reportTitle: string;
  reportIntro: string;
  reportDay: string;
  writeReport: string;
  writing: string;
  reportWritten(sheet: string, rows: number, uncovered: number): string;
  editTitle: string;
  editIntro: string;
  writeEditSheet: string;
  applyEditSheet: string;
  editSheetWritten(sheet: string, links: number): string;
  undone: string;
}

export const de: PurchaseStrings = {
  description: "Einkaufsverträge und Verknüpfungen importieren, Verknüpfungsbericht ins Blatt schreiben.",
  importTitle: "Import",
  importIntro: "Einkaufsverträge-CSV und Verknüpfungs-CSV; bei Fehlern wird nichts übernommen.",
  importContracts: "Einkaufsverträge (CSV)",
  importLinks: "Verknüpfungen (CSV)",
  importing: (name) => `${name} wird importiert`,
  contractsImported: "Einkaufsverträge importiert",
  linksImported: "Verknüpfungen importiert",
  batch: "Stapel",
  contracts: "Verträge",
  versions: "Versionen",
  added: "Neu",
  removed: "Entfernt",
  unchangedRows: "Unverändert",
  reportTitle: "Verknüpfungsbericht",
  reportIntro: "Schreibt das Blatt „Einkauf Verknüpfungen“ mit allen Positionen zum Stichtag; nicht gedeckte farbig.",
  reportDay: "Stichtag",
  writeReport: "Bericht schreiben",
  writing: "Blatt wird geschrieben",
  reportWritten: (sheet, rows, uncovered) => `${sheet}: ${formatCount(rows, "Zeile", "Zeilen", "de")}, davon ${uncovered} ohne Deckung.`,
  editTitle: "Verknüpfungen bearbeiten",
  editIntro: "Schreibt alle Verknüpfungen in das Blatt „Verknüpfungen bearbeiten“. Neue Zeilen verknüpfen, action „unlink“ löst eine Verknüpfung; übernommen wird wie ein Verknüpfungs-CSV (rückgängig machbar).",
  writeEditSheet: "Blatt schreiben",
  applyEditSheet: "Blatt übernehmen",
  editSheetWritten: (sheet, n) => `${sheet}: ${formatCount(n, "Verknüpfung", "Verknüpfungen", "de")}. Zeilen ergänzen oder action auf „unlink“ setzen, dann „Blatt übernehmen“.`,
  undone: "Import rückgängig gemacht.",
};

export const en: PurchaseStrings = {
  description: "Import purchase contracts and links, write the links report to a sheet.",
  importTitle: "Import",
  importIntro: "Purchase contracts CSV and links CSV; on any error nothing is imported.",
  importContracts: "Purchase contracts (CSV)",
  importLinks: "Links (CSV)",
  importing: (name) => `Importing ${name}`,
  contractsImported: "Purchase contracts imported",
  linksImported: "Links imported",
  batch: "Batch",
  contracts: "Contracts",
  versions: "Versions",
  added: "Added",
  removed: "Removed",
  unchangedRows: "Unchanged",
  reportTitle: "Links report",
  reportIntro: "Writes the sheet \u201cEinkauf Verknüpfungen\u201d with all positions on the day; uncovered ones coloured.",
  reportDay: "Day",
  writeReport: "Write report",
  writing: "Writing sheet",
  reportWritten: (sheet, rows, uncovered) => `${sheet}: ${formatCount(rows, "row", "rows", "en")}, ${uncovered} uncovered.`,
  editTitle: "Edit links",
  editIntro: "Writes every link to the sheet “Edit links”. New rows link, action “unlink” removes a link; applied like a links CSV (undoable).",
  writeEditSheet: "Write sheet",
  applyEditSheet: "Apply sheet",
  editSheetWritten: (sheet, n) => `${sheet}: ${formatCount(n, "link", "links", "en")}. Add rows or set action to “unlink”, then “Apply sheet”.`,
  undone: "Import undone.",
};
