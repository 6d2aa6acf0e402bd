/** Task pane strings of the area "master", German and English (composed in ../i18n.ts). */
import { formatCount } from "./format";

export interface MasterStrings {
  description: string;
  importTitle: string;
  importIntro: string;
  importing(n: number): string;
  /** *Prüfen*: the check before an import (a dry run: nothing is stored). */
  checkFiles: string;
  checking(n: number): string;
  checkingSheet(sheet: string): string;
  checkSheet(sheet: string): string;
  /** The check's result: title, and its buttons. */
  checkedTitle(what: string): string;
  importChecked: string;
  syncChecked(sheet: string): string;
  discardCheck: string;
  checkDiscarded: string;
  checkUnchanged: string;
  fixCheckHint: string;
  fixSheetCheckHint: string;
  fixImportHint: string;
  importUnchanged: string;
  importedTitle: string;
  /** The earlier import's result (with its undo) while a check waits above it. */
  lastImportedTitle: string;
  batch: string;
  customers: string;
  articles: string;
  contracts: string;
  versions: string;
  corrections: string;
  mappings: string;
  runs: string;
  unchangedRows: string;
  undoing(batch: string): string;
  undone(batch: string): string;
  sheetsTitle: string;
  sheetsIntro(customers: string, contracts: string, articles: string): string;
  writeSheets: string;
  writingSheets: string;
  writingSheet(sheet: string): string;
  sheetsWritten(list: string): string;
  syncSheet(sheet: string): string;
  syncing(sheet: string): string;
  fixSheetHint: string;
  syncUnchanged(sheet: string): string;
  exporting: string;
  downloaded(name: string): string;
  backupTitle: string;
  backupIntro: string;
  downloadBackup: string;
  restoreBackup: string;
  backingUp: string;
  backupSaved(name: string): string;
  checkingBackup: string;
  restoreConfirmTitle: string;
  restoreConfirmText(name: string): string;
  restoreYes: string;
  restoreCancelled: string;
  restoring: string;
  restored(name: string): string;
  exportedAt: string;
  profilesTitle: string;
  profilesIntro: string;
  builtin: string;
  saved: string;
  importProfiles: string;
  exportProfiles: string;
  importingProfiles: string;
  exportingProfiles: string;
  profilesImported(names: string): string;
}

export const de: MasterStrings = {
  description: "Stammdaten importieren, als Excel-Tabellen bearbeiten, sichern und wiederherstellen.",
  importTitle: "Stammdaten-CSV importieren",
  importIntro: "Verträge, Artikel und Zuordnungen (an der Kopfzeile erkannt, mehrere Dateien auf einmal). Ein Fehler in einer Datei importiert nichts.",
  importing: (n) => `${formatCount(n, "Datei wird", "Dateien werden", "de")} importiert`,
  checkFiles: "CSV-Dateien prüfen …",
  checking: (n) => `${formatCount(n, "Datei wird", "Dateien werden", "de")} geprüft`,
  checkingSheet: (sheet) => `„${sheet}“ wird geprüft`,
  checkSheet: (sheet) => `„${sheet}“ prüfen`,
  checkedTitle: (what) => `Geprüft: ${what} – noch nichts gespeichert`,
  importChecked: "Importieren",
  syncChecked: (sheet) => `„${sheet}“ zurückschreiben`,
  discardCheck: "Verwerfen",
  checkDiscarded: "Prüfung verworfen; nichts importiert.",
  checkUnchanged: "Alles ist schon gespeichert; ein Import würde nichts ändern.",
  fixCheckHint: "Korrigieren Sie die genannte Zeile in der Datei und prüfen Sie erneut. Es wurde nichts importiert.",
  fixSheetCheckHint: "Korrigieren Sie die genannte Zelle und prüfen Sie erneut. Es wurde nichts geändert.",
  fixImportHint: "Korrigieren Sie die genannte Zeile in der Datei und importieren Sie erneut. Es wurde nichts importiert.",
  importUnchanged: "Alles war schon gespeichert; nichts geändert.",
  importedTitle: "Importiert",
  lastImportedTitle: "Zuletzt importiert",
  batch: "Stapel",
  customers: "Kunden",
  articles: "Artikel",
  contracts: "Verträge",
  versions: "Versionen",
  corrections: "davon Korrekturen",
  mappings: "Zuordnungen",
  runs: "Abrechnungsläufe",
  unchangedRows: "Unveränderte Zeilen",
  undoing: (batch) => `Stapel ${batch} wird rückgängig gemacht`,
  undone: (batch) => `Stapel ${batch} rückgängig gemacht.`,
  sheetsTitle: "Stammdaten als Tabellen",
  sheetsIntro: (c, k, a) => `Schreibt „${c}“, „${k}“ und „${a}“ als Excel-Tabellen. Neue Zeilen mit neuem „Gültig ab“ werden beim Zurückschreiben zu neuen Vertragsversionen.`,
  writeSheets: "In Blätter schreiben",
  writingSheets: "Stammdaten werden geschrieben",
  writingSheet: (sheet) => `Blatt „${sheet}“ wird geschrieben`,
  sheetsWritten: (list) => `Geschrieben: ${list}.`,
  syncSheet: (sheet) => `„${sheet}“ zurückschreiben`,
  syncing: (sheet) => `„${sheet}“ wird zurückgeschrieben`,
  fixSheetHint: "Korrigieren Sie die genannte Zelle und schreiben Sie erneut zurück. Es wurde nichts geändert.",
  syncUnchanged: (sheet) => `„${sheet}“ enthält keine Änderungen.`,
  exporting: "Stammdaten werden exportiert",
  downloaded: (name) => `„${name}“ heruntergeladen.`,
  backupTitle: "Sicherung",
  backupIntro: "Der ganze Datenbestand als eine JSON-Datei. Wiederherstellen ersetzt alle Daten dieses Add-ins.",
  downloadBackup: "Sicherung herunterladen",
  restoreBackup: "Wiederherstellen …",
  backingUp: "Sicherung wird erstellt",
  backupSaved: (name) => `Sicherung „${name}“ heruntergeladen. Bewahren Sie sie außerhalb dieses Rechners auf.`,
  checkingBackup: "Sicherung wird geprüft",
  restoreConfirmTitle: "Alle Daten ersetzen?",
  restoreConfirmText: (name) => `Der ganze Datenbestand wird durch „${name}“ ersetzt:`,
  restoreYes: "Ja, wiederherstellen",
  restoreCancelled: "Wiederherstellen abgebrochen; nichts geändert.",
  restoring: "Sicherung wird wiederhergestellt",
  restored: (name) => `„${name}“ wiederhergestellt.`,
  exportedAt: "Erstellt am",
  profilesTitle: "Dateiprofile",
  profilesIntro: "Profile erkennen Distributor-Dateien an ihren Spalten. Eigene Profile (JSON) für SkyKick, Pax8, Ingram & Co. importieren oder weitergeben.",
  builtin: "eingebaut",
  saved: "eigenes",
  importProfiles: "Profile importieren …",
  exportProfiles: "Eigene Profile exportieren",
  importingProfiles: "Profile werden importiert",
  exportingProfiles: "Profile werden exportiert",
  profilesImported: (names) => `Gespeichert: ${names}.`,
};

