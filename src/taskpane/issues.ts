/**
 * Issues as the task pane shows them: the core's messages (src/core/messages.ts) plus the pane's
 * own codes, each with the cell it is about (`Abgleich 2026-10!K5`) wherever a sheet row and a
 * column are known.
 */
import { Issue, issue } from "../core/issues";
import { formatIssue, locationText, messageText, renderMessage, type Lang } from "../core/messages";
import { withCells } from "../excel/a1";
import { columnLetter, normalizeHeader, type RawTable } from "../io/table/raw-table";
import { canonicalColumn, type SheetVocabulary } from "../io/table/sheet-vocabulary";

/** Texts of the pane's own issue codes (`pane.*`). */
const PANE_MESSAGES: Record<string, { de: string; en: string }> = {
  "pane.unexpected": {
    de: "Unerwarteter Fehler: {detail} Nichts wurde halb geändert; versuchen Sie es erneut oder laden Sie den Aufgabenbereich neu.",
    en: "Unexpected error: {detail} Nothing was left half-done; try again or reload the task pane.",
  },
  // The formats the pane's month and date fields take (MM.JJJJ / TT.MM.JJJJ in German, ISO in English).
  "pane.invalid_month": { de: "„{value}“ ist kein Monat: MM.JJJJ eingeben, z. B. 10.2026.", en: '"{value}" is not a month: enter YYYY-MM, e.g. 2026-10.' },
  "pane.invalid_date": { de: "„{value}“ ist kein Datum: TT.MM.JJJJ eingeben, z. B. 02.11.2026.", en: '"{value}" is not a date: enter YYYY-MM-DD, e.g. 2026-11-02.' },
  "pane.missing_month": { de: "Kein Monat eingegeben: MM.JJJJ eingeben, z. B. 10.2026.", en: "No month entered: enter YYYY-MM, e.g. 2026-10." },
  "pane.missing_date": { de: "Kein Datum eingegeben: TT.MM.JJJJ eingeben, z. B. 02.11.2026.", en: "No date entered: enter YYYY-MM-DD, e.g. 2026-11-02." },
  "pane.empty_sheet": { de: "Blatt „{sheet}“ ist leer. Öffnen oder fügen Sie die Abrechnungsdatei des Distributors ein, oder wählen Sie „Dateien öffnen“.", en: 'Sheet "{sheet}" is empty. Open or paste the distributor billing file, or choose "Open files".' },
  "pane.invalid_kind": { de: "„{value}“ ist keine Art (Kunde oder Artikel).", en: '"{value}" is not a kind (customer or article; Kunde or Artikel).' },
  "pane.server_forbidden": {
    de: "Auf dem Teamserver ist das Ihrer Rolle nicht erlaubt: Einstellungen, Regeln und Profile ändert der Administrator, Prüfer lesen nur. Nichts wurde geändert. ({detail})",
    en: "Your role may not do this on the team server: settings, rules and profiles are the administrator's, auditors only read. Nothing was changed. ({detail})",
  },
  "pane.mapping_sheet_empty": { de: "Im Blatt „{sheet}“ ist nichts eingetragen: wählen Sie Kunden- oder Artikelnummern in den Spalten „Kundennummer“ / „Artikelnummer“.", en: 'Nothing is filled in on sheet "{sheet}": pick customer or article numbers in the columns customer_no / article_no.' },
};

/**
 * Core messages worded for the clerk in the pane: the same facts without the command line's options
 * (`--company`, `export-settings`) and the JSON field names (`taxNumber`, `revenueAccounts.19`),
 * saying where in the pane to do it instead. The CLI keeps the core's texts.
 */
