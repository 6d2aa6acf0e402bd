import type { Issue } from "./issues";

export type Lang = "de" | "en";

interface Text {
  de: string;
  en: string;
}

/**
 * Every user-facing message, by issue code, in German and English. `{name}` placeholders are filled
 * from the issue's params. Modules add their codes here so all texts stay in one place.
 */
export const MESSAGES: Record<string, Text> = {
  // generic parsing
  "parse.invalid_date": { de: "„{value}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).", en: '"{value}" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).' },
  "parse.invalid_month": { de: "„{value}“ ist kein gültiger Monat (erwartet JJJJ-MM).", en: '"{value}" is not a valid month (expected YYYY-MM).' },
  "parse.invalid_number": { de: "„{value}“ ist keine gültige Zahl.", en: '"{value}" is not a valid number.' },
  "parse.invalid_integer": { de: "„{value}“ ist keine ganze Zahl ≥ 1.", en: '"{value}" is not a whole number ≥ 1.' },
  "parse.negative_not_allowed": { de: "„{value}“ darf nicht negativ sein.", en: '"{value}" must not be negative.' },
  "parse.required": { de: "Pflichtfeld ist leer.", en: "Required value is empty." },
  "parse.invalid_choice": { de: "„{value}“ ist nicht erlaubt (erlaubt: {allowed}).", en: '"{value}" is not allowed (allowed: {allowed}).' },
  "parse.percent_range": { de: "„{value}“ muss zwischen 0 und 100 liegen.", en: '"{value}" must be between 0 and 100.' },
  "csv.empty_file": { de: "Die Datei ist leer.", en: "The file is empty." },
  "csv.no_header": { de: "Keine Kopfzeile gefunden.", en: "No header row found." },
  "csv.malformed": { de: "Die CSV-Struktur ist fehlerhaft: {detail}", en: "The CSV structure is malformed: {detail}" },
  "csv.unknown_file_kind": { de: "Dateiart nicht erkannt: die Kopfzeile passt weder zu Verträgen, Artikeln noch Zuordnungen (gefunden: {headers}).", en: "File kind not recognised: the header matches neither contracts, articles nor mappings (found: {headers})." },
  "csv.missing_column": { de: "Spalte „{column}“ fehlt.", en: 'Column "{column}" is missing.' },
  "csv.duplicate_column": { de: "Spalte „{column}“ kommt mehrfach vor.", en: 'Column "{column}" appears more than once.' },
  // master data
  "master.conflicting_version": { de: "Vertrag {contract} Position {position}: ab {validFrom} ist bereits ein anderer Stand gespeichert (Menge {storedQuantity}, Preis {storedPrice}).", en: "Contract {contract} position {position}: a different state is already stored from {validFrom} (quantity {storedQuantity}, price {storedPrice})." },
  "master.conflicting_contract": { de: "Vertrag {contract}: Feld {field} widerspricht einer früheren Angabe („{stored}“ statt „{value}“).", en: 'Contract {contract}: field {field} contradicts an earlier value ("{stored}" vs "{value}").' },
  "master.unknown_customer": { de: "Kunde {customer} ist unbekannt.", en: "Customer {customer} is unknown." },
  "master.unknown_article": { de: "Artikel {article} ist unbekannt: Artikel-CSV zuerst oder im selben Aufruf importieren.", en: "Article {article} is unknown: import the articles CSV first or in the same call." },
  "master.end_before_start": { de: "Vertragsende {end} liegt vor dem Vertragsbeginn {start}.", en: "Contract end {end} is before contract start {start}." },
  "master.valid_from_before_start": { de: "Gültig ab {validFrom} liegt vor dem Vertragsbeginn {start}.", en: "valid_from {validFrom} is before the contract start {start}." },
  "master.duplicate_row": { de: "Zeile wiederholt Zeile {otherRow} mit anderem Inhalt.", en: "Row repeats row {otherRow} with different content." },
  // workspace / backup
  "workspace.unreadable": { de: "Arbeitsbereich {file} ist nicht lesbar: {detail}", en: "Workspace {file} cannot be read: {detail}" },
  "backup.invalid": { de: "Die Sicherung ist ungültig: {detail}", en: "The backup is invalid: {detail}" },
  "backup.version_too_new": { de: "Die Sicherung stammt aus einer neueren Version (Schema {found}, unterstützt bis {supported}).", en: "The backup comes from a newer version (schema {found}, supported up to {supported})." },
  "file.unreadable": { de: "Datei {file} ist nicht lesbar: {detail}", en: "File {file} cannot be read: {detail}" },
};

/** Renders an issue's text (without its location). Unknown codes fall back to the code and params. */
export function messageText(issue: Issue, lang: Lang = "en"): string {
  const text = MESSAGES[issue.code];
  if (!text) return `${issue.code} ${JSON.stringify(issue.params)}`;
  return text[lang].replace(/\{(\w+)\}/g, (_, key: string) => String(issue.params[key] ?? `{${key}}`));
}

/** Renders where an issue happened, e.g. `contracts.csv, row 14, column "valid_from"`. */
export function locationText(issue: Issue, lang: Lang = "en"): string {
  const w = issue.where;
  if (!w) return "";
  const parts: string[] = [];
  if (w.cell) parts.push(w.cell);
  else {
    if (w.source) parts.push(w.source);
    if (w.row !== undefined) parts.push(lang === "de" ? `Zeile ${w.row}` : `row ${w.row}`);
    if (w.column !== undefined) parts.push(lang === "de" ? `Spalte „${w.column}“` : `column "${w.column}"`);
  }
  return parts.join(", ");
}

/** Location and text of an issue in one line, as the CLI and the task pane show it. */
export function formatIssue(issue: Issue, lang: Lang = "en"): string {
  const where = locationText(issue, lang);
  return where ? `${where}: ${messageText(issue, lang)}` : messageText(issue, lang);
}
