/** Task pane strings of the area "reconcile", German and English (composed in ../i18n.ts). */
import type { ReconcileStatus } from "../../core/reconcile/review-row";
import { formatCount, plural } from "./format";

export interface ReconcileStrings {
  description: string;
  sourceTitle: string;
  sourceIntro: string;
  readSheet: string;
  openFiles: string;
  readingSheet: string;
  readingRows(sheet: string): string;
  readingFiles(n: number): string;
  readingFile(name: string): string;
  fixFileHint: string;
  fileErrors: string;
  profile: string;
  noProfile: string;
  rows: string;
  lines: string;
  period: string;
  noPeriod: string;
  problems: string;
  noProblems: string;
  problemCount(errors: number, warnings: number): string;
  encoding: string;
  delimiter: string;
  monthTitle: string;
  monthIntro: string;
  month: string;
  noRows: string;
  countsLabel: string;
  status: Record<ReconcileStatus, string>;
  mappingTitle: string;
  mappingIntro: string;
  allMapped: string;
  unmappedNeeds(customers: number, articles: number): string;
  writeMapping: string;
  saveMappings: string;
  writingMapping: string;
  mappingWritten(sheet: string, customers: number, articles: number, prefilled: number): string;
  savingMappings: string;
  fixMappingHint: string;
  mappingsSavedTitle: string;
  mappingsSaved(n: number, batch: string): string;
  mappingsUnchanged: string;
  reviewTitle: string;
  reviewIntro: string;
  writeReview: string;
  writingReview(sheet: string): string;
  reviewWritten(sheet: string, rows: number): string;
  applyTitle: string;
  applyIntro: string;
  findSheets: string;
  findingSheets: string;
  noReviewSheets: string;
  reviewSheet: string;
  chooseSheet: string;
  acknowledge(n: number): string;
  acknowledgeFirst(n: number): string;
  apply: string;
  applying(sheet: string): string;
  readingReview(sheet: string): string;
  fixCellHint: string;
  /** Applying would store nothing; `unchanged`: accepted rows already stored. */
  nothingToApply(unchanged: number): string;
  appliedTitle: string;
  batch: string;
  newVersions: string;
  newMappings: string;
  unchangedRows: string;
  skippedRows: string;
  undoing(batch: string): string;
  undone(batch: string, versions: number, rows: number): string;
}