const PANE_WORDING: Record<string, { de: string; en: string }> = {
  "company.tax_id_required": {
    de: "Firmenangaben: Steuernummer oder USt-IdNr. angeben; eine davon ist Pflichtangabe jeder Rechnung (§ 14 Abs. 4 Nr. 2 UStG).",
    en: "Company data: give the tax number or the VAT id; one of them must be on every invoice (§ 14 (4) no. 2 UStG).",
  },
  "csv.vendor_file_not_master": {
    de: "Das ist eine Abrechnungsdatei des Distributors ({profile}), keine Stammdaten: lesen Sie sie im Bereich „Abgleich“ ein („Aktives Blatt lesen“ oder „Dateien öffnen …“).",
    en: 'This is a distributor\'s billing file ({profile}), not master data: read it in the "Reconcile" area ("Read active sheet" or "Open files …").',
  },
  "billing.einvoice_no_company": {
    de: "E-Rechnungen für Lauf {run}: es sind keine Firmenangaben gespeichert (der Verkäufer jeder E-Rechnung). Tragen Sie sie unter „Stammdaten“ → „Firmendaten und Bankverbindung“ ein; nichts wurde festgeschrieben.",
    en: 'E-invoices of run {run}: no company data is saved (the seller of every e-invoice). Enter it under "Master data" → "Company data and bank account"; nothing was issued.',
  },
  "export.no_datev_config": {
    de: "Keine DATEV-Einstellungen gespeichert: unter „Stammdaten“ → „DATEV-Einstellungen“ eintragen (oder „Exporteinstellungen laden …“ unter „Abrechnung“).",
    en: 'No DATEV settings saved: enter them under "Master data" → "DATEV settings" (or "Load export settings …" under "Billing").',
  },
  "export.no_company": {
    de: "Für Rechnungsdokumente fehlen die Firmenangaben: unter „Stammdaten“ → „Firmendaten und Bankverbindung“ eintragen (oder „Exporteinstellungen laden …“ unter „Abrechnung“).",
    en: 'Invoice documents need the company data: enter it under "Master data" → "Company data and bank account" (or "Load export settings …" under "Billing").',
  },
  "datev.no_debtor": {
    de: "Rechnung {invoice}: Kunde {customer} hat kein Debitorenkonto. Beim Kunden eintragen oder in den DATEV-Einstellungen (Stammdaten) einen Sammeldebitor angeben bzw. „Kundennummer als Debitorenkonto verwenden“ ankreuzen.",
    en: 'Invoice {invoice}: customer {customer} has no debtor account. Set it on the customer, or in the DATEV settings (Master data) give a collective debtor or tick "Use the customer number as debtor account".',
  },
  "datev.no_revenue_account": {
    de: "Rechnung {invoice}: für den Steuersatz {rate} % ist kein Erlöskonto eingestellt (DATEV-Einstellungen unter „Stammdaten“: „Erlöskonto {rate} %“).",
    en: 'Invoice {invoice}: no revenue account is set for VAT rate {rate} % (DATEV settings under "Master data": "Revenue account {rate} %").',
  },
  "time.no_profile": {
    de: "Kein Zeitprofil passt zu den Spalten dieser Datei (gefunden: {headers}). Bringen Sie die Datei in das allgemeine Format: die Spalten der Vorlage „Zeiten“ (Vorlage herunterladen, hier im Bereich „Zeiten/Zähler“).",
    en: 'No time profile matches the columns of this file (found: {headers}). Bring the file into the generic format: the columns of the template "Time entries" (Download template, here in the "Time/Meters" area).',
  },
  "time.date_required": {
    de: "Diese Datei enthält Monatssummen ohne Datum je Eintrag: im Bereich „Zeiten/Zähler“ unter „Zeiten“ einen gültigen „Monat der Monatssummen“ wählen und die Datei erneut importieren; die Einträge zählen zum letzten Tag dieses Monats.",
    en: 'This file holds monthly totals without a date per entry: in the "Time/Meters" area under "Time" choose a valid "Month of the monthly totals" and import the file again; the entries count on that month\'s last day.',
  },
  "sepa.settings_missing": {
    de: "Keine Lastschrift-Einstellungen gespeichert (Gläubiger-ID, unser Konto): zuerst unter „SEPA-Lastschrift“ eintragen.",
    en: 'No direct debit settings saved (creditor id, our account): enter them under "SEPA direct debit" first.',
  },
  "sepa.run_already_exported": {
    de: "Lauf {run}: {count} Rechnung(en) stehen schon in einer früheren Lastschriftdatei. Nur erneut exportieren, wenn die frühere Datei nicht bei der Bank eingereicht wurde.",
    en: "Run {run}: {count} invoice(s) are in an earlier direct debit file already. Export them again only if the earlier file was not submitted to the bank.",
  },
};