export const en: MasterStrings = {
  description: "Import master data, edit it as Excel tables, back it up and restore it.",
  importTitle: "Import master data CSV",
  importIntro: "Contracts, articles and mappings (recognised by the header, several files at once). An error in any file imports nothing.",
  importing: (n) => `Importing ${formatCount(n, "file", "files", "en")}`,
  checkFiles: "Check CSV files …",
  checking: (n) => `Checking ${formatCount(n, "file", "files", "en")}`,
  checkingSheet: (sheet) => `Checking "${sheet}"`,
  checkSheet: (sheet) => `Check "${sheet}"`,
  checkedTitle: (what) => `Checked: ${what} – nothing stored yet`,
  importChecked: "Import",
  syncChecked: (sheet) => `Write back "${sheet}"`,
  discardCheck: "Discard",
  checkDiscarded: "Check discarded; nothing imported.",
  checkUnchanged: "Everything is stored already; an import would change nothing.",
  fixCheckHint: "Correct the row named in the file and check again. Nothing was imported.",
  fixSheetCheckHint: "Correct the cell named and check again. Nothing was changed.",
  fixImportHint: "Correct the row named in the file and import again. Nothing was imported.",
  importUnchanged: "Everything was stored already; nothing changed.",
  importedTitle: "Imported",
  lastImportedTitle: "Last import",
  batch: "Batch",
  customers: "Customers",
  articles: "Articles",
  contracts: "Contracts",
  versions: "Versions",
  corrections: "of which corrections",
  mappings: "Mappings",
  runs: "Billing runs",
  unchangedRows: "Unchanged rows",
  undoing: (batch) => `Undoing batch ${batch}`,
  undone: (batch) => `Batch ${batch} undone.`,
  sheetsTitle: "Master data as tables",
  sheetsIntro: (c, k, a) => `Writes "${c}", "${k}" and "${a}" as Excel tables. New rows with a new "Valid from" become new contract versions when the sheet is written back.`,
  writeSheets: "Write to sheets",
  writingSheets: "Writing master data",
  writingSheet: (sheet) => `Writing the sheet "${sheet}"`,
  sheetsWritten: (list) => `Written: ${list}.`,
  syncSheet: (sheet) => `Write back "${sheet}"`,
  syncing: (sheet) => `Writing back "${sheet}"`,
  fixSheetHint: "Correct the cell named and write back again. Nothing was changed.",
  syncUnchanged: (sheet) => `"${sheet}" has no changes.`,
  exporting: "Exporting master data",
  downloaded: (name) => `"${name}" downloaded.`,
  backupTitle: "Backup",
  backupIntro: "The whole store as one JSON file. Restoring replaces all data of this add-in.",
  downloadBackup: "Download backup",
  restoreBackup: "Restore …",
  backingUp: "Creating the backup",
  backupSaved: (name) => `Backup "${name}" downloaded. Keep it somewhere other than this computer.`,
  checkingBackup: "Checking the backup",
  restoreConfirmTitle: "Replace all data?",
  restoreConfirmText: (name) => `The whole store will be replaced by "${name}":`,
  restoreYes: "Yes, restore",
  restoreCancelled: "Restore cancelled; nothing changed.",
  restoring: "Restoring the backup",
  restored: (name) => `"${name}" restored.`,
  exportedAt: "Created",
  profilesTitle: "File profiles",
  profilesIntro: "Profiles recognise distributor files by their columns. Import or share your own profiles (JSON) for SkyKick, Pax8, Ingram and others.",
  builtin: "built-in",
  saved: "saved",
  importProfiles: "Import profiles …",
  exportProfiles: "Export saved profiles",
  importingProfiles: "Importing profiles",
  exportingProfiles: "Exporting profiles",
  profilesImported: (names) => `Saved: ${names}.`,
};