export const de: ReconcileStrings = {
  description:
    "Abrechnungsdateien der Distributoren einlesen, Kunden und Artikel zuordnen, Mengen mit den Verträgen vergleichen und Änderungen als neue Vertragsversionen übernehmen.",
  sourceTitle: "1. Datei einlesen",
  sourceIntro: "Das aktive Blatt (die geöffnete oder eingefügte Distributor-Datei) lesen oder CSV-/XLSX-Dateien öffnen – auch mehrere auf einmal.",
  readSheet: "Aktives Blatt lesen",
  openFiles: "Dateien öffnen …",
  readingSheet: "Aktives Blatt wird gelesen",
  readingRows: (sheet) => `Zeilen von „${sheet}“ werden ausgewertet`,
  readingFiles: (n) => `${formatCount(n, "Datei wird", "Dateien werden", "de")} gelesen`,
  readingFile: (name) => `„${name}“ wird gelesen`,
  fixFileHint: "Korrigieren Sie die genannte Zeile in der Datei (oder im Blatt) und lesen Sie sie erneut ein.",
  fileErrors: "Die Datei hat Fehler (oben je Datei aufgeführt). Korrigieren Sie die genannten Zeilen und lesen Sie sie erneut ein; bis dahin wird nichts abgeglichen.",
  profile: "Profil",
  noProfile: "keines erkannt",
  rows: "Zeilen",
  lines: "Positionen",
  period: "Zeitraum",
  noPeriod: "nicht erkannt",
  problems: "Probleme",
  noProblems: "keine",
  problemCount: (e, w) => [e > 0 ? `${formatCount(e, "Fehler", "Fehler", "de")}` : "", w > 0 ? `${formatCount(w, "Warnung", "Warnungen", "de")}` : ""].filter(Boolean).join(", "),
  encoding: "Kodierung",
  delimiter: "Trennzeichen",
  monthTitle: "2. Monat",
  monthIntro: "Der Monat, dessen Mengen verglichen werden; vorgeschlagen aus der Datei.",
  month: "Abgleichsmonat",
  noRows: "Keine Lizenzzeilen für diesen Monat.",
  countsLabel: "Zeilen je Status",
  status: {
    quantity_changed: "Menge geändert",
    new_position: "neue Position",
    missing_in_file: "fehlt in der Datei",
    unmapped_customer: "Kunde nicht zugeordnet",
    unmapped_article: "Artikel nicht zugeordnet",
    unchanged: "unverändert",
  },
  mappingTitle: "3. Zuordnen",
  mappingIntro: "Nicht zugeordnete Kunden und Artikel kommen in das Blatt „Zuordnung“ mit Auswahllisten und Vorschlägen. Gespeicherte Zuordnungen gelten für diese Quelle auch beim nächsten Mal.",
  allMapped: "Alle Kunden und Artikel der Datei sind zugeordnet.",
  unmappedNeeds: (c, a) => `Nicht zugeordnet: ${formatCount(c, "Kunde", "Kunden", "de")}, ${formatCount(a, "Artikel", "Artikel", "de")}.`,
  writeMapping: "Zuordnungsblatt schreiben",
  saveMappings: "Zuordnungen speichern",
  writingMapping: "Blatt „Zuordnung“ wird geschrieben",
  mappingWritten: (sheet, c, a, p) =>
    `Blatt „${sheet}“ geschrieben: ${formatCount(c, "Kunde", "Kunden", "de")}, ${a} Artikel${p > 0 ? `, ${formatCount(p, "Vorschlag", "Vorschläge", "de")} schon eingetragen – bitte prüfen` : ""}. Wählen Sie in „Kundennummer“ bzw. „Artikelnummer“ aus der Liste und klicken Sie dann „Zuordnungen speichern“.`,
  savingMappings: "Zuordnungen werden gespeichert",
  fixMappingHint: "Korrigieren Sie die genannte Zelle im Blatt „Zuordnung“ und speichern Sie erneut.",
  mappingsSavedTitle: "Zuordnungen gespeichert",
  mappingsSaved: (n, batch) => `${formatCount(n, "Zuordnung", "Zuordnungen", "de")} gespeichert (Stapel ${batch}). Der Abgleich wurde neu berechnet.`,
  mappingsUnchanged: "Diese Zuordnungen waren schon gespeichert; nichts geändert.",
  reviewTitle: "4. Prüfblatt schreiben",
  reviewIntro: "Schreibt das Prüfblatt „Abgleich JJJJ-MM <Quelle>“ als Excel-Tabelle mit Statusfarben und Filtern. Sortieren, filtern, Mengen, Datum und Aktion (übernehmen/überspringen) ändern – alles erlaubt.",
  writeReview: "Prüfblatt schreiben",
  writingReview: (sheet) => `Blatt „${sheet}“ wird geschrieben`,
  reviewWritten: (sheet, n) => `Blatt „${sheet}“ mit ${formatCount(n, "Zeile", "Zeilen", "de")} geschrieben. Prüfen und bearbeiten Sie es, dann „Übernehmen“.`,
  applyTitle: "5. Übernehmen",
  applyIntro: "Liest das Prüfblatt anhand der Spaltenköpfe zurück, prüft jede Zelle und legt die neuen Vertragsversionen in einem Schritt an. Rückgängig machbar.",
  findSheets: "Vorhandenes Prüfblatt suchen",
  findingSheets: "Blätter werden gesucht",
  noReviewSheets: "In dieser Arbeitsmappe gibt es kein Prüfblatt „Abgleich …“ (oder „Review …“).",
  reviewSheet: "Prüfblatt",
  chooseSheet: "Blatt wählen …",
  acknowledge: (n) => `Ich habe ${n} nicht zugeordnete ${plural(n, "Zeile", "Zeilen")} gesehen; ${plural(n, "sie wird", "sie werden")} nicht übernommen.`,
  acknowledgeFirst: (n) => `Das Prüfblatt enthält ${n} nicht zugeordnete ${plural(n, "Zeile", "Zeilen")}, die nicht übernommen ${plural(n, "wird", "werden")}. Bestätigen Sie das mit dem Häkchen und klicken Sie erneut „Übernehmen“.`,
  apply: "Übernehmen",
  applying: (sheet) => `„${sheet}“ wird übernommen`,
  readingReview: (sheet) => `„${sheet}“ wird gelesen`,
  fixCellHint: "Korrigieren Sie die genannte Zelle im Prüfblatt und klicken Sie erneut „Übernehmen“. Es wurde nichts geändert.",
  nothingToApply: (n) =>
    n === 0 ? "Nichts zu übernehmen: keine Zeile steht auf „übernehmen“." : `Nichts zu übernehmen: ${plural(n, "die angenommene Zeile ist", `alle ${n} angenommenen Zeilen sind`, "de")} bereits im Vertragsstand.`,
  appliedTitle: "Übernommen",
  batch: "Stapel",
  newVersions: "Neue Vertragsversionen",
  newMappings: "Neue Zuordnungen",
  unchangedRows: "Schon im Stand",
  skippedRows: "Übersprungen",
  undoing: (batch) => `Stapel ${batch} wird rückgängig gemacht`,
  undone: (batch, v, rows) => `Stapel ${batch} rückgängig gemacht: ${formatCount(v, "Version", "Versionen", "de")} entfernt${rows > 0 ? `, ${formatCount(rows, "Eintrag", "Einträge", "de")} wiederhergestellt` : ""}.`,
};

