/** Task pane strings of the area "billing", German and English (composed in ../i18n.ts). */
import { formatCount, plural } from "./format";

/** What a run records of usage (the app's `UsageRecorded`). */
export interface UsageCounts {
  timeEntries: number;
  clickMonths: number;
  usageRecords: number;
}

/** "3 Zeiteinträge und 1 Zählermonat" / "3 time entries and 1 click month": the kinds with a count, joined. */
function usageList(u: UsageCounts, lang: "de" | "en"): string {
  const words = lang === "de" ? { t: ["Zeiteintrag", "Zeiteinträge"], c: ["Zählermonat", "Zählermonate"], u: ["Verbrauchsposten", "Verbrauchsposten"], and: "und" } : { t: ["time entry", "time entries"], c: ["click month", "click months"], u: ["usage record", "usage records"], and: "and" };
  const parts = ([[u.timeEntries, words.t], [u.clickMonths, words.c], [u.usageRecords, words.u]] as const).filter(([n]) => n > 0).map(([n, [one, many]]) => formatCount(n, one!, many!, lang));
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} ${words.and} ${parts[parts.length - 1]}`;
}

export interface BillingStrings {
  description: string;
  previewTitle: string;
  previewIntro: string;
  month: string;
  invoiceDate: string;
  preview: string;
  computing(month: string): string;
  writingSheet(sheet: string): string;
  nothingDue(month: string): string;
  /** No invoice, but a run would record usage without an amount (time covered, click months within the included pages). */
  usageOnlyDue(month: string, usage: UsageCounts): string;
  previewResultTitle(month: string): string;
  sheet: string;
  invoices: string;
  lines: string;
  differences: string;
  net: string;
  gross: string;
  runTitle: string;
  runIntro: string;
  run: string;
  confirmTitle: string;
  confirmText(invoices: number, month: string, net: string): string;
  /** The question before a run without an invoice that records usage only. */
  confirmUsageOnly(month: string, usage: UsageCounts): string;
  /** The month to bill lies more than one month after the current one (a typo in the year?). */
  farAhead(month: string, current: string): string;
  confirmYes: string;
  running(month: string): string;
  ran(runId: string, invoices: number, net: string): string;
  /** After a run without an invoice: what it recorded. */
  ranUsageOnly(runId: string, usage: UsageCounts): string;
  exportTitle: string;
  exportIntro: string;
  latestRun: string;
  /** The area's run picker (step 3) and the label of a run that is not the latest. */
  runPick: string;
  /** An option of the run picker: month, state, run, invoice date (formatted). */
  runOption(run: string, month: string, invoiceDate: string, issued: boolean): string;
  /** Instead of the undo button when an earlier run is chosen. */
  undoLatestOnly: string;
  noRuns: string;
  format: string;
  formatGeneric: string;
  formatGerman: string;
  windows1252: string;
  exportCsv: string;
  exported(name: string, invoices: number): string;
  formatDatev: string;
  formatCustom(name: string): string;
  datevMissing: string;
  exportedBookings(name: string, records: number): string;
  documents: string;
  documentsHint: string;
  documentsExported(name: string, invoices: number): string;
  loadSettings: string;
  settingsHint: string;
  settingsSaved(what: string): string;
  settingsNames: { datev: string; company: string; profiles(ids: string): string };
  settingsState(datev: boolean, company: boolean, profiles: number): string;
  undoRun: string;
  undoConfirmTitle: string;
  undoConfirmText(runId: string, month: string): string;
  undoConfirmYes: string;
  undoing(runId: string): string;
  undone(runId: string, entries: number): string;
  invoiceListTitle: string;
  invoiceListIntro: string;
  invoiceListFrom: string;
  invoiceListTo: string;
  writeInvoiceList: string;
  /** After writing: the sheet, how many invoices, their gross sum (formatted). */
  invoiceListWritten(sheet: string, invoices: number, gross: string): string;
  /** No invoice in the period (formatted days; either may be open). */
  noInvoicesListed(from: string | null, to: string | null): string;
}

export const de: BillingStrings = {
  description: "Einen Monat wählen, alle fälligen Rechnungspositionen in einem Blatt prüfen, freigeben und exportieren. Nichts wird doppelt und nichts wird vergessen abgerechnet.",
  previewTitle: "1. Vorschau",
  previewIntro: "Berechnet alle fälligen Positionen bis Ende des Monats (auch nachgeholte und Differenzen) und schreibt sie in das Blatt „Rechnungen JJJJ-MM“. Ändert noch nichts.",
  month: "Abrechnungsmonat",
  invoiceDate: "Rechnungsdatum",
  preview: "Vorschau erstellen",
  computing: (month) => `Abrechnung ${month} wird berechnet`,
  writingSheet: (sheet) => `Blatt „${sheet}“ wird geschrieben`,
  nothingDue: (month) => `Für ${month} ist nichts fällig: alles ist bereits abgerechnet.`,
  usageOnlyDue: (month, u) =>
    `Keine Rechnung fällig für ${month}; ${usageList(u, "de")} ${u.timeEntries + u.clickMonths + u.usageRecords === 1 ? "wird" : "werden"} als abgegolten erfasst (durch Inklusivstunden, Kontingent oder Inklusivseiten gedeckt). „Abrechnen“ legt dafür einen Lauf ohne Rechnung an; ohne ihn bleiben sie offen.`,
  previewResultTitle: (month) => `Vorschau ${month}`,
  sheet: "Blatt",
  invoices: "Rechnungen",
  lines: "Positionen",
  differences: "Differenzpositionen",
  net: "Netto",
  gross: "Brutto",
  runTitle: "2. Abrechnen",
  runIntro: "Schreibt die Rechnungen ins Abrechnungsjournal und vergibt die Rechnungsnummern.",
  run: "Abrechnen …",
  confirmTitle: "Abrechnung bestätigen",
  confirmText: (n, month, net) => `${formatCount(n, "Rechnung", "Rechnungen", "de")} für ${month} über ${net} netto ins Abrechnungsjournal schreiben?`,
  farAhead: (month, current) => `Achtung: ${month} liegt mehr als einen Monat nach dem laufenden Monat ${current} – Tippfehler im Jahr? Rechnungen so weit im Voraus nur, wenn das gewollt ist.`,
  confirmUsageOnly: (month, u) => `Für ${month} einen Lauf ohne Rechnung anlegen, der ${usageList(u, "de")} als abgegolten erfasst?`,
  confirmYes: "Ja, abrechnen",
  running: (month) => `Abrechnung ${month} wird gebucht`,
  ran: (run, n, net) => `Lauf ${run} gebucht: ${formatCount(n, "Rechnung", "Rechnungen", "de")}, ${net} netto. Exportieren Sie ihn jetzt.`,
  ranUsageOnly: (run, u) => `Lauf ${run} gebucht, ohne Rechnung: ${usageList(u, "de")} als abgegolten erfasst. Es gibt nichts zu exportieren.`,
  exportTitle: "3. Exportieren",
  exportIntro: "Den letzten Lauf – oder einen früheren unter „Lauf“ – für die Buchhaltung herunterladen (CSV, DATEV, eigenes Exportprofil) oder als Rechnungen drucken; den letzten Lauf auch rückgängig machen. Die Schritte darunter gelten für denselben Lauf.",
  latestRun: "Letzter Lauf",
  runPick: "Lauf",
  runOption: (run, month, invoiceDate, issued) => `${month} – ${issued ? "festgeschrieben" : "Entwurf"} – ${run} – Rechnungsdatum ${invoiceDate}`,
  undoLatestOnly: "Rückgängig nur für den letzten Lauf; ein festgeschriebener Lauf wird storniert (unten).",
  noRuns: "Noch kein Abrechnungslauf.",
  format: "Format",
  formatGeneric: "CSV allgemein (Komma, Punkt, ISO-Datum)",
  formatGerman: "CSV deutsch (Semikolon, Komma, TT.MM.JJJJ)",
  windows1252: "Windows-1252 statt UTF-8 (ältere Buchhaltungsprogramme)",
  exportCsv: "Datei herunterladen",
  exported: (name, n) => `„${name}“ mit ${formatCount(n, "Rechnung", "Rechnungen", "de")} heruntergeladen.`,
  formatDatev: "DATEV Buchungsstapel (EXTF, Windows-1252)",
  formatCustom: (name) => `Exportprofil: ${name}`,
  datevMissing: "DATEV und Rechnungsdokumente brauchen gespeicherte Einstellungen: unter „Stammdaten“ (Firmendaten, DATEV-Einstellungen) eintragen oder unten „Exporteinstellungen laden“.",
  exportedBookings: (name, n) => `„${name}“ mit ${formatCount(n, "Buchung", "Buchungen", "de")} bzw. Zeilen heruntergeladen.`,
  documents: "Rechnungen als HTML (zum Drucken)",
  documentsHint: "Alle Rechnungen des Laufs in einer Datei, eine Seite je Rechnung; im Browser drucken oder als PDF speichern.",
  documentsExported: (name, n) => `„${name}“ mit ${formatCount(n, "Rechnung", "Rechnungen", "de")} heruntergeladen.`,
  loadSettings: "Exporteinstellungen laden …",
  settingsHint: "Eine Einstellungsdatei (JSON) mit DATEV-Einstellungen, Firmenangaben für Rechnungen und/oder Exportprofilen – etwa eine unter „Stammdaten“ mit „Als JSON herunterladen“ gesicherte oder eine von Ihrem Administrator.",
  settingsSaved: (what) => `Gespeichert: ${what}.`,
  settingsNames: { datev: "DATEV-Einstellungen", company: "Firmenangaben", profiles: (ids) => `Exportprofile ${ids}` },
  settingsState: (datev, company, n) => `DATEV-Einstellungen: ${datev ? "gespeichert" : "fehlen"} · Firmenangaben: ${company ? "gespeichert" : "fehlen"} · Exportprofile: ${n}`,
  undoRun: "Lauf rückgängig …",
  undoConfirmTitle: "Lauf rückgängig machen",
  undoConfirmText: (run, month) => `Lauf ${run} (${month}) aus dem Abrechnungsjournal entfernen? Die Positionen werden beim nächsten Lauf wieder fällig.`,
  undoConfirmYes: "Ja, rückgängig",
  undoing: (run) => `Lauf ${run} wird rückgängig gemacht`,
  undone: (run, n) => `Lauf ${run} rückgängig gemacht: ${formatCount(n, "Journaleintrag", "Journaleinträge", "de")} entfernt.`,
  invoiceListTitle: "Rechnungsliste",
  invoiceListIntro: "Schreibt das Blatt „Rechnungsliste“ (Rechnungsausgangsbuch): jede Rechnung mit Datum, Kunde, Art (Rechnung, Rechnungskorrektur, Stornorechnung), Status, Netto, USt und Brutto, welche Stornorechnung sie storniert hat bzw. welche Rechnung eine Stornorechnung storniert und warum. Ohne Datum: alle Rechnungen. Ändert nichts.",
  invoiceListFrom: "Rechnungsdatum von",
  invoiceListTo: "bis",
  writeInvoiceList: "Rechnungsliste schreiben",
  invoiceListWritten: (sheet, n, gross) => `${sheet}: ${formatCount(n, "Rechnung", "Rechnungen", "de")}, zusammen ${gross} brutto.`,
  noInvoicesListed: (from, to) => `${from || to ? "Keine Rechnungen" : "Noch keine Rechnungen"}${from && to ? ` vom ${from} bis ${to}` : from ? ` ab ${from}` : to ? ` bis ${to}` : ""}; kein Blatt geschrieben.`,
};

export const en: BillingStrings = {
  description: "Choose a month, review every invoice line due in a sheet, approve and export it. Nothing is billed twice and nothing is forgotten.",
  previewTitle: "1. Preview",
  previewIntro: 'Computes every line due by the end of the month (including catch-ups and differences) and writes them to the sheet "Invoices YYYY-MM". Changes nothing yet.',
  month: "Billing month",
  invoiceDate: "Invoice date",
  preview: "Create preview",
  computing: (month) => `Computing billing for ${month}`,
  writingSheet: (sheet) => `Writing the sheet "${sheet}"`,
  nothingDue: (month) => `Nothing is due for ${month}: everything is billed already.`,
  usageOnlyDue: (month, u) =>
    `No invoice is due for ${month}; ${usageList(u, "en")} ${u.timeEntries + u.clickMonths + u.usageRecords === 1 ? "is" : "are"} recorded as settled (covered by included hours, a contingent or included pages). “Bill” stores a run without an invoice for this; without it they stay open.`,
  previewResultTitle: (month) => `Preview ${month}`,
  sheet: "Sheet",
  invoices: "Invoices",
  lines: "Lines",
  differences: "Difference lines",
  net: "Net",
  gross: "Gross",
  runTitle: "2. Bill",
  runIntro: "Writes the invoices to the billing ledger and assigns the invoice numbers.",
  run: "Bill …",
  confirmTitle: "Confirm the billing run",
  confirmText: (n, month, net) => `Write ${formatCount(n, "invoice", "invoices", "en")} for ${month} totalling ${net} net to the billing ledger?`,
  farAhead: (month, current) => `Note: ${month} is more than one month after the current month ${current} – a typo in the year? Bill that far ahead only on purpose.`,
  confirmUsageOnly: (month, u) => `Store a run without an invoice for ${month} that records ${usageList(u, "en")} as settled?`,
  confirmYes: "Yes, bill",
  running: (month) => `Booking the billing for ${month}`,
  ran: (run, n, net) => `Run ${run} booked: ${formatCount(n, "invoice", "invoices", "en")}, ${net} net. Export it now.`,
  ranUsageOnly: (run, u) => `Run ${run} booked, without an invoice: ${usageList(u, "en")} recorded as settled. There is nothing to export.`,
  exportTitle: "3. Export",
  exportIntro: "Download the latest run — or an earlier one chosen under “Run” — for accounting (CSV, DATEV, your own export profile) or print it as invoices; the latest run can also be undone. The steps below act on the same run.",
  latestRun: "Latest run",
  runPick: "Run",
  runOption: (run, month, invoiceDate, issued) => `${month} – ${issued ? "issued" : "draft"} – ${run} – invoice date ${invoiceDate}`,
  undoLatestOnly: "Only the latest run can be undone; an issued run is cancelled instead (below).",
  noRuns: "No billing run yet.",
  format: "Format",
  formatGeneric: "Generic CSV (comma, point, ISO dates)",
  formatGerman: "German CSV (semicolon, comma, DD.MM.YYYY)",
  windows1252: "Windows-1252 instead of UTF-8 (older accounting software)",
  exportCsv: "Download file",
  exported: (name, n) => `"${name}" with ${formatCount(n, "invoice", "invoices", "en")} downloaded.`,
  formatDatev: "DATEV Buchungsstapel (EXTF, Windows-1252)",
  formatCustom: (name) => `Export profile: ${name}`,
  datevMissing: "DATEV and invoice documents need saved settings: enter them under “Master data” (company data, DATEV settings) or use “Load export settings” below.",
  exportedBookings: (name, n) => `"${name}" with ${formatCount(n, "booking", "bookings", "en")} or rows downloaded.`,
  documents: "Invoices as HTML (to print)",
  documentsHint: "Every invoice of the run in one file, one page per invoice; print it in the browser or save it as PDF.",
  documentsExported: (name, n) => `"${name}" with ${formatCount(n, "invoice", "invoices", "en")} downloaded.`,
  loadSettings: "Load export settings …",
  settingsHint: 'A settings file (JSON) with DATEV settings, company data for invoices and/or export profiles – such as one saved under "Master data" with "Download as JSON", or one from your administrator.',
  settingsSaved: (what) => `Saved: ${what}.`,
  settingsNames: { datev: "DATEV settings", company: "company data", profiles: (ids) => `export profiles ${ids}` },
  settingsState: (datev, company, n) => `DATEV settings: ${datev ? "saved" : "missing"} · Company data: ${company ? "saved" : "missing"} · Export profiles: ${n}`,
  undoRun: "Undo run …",
  undoConfirmTitle: "Undo the run",
  undoConfirmText: (run, month) => `Remove run ${run} (${month}) from the billing ledger? Its lines fall due again in the next run.`,
  undoConfirmYes: "Yes, undo",
  undoing: (run) => `Undoing run ${run}`,
  undone: (run, n) => `Run ${run} undone: ${n} ledger ${plural(n, "entry", "entries")} removed.`,
  invoiceListTitle: "Invoice list",
  invoiceListIntro: 'Writes the sheet "Invoice list" (the register of invoices issued): every invoice with its date, customer, type (invoice, corrective invoice, cancellation invoice), status, net, VAT and gross, which cancellation invoice cancelled it or which invoice a cancellation invoice cancels and why. No dates: every invoice. Changes nothing.',
  invoiceListFrom: "Invoice date from",
  invoiceListTo: "to",
  writeInvoiceList: "Write invoice list",
  invoiceListWritten: (sheet, n, gross) => `${sheet}: ${formatCount(n, "invoice", "invoices", "en")}, ${gross} gross in total.`,
  noInvoicesListed: (from, to) => `No invoices${from && to ? ` from ${from} to ${to}` : from ? ` from ${from} on` : to ? ` up to ${to}` : " yet"}; no sheet written.`,
};