/** Under its form field the field's label stands above the message: not "Firmenangaben: Feld iban: …". */
const FIELD_WORDING: Record<string, { de: string; en: string }> = {
  "company.field_invalid": { de: "„{value}“ ist ungültig (erwartet {expected}).", en: '"{value}" is invalid (expected {expected}).' },
  "datev.field_invalid": { de: "„{value}“ ist ungültig (erwartet {expected}).", en: '"{value}" is invalid (expected {expected}).' },
  "sepa.settings.field_invalid": { de: "„{value}“ ist ungültig (erwartet {expected}).", en: '"{value}" is invalid (expected {expected}).' },
};

/**
 * An issue's text as the pane shows it (without its location): the pane's wording of a core code
 * where it has one, else the core's text. `underField`: shown under the form field it is about.
 */
export function paneMessageText(i: Issue, lang: Lang, underField = false): string {
  const own = (underField ? FIELD_WORDING[i.code] : undefined) ?? PANE_WORDING[i.code];
  return own ? renderMessage(own[lang], i, lang) : messageText(i, lang);
}

function render(text: string, params: Issue["params"]): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** One line for a MessageBar: where (the cell when known) and what. */
export function describeIssue(i: Issue, lang: Lang): string {
  // An empty field is not "„“ ist kein Datum": it says nothing was entered.
  const empty = (i.code === "pane.invalid_month" || i.code === "pane.invalid_date") && String(i.params.value ?? "").trim() === "";
  const own = PANE_MESSAGES[empty ? i.code.replace("invalid", "missing") : i.code];
  if (!own && PANE_WORDING[i.code]) {
    const where = locationText(i, lang);
    return where ? `${where}: ${paneMessageText(i, lang)}` : paneMessageText(i, lang);
  }
  if (!own) return formatIssue(i, lang);
  const where = locationText(i, lang);
  const text = render(own[lang], i.params);
  return where ? `${where}: ${text}` : text;
}

/** An issue for an exception nobody expected (shown, never only logged). */
export function unexpectedIssue(error: unknown): Issue {
  const detail = error instanceof Error ? error.message : String(error);
  // A team server's 403 (ServerCallError; its status read here so this module does not load the connection).
  if (error instanceof Error && (error as { status?: unknown }).status === 403) return issue("pane.server_forbidden", { detail });
  return issue("pane.unexpected", { detail: detail.endsWith(".") ? detail : `${detail}.` });
}

/**
 * Adds the cell (`Sheet!K5`) to issues about rows of a table read from a sheet: issues whose column
 * carries its letter (`effective_date (K)`) and issues naming only a header (`effective_date`), whose
 * letter is looked up in the table's header row. With the sheet's vocabulary, a canonical name
 * (`contract_no`, from a reader or the apply step) finds its German header and is named by it.
 */
export function locateIssues(issues: readonly Issue[], table: RawTable, sheet: string, vocabulary?: SheetVocabulary): Issue[] {
  const headerRow = table.rows.find((r) => r.some((c) => c.trim() !== "")) ?? [];
  const letters = new Map<string, string>();
  /** Canonical column → the header the sheet has (a German sheet read back by a reader of canonical names). */
  const shown = new Map<string, string>();
  headerRow.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== "" && !letters.has(key)) letters.set(key, columnLetter(i));
    const canonical = vocabulary ? canonicalColumn(vocabulary, h) : undefined;
    if (canonical && !letters.has(canonical)) {
      letters.set(canonical, columnLetter(i));
      shown.set(canonical, h.trim());
    }
  });
  const withLetters = issues.map((i) => {
    const w = i.where;
    if (!w || w.cell || w.row === undefined || !w.column || /\([A-Z]{1,3}\)$/.test(w.column)) return i;
    const letter = letters.get(normalizeHeader(w.column));
    const name = shown.get(normalizeHeader(w.column)) ?? w.column;
    return letter ? { ...i, where: { ...w, column: `${name} (${letter})` } } : i;
  });
  return withCells(withLetters, sheet);
}

/** Errors first, then warnings, then infos (stable within a severity). */
export function bySeverity(issues: readonly Issue[]): Issue[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...issues].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