export const en: ReconcileStrings = {
  description: "Read distributor billing files, map customers and articles, compare quantities with the contracts and apply changes as new contract versions.",
  sourceTitle: "1. Read the file",
  sourceIntro: "Read the active sheet (the distributor file you opened or pasted) or open CSV/XLSX files – several at once if you like.",
  readSheet: "Read active sheet",
  openFiles: "Open files …",
  readingSheet: "Reading the active sheet",
  readingRows: (sheet) => `Reading the rows of "${sheet}"`,
  readingFiles: (n) => `Reading ${formatCount(n, "file", "files", "en")}`,
  readingFile: (name) => `Reading "${name}"`,
  fixFileHint: "Correct the row named in the file (or sheet) and read it again.",
  fileErrors: "The file has errors (listed above with each file). Correct the rows named and read it again; nothing is reconciled until then.",
  profile: "Profile",
  noProfile: "none recognised",
  rows: "Rows",
  lines: "Lines",
  period: "Period",
  noPeriod: "not found",
  problems: "Problems",
  noProblems: "none",
  problemCount: (e, w) => [e > 0 ? `${formatCount(e, "error", "errors", "en")}` : "", w > 0 ? `${formatCount(w, "warning", "warnings", "en")}` : ""].filter(Boolean).join(", "),
  encoding: "Encoding",
  delimiter: "Delimiter",
  monthTitle: "2. Month",
  monthIntro: "The month whose quantities are compared; suggested from the file.",
  month: "Month to reconcile",
  noRows: "No licence lines for this month.",
  countsLabel: "Rows per status",
  status: {
    quantity_changed: "quantity changed",
    new_position: "new position",
    missing_in_file: "missing in the file",
    unmapped_customer: "customer not mapped",
    unmapped_article: "article not mapped",
    unchanged: "unchanged",
  },
  mappingTitle: "3. Map",
  mappingIntro: 'Unmapped customers and articles go to the sheet "Mapping" with drop-downs and suggestions. Saved mappings are remembered for this source.',
  allMapped: "Every customer and article of the file is mapped.",
  unmappedNeeds: (c, a) => `Not mapped: ${formatCount(c, "customer", "customers", "en")}, ${formatCount(a, "article", "articles", "en")}.`,
  writeMapping: "Write mapping sheet",
  saveMappings: "Save mappings",
  writingMapping: 'Writing the sheet "Mapping"',
  mappingWritten: (sheet, c, a, p) =>
    `Sheet "${sheet}" written: ${formatCount(c, "customer", "customers", "en")}, ${formatCount(a, "article", "articles", "en")}${p > 0 ? `, ${formatCount(p, "suggestion", "suggestions", "en")} already filled in – please check` : ""}. Pick from the list in "Customer no." or "Article no.", then click "Save mappings".`,
  savingMappings: "Saving the mappings",
  fixMappingHint: 'Correct the cell named in the sheet "Mapping" and save again.',
  mappingsSavedTitle: "Mappings saved",
  mappingsSaved: (n, batch) => `${formatCount(n, "mapping", "mappings", "en")} saved (batch ${batch}). The reconciliation was computed again.`,
  mappingsUnchanged: "These mappings were already saved; nothing changed.",
  reviewTitle: "4. Write the review sheet",
  reviewIntro: 'Writes the review sheet "Review YYYY-MM <source>" as an Excel table with status colours and filters. Sort, filter, edit quantities, dates and the action (accept/skip) as you like.',
  writeReview: "Write review sheet",
  writingReview: (sheet) => `Writing the sheet "${sheet}"`,
  reviewWritten: (sheet, n) => `Sheet "${sheet}" written with ${formatCount(n, "row", "rows", "en")}. Review and edit it, then "Apply".`,
  applyTitle: "5. Apply",
  applyIntro: "Reads the review sheet back by its column headers, checks every cell and creates the new contract versions in one step. Can be undone.",
  findSheets: "Find an existing review sheet",
  findingSheets: "Looking for sheets",
  noReviewSheets: 'This workbook has no review sheet "Review …" (or "Abgleich …").',
  reviewSheet: "Review sheet",
  chooseSheet: "Choose a sheet …",
  acknowledge: (n) => `I have seen ${n} unmapped ${plural(n, "row", "rows")}; ${plural(n, "it is", "they are")} not applied.`,
  acknowledgeFirst: (n) => `The review sheet has ${n} unmapped ${plural(n, "row", "rows")} that will not be applied. Confirm with the checkbox and click "Apply" again.`,
  apply: "Apply",
  applying: (sheet) => `Applying "${sheet}"`,
  readingReview: (sheet) => `Reading "${sheet}"`,
  fixCellHint: 'Correct the cell named in the review sheet and click "Apply" again. Nothing was changed.',
  nothingToApply: (n) =>
    n === 0 ? 'Nothing to apply: no row is set to "accept".' : `Nothing to apply: ${plural(n, "the accepted row is", `all ${n} accepted rows are`, "en")} already in the contracts.`,
  appliedTitle: "Applied",
  batch: "Batch",
  newVersions: "New contract versions",
  newMappings: "New mappings",
  unchangedRows: "Already applied",
  skippedRows: "Skipped",
  undoing: (batch) => `Undoing batch ${batch}`,
  undone: (batch, v, rows) => `Batch ${batch} undone: ${formatCount(v, "version", "versions", "en")} removed${rows > 0 ? `, ${formatCount(rows, "entry", "entries", "en")} restored` : ""}.`,
};
