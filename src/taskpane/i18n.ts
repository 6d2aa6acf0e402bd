/**
 * Task pane strings in German and English. The language follows Office's display language
 * (`Office.context.displayLanguage`, e.g. "de-DE"); anything not German is shown in English.
 * Messages of the core (issues) come from src/core/messages.ts; these are the pane's own words.
 */
import * as React from "react";
import type { ReconcileStatus } from "../core/reconcile/review-row";

export type Language = "de" | "en";

export type TabId = "reconcile" | "billing" | "purchase" | "usage" | "audit" | "masterData";

export interface Strings {
  language: Language;
  appTitle: string;
  tabListLabel: string;
  footer: string;
  tabs: Record<TabId, { label: string; title: string }>;
  formatInteger(n: number): string;
  common: {
    cancel: string;
    undo: string;
    cancelled: string;
    severity: Record<"error" | "warning" | "info", string>;
    progress(done: number, total: number): string;
    showAll(n: number): string;
    showFewer: string;
    invalidMonth: string;
    invalidDate: string;
    monthPlaceholder: string;
  };
  storage: {
    notPersistedTitle: string;
    notPersistedBody: string;
    backupTitle: string;
    backupNever: string;
    backupLast(when: string): string;
    backupNow: string;
    dismiss: string;
  };
  reconcile: {
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
    nothingToApply: string;
    appliedTitle: string;
    batch: string;
    newVersions: string;
    newMappings: string;
    unchangedRows: string;
    skippedRows: string;
    undoing(batch: string): string;
    undone(batch: string, versions: number, rows: number): string;
  };
  billing: {
    description: string;
    previewTitle: string;
    previewIntro: string;
    month: string;
    invoiceDate: string;
    preview: string;
    computing(month: string): string;
    writingSheet(sheet: string): string;
    nothingDue(month: string): string;
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
    confirmYes: string;
    running(month: string): string;
    ran(runId: string, invoices: number, net: string): string;
    exportTitle: string;
    exportIntro: string;
    latestRun: string;
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
  };
  purchase: {
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
  };
  price: {
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
  };
  costCheck: {
    title: string;
    intro: string;
    month: string;
    openFile: string;
    checking(name: string): string;
    rows: string;
    findings: Record<string, string>;
  };
  usage: {
    description: string;
    timeTitle: string;
    timeIntro: string;
    importTime: string;
    metersTitle: string;
    metersIntro: string;
    importMeters: string;
    importing(name: string): string;
    timeImported: string;
    metersImported: string;
    profile: string;
    rows: string;
    added: string;
    changed: string;
    unchanged: string;
    nonBillable: string;
    batch: string;
    balanceTitle: string;
    balanceIntro: string;
    contractNo: string;
    month: string;
    showBalance: string;
    balanceWritten(sheet: string, rows: number, over: number): string;
    fixFileHint: string;
    undone: string;
    reviewTitle: string;
    reviewIntro: string;
    writeReview: string;
    applyDecisions: string;
    reviewWritten(sheet: string, rows: number, billable: number, problems: number, net: string): string;
    decisionsApplied(approved: number, withdrawn: number, unchanged: number): string;
    nothingChanged: string;
    fixSheetHint(sheet: string): string;
    rulesTitle: string;
    rulesIntro: string;
    loadRules: string;
    loadingRules(name: string): string;
    rulesSaved(contracts: number): string;
    rulesStored: string;
    rulesNone: string;
    rulesUnitMinutes: string;
    rulesTimeContracts: string;
    rulesClickContracts: string;
    rulesActivities: string;
    rulesRegion: string;
  };
  audit: {
    description: string;
    filter: string;
    refresh: string;
    empty: string;
    time: string;
    kind: string;
    source: string;
    entity: string;
    shown(n: number, total: number): string;
  };
  master: {
    description: string;
    importTitle: string;
    importIntro: string;
    importFiles: string;
    importing(n: number): string;
    fixImportHint: string;
    importUnchanged: string;
    importedTitle: string;
    batch: string;
    customers: string;
    articles: string;
    contracts: string;
    versions: string;
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
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const de: Strings = {
  language: "de",
  appTitle: "MSP Billing",
  tabListLabel: "Bereiche",
  footer: "MSP Billing · Daten bleiben auf diesem Gerät",
  tabs: {
    reconcile: { label: "Abgleich", title: "Abgleich mit Distributor-Abrechnungen" },
    billing: { label: "Abrechnung", title: "Abrechnungslauf" },
    purchase: { label: "Einkauf", title: "Einkauf und Verknüpfungen" },
  
  usage: { label: "Zeiten/Zähler", title: "Zeiten und Zähler" },
    audit: { label: "Protokoll", title: "Änderungsprotokoll" },
    masterData: { label: "Stammdaten", title: "Stammdaten und Sicherung" },
  },
  formatInteger: (n) => new Intl.NumberFormat("de-DE").format(n),
  common: {
    cancel: "Abbrechen",
    undo: "Rückgängig",
    cancelled: "Abgebrochen. Es wurde nichts geändert.",
    severity: { error: "Fehler", warning: "Warnung", info: "Hinweis" },
    progress: (done, total) => `${new Intl.NumberFormat("de-DE").format(done)} von ${new Intl.NumberFormat("de-DE").format(total)}`,
    showAll: (n) => `Alle ${n} Meldungen zeigen`,
    showFewer: "Weniger zeigen",
    invalidMonth: "Monat als JJJJ-MM eingeben, z. B. 2026-10.",
    invalidDate: "Datum als JJJJ-MM-TT eingeben.",
    monthPlaceholder: "JJJJ-MM",
  },
  storage: {
    notPersistedTitle: "Speicher nicht dauerhaft",
    notPersistedBody:
      "Der Browser darf die Daten dieses Add-ins löschen, wenn der Speicher knapp wird oder der Office-Cache geleert wird. Laden Sie regelmäßig eine Sicherung herunter.",
    backupTitle: "Sicherung empfohlen",
    backupNever: "Von diesen Daten gibt es noch keine Sicherung.",
    backupLast: (when) => `Die letzte Sicherung ist vom ${when}.`,
    backupNow: "Jetzt sichern",
    dismiss: "Ausblenden",
  },
  reconcile: {
    description:
      "Abrechnungsdateien der Distributoren einlesen, Kunden und Artikel zuordnen, Mengen mit den Verträgen vergleichen und Änderungen als neue Vertragsversionen übernehmen.",
    sourceTitle: "1. Datei einlesen",
    sourceIntro: "Das aktive Blatt (die geöffnete oder eingefügte Distributor-Datei) lesen oder CSV-/XLSX-Dateien öffnen – auch mehrere auf einmal.",
    readSheet: "Aktives Blatt lesen",
    openFiles: "Dateien öffnen …",
    readingSheet: "Aktives Blatt wird gelesen",
    readingRows: (sheet) => `Zeilen von „${sheet}“ werden ausgewertet`,
    readingFiles: (n) => `${n} ${plural(n, "Datei wird", "Dateien werden")} gelesen`,
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
    problemCount: (e, w) => [e > 0 ? `${e} ${plural(e, "Fehler", "Fehler")}` : "", w > 0 ? `${w} ${plural(w, "Warnung", "Warnungen")}` : ""].filter(Boolean).join(", "),
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
    unmappedNeeds: (c, a) => `Nicht zugeordnet: ${c} ${plural(c, "Kunde", "Kunden")}, ${a} ${plural(a, "Artikel", "Artikel")}.`,
    writeMapping: "Zuordnungsblatt schreiben",
    saveMappings: "Zuordnungen speichern",
    writingMapping: "Blatt „Zuordnung“ wird geschrieben",
    mappingWritten: (sheet, c, a, p) =>
      `Blatt „${sheet}“ geschrieben: ${c} ${plural(c, "Kunde", "Kunden")}, ${a} Artikel${p > 0 ? `, ${p} ${plural(p, "Vorschlag", "Vorschläge")} schon eingetragen – bitte prüfen` : ""}. Wählen Sie in customer_no bzw. article_no aus der Liste und klicken Sie dann „Zuordnungen speichern“.`,
    savingMappings: "Zuordnungen werden gespeichert",
    fixMappingHint: "Korrigieren Sie die genannte Zelle im Blatt „Zuordnung“ und speichern Sie erneut.",
    mappingsSavedTitle: "Zuordnungen gespeichert",
    mappingsSaved: (n, batch) => `${n} ${plural(n, "Zuordnung", "Zuordnungen")} gespeichert (Stapel ${batch}). Der Abgleich wurde neu berechnet.`,
    mappingsUnchanged: "Diese Zuordnungen waren schon gespeichert; nichts geändert.",
    reviewTitle: "4. Prüfblatt schreiben",
    reviewIntro: "Schreibt das Prüfblatt „Abgleich JJJJ-MM <Quelle>“ als Excel-Tabelle mit Statusfarben und Filtern. Sortieren, filtern, Mengen, Datum und Aktion (übernehmen/überspringen) ändern – alles erlaubt.",
    writeReview: "Prüfblatt schreiben",
    writingReview: (sheet) => `Blatt „${sheet}“ wird geschrieben`,
    reviewWritten: (sheet, n) => `Blatt „${sheet}“ mit ${n} ${plural(n, "Zeile", "Zeilen")} geschrieben. Prüfen und bearbeiten Sie es, dann „Übernehmen“.`,
    applyTitle: "5. Übernehmen",
    applyIntro: "Liest das Prüfblatt anhand der Spaltenköpfe zurück, prüft jede Zelle und legt die neuen Vertragsversionen in einem Schritt an. Rückgängig machbar.",
    findSheets: "Vorhandenes Prüfblatt suchen",
    findingSheets: "Blätter werden gesucht",
    noReviewSheets: "In dieser Arbeitsmappe gibt es kein Prüfblatt „Abgleich …“.",
    reviewSheet: "Prüfblatt",
    chooseSheet: "Blatt wählen …",
    acknowledge: (n) => `Ich habe ${n} nicht zugeordnete ${plural(n, "Zeile", "Zeilen")} gesehen; sie werden nicht übernommen.`,
    acknowledgeFirst: (n) => `Das Prüfblatt enthält ${n} nicht zugeordnete ${plural(n, "Zeile", "Zeilen")}, die nicht übernommen ${plural(n, "wird", "werden")}. Bestätigen Sie das mit dem Häkchen und klicken Sie erneut „Übernehmen“.`,
    apply: "Übernehmen",
    applying: (sheet) => `„${sheet}“ wird übernommen`,
    readingReview: (sheet) => `„${sheet}“ wird gelesen`,
    fixCellHint: "Korrigieren Sie die genannte Zelle im Prüfblatt und klicken Sie erneut „Übernehmen“. Es wurde nichts geändert.",
    nothingToApply: "Nichts zu übernehmen: alle angenommenen Zeilen sind bereits im Vertragsstand.",
    appliedTitle: "Übernommen",
    batch: "Stapel",
    newVersions: "Neue Vertragsversionen",
    newMappings: "Neue Zuordnungen",
    unchangedRows: "Schon im Stand",
    skippedRows: "Übersprungen",
    undoing: (batch) => `Stapel ${batch} wird rückgängig gemacht`,
    undone: (batch, v, rows) => `Stapel ${batch} rückgängig gemacht: ${v} ${plural(v, "Version", "Versionen")} entfernt${rows > 0 ? `, ${rows} ${plural(rows, "Eintrag", "Einträge")} wiederhergestellt` : ""}.`,
  },
  billing: {
    description: "Einen Monat wählen, alle fälligen Rechnungspositionen in einem Blatt prüfen, freigeben und exportieren. Nichts wird doppelt und nichts wird vergessen abgerechnet.",
    previewTitle: "1. Vorschau",
    previewIntro: "Berechnet alle fälligen Positionen bis Ende des Monats (auch nachgeholte und Differenzen) und schreibt sie in das Blatt „Rechnungen JJJJ-MM“. Ändert noch nichts.",
    month: "Abrechnungsmonat",
    invoiceDate: "Rechnungsdatum",
    preview: "Vorschau erstellen",
    computing: (month) => `Abrechnung ${month} wird berechnet`,
    writingSheet: (sheet) => `Blatt „${sheet}“ wird geschrieben`,
    nothingDue: (month) => `Für ${month} ist nichts fällig: alles ist bereits abgerechnet.`,
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
    confirmText: (n, month, net) => `${n} ${plural(n, "Rechnung", "Rechnungen")} für ${month} über ${net} netto ins Abrechnungsjournal schreiben?`,
    confirmYes: "Ja, abrechnen",
    running: (month) => `Abrechnung ${month} wird gebucht`,
    ran: (run, n, net) => `Lauf ${run} gebucht: ${n} ${plural(n, "Rechnung", "Rechnungen")}, ${net} netto. Exportieren Sie ihn jetzt.`,
    exportTitle: "3. Exportieren",
    exportIntro: "Den letzten Lauf für die Buchhaltung herunterladen (CSV, DATEV, eigenes Exportprofil) oder als Rechnungen drucken, oder ihn rückgängig machen.",
    latestRun: "Letzter Lauf",
    noRuns: "Noch kein Abrechnungslauf.",
    format: "Format",
    formatGeneric: "CSV allgemein (Komma, Punkt, ISO-Datum)",
    formatGerman: "CSV deutsch (Semikolon, Komma, TT.MM.JJJJ)",
    windows1252: "Windows-1252 statt UTF-8 (ältere Buchhaltungsprogramme)",
    exportCsv: "Datei herunterladen",
    exported: (name, n) => `„${name}“ mit ${n} ${plural(n, "Rechnung", "Rechnungen")} heruntergeladen.`,
    formatDatev: "DATEV Buchungsstapel (EXTF, Windows-1252)",
    formatCustom: (name) => `Exportprofil: ${name}`,
    datevMissing: "DATEV und Rechnungsdokumente brauchen gespeicherte Einstellungen: unten „Exporteinstellungen laden“.",
    exportedBookings: (name, n) => `„${name}“ mit ${n} ${plural(n, "Buchung", "Buchungen")} bzw. Zeilen heruntergeladen.`,
    documents: "Rechnungen als HTML (zum Drucken)",
    documentsHint: "Alle Rechnungen des Laufs in einer Datei, eine Seite je Rechnung; im Browser drucken oder als PDF speichern.",
    documentsExported: (name, n) => `„${name}“ mit ${n} ${plural(n, "Rechnung", "Rechnungen")} heruntergeladen.`,
    loadSettings: "Exporteinstellungen laden …",
    settingsHint: "JSON-Datei mit DATEV-Einstellungen, Firmenangaben für Rechnungen und/oder Exportprofilen (wie bei export-settings und export-profile der Kommandozeile).",
    settingsSaved: (what) => `Gespeichert: ${what}.`,
    settingsNames: { datev: "DATEV-Einstellungen", company: "Firmenangaben", profiles: (ids) => `Exportprofile ${ids}` },
    settingsState: (datev, company, n) => `DATEV-Einstellungen: ${datev ? "gespeichert" : "fehlen"} · Firmenangaben: ${company ? "gespeichert" : "fehlen"} · Exportprofile: ${n}`,
    undoRun: "Lauf rückgängig …",
    undoConfirmTitle: "Lauf rückgängig machen",
    undoConfirmText: (run, month) => `Lauf ${run} (${month}) aus dem Abrechnungsjournal entfernen? Die Positionen werden beim nächsten Lauf wieder fällig.`,
    undoConfirmYes: "Ja, rückgängig",
    undoing: (run) => `Lauf ${run} wird rückgängig gemacht`,
    undone: (run, n) => `Lauf ${run} rückgängig gemacht: ${n} ${plural(n, "Journaleintrag", "Journaleinträge")} entfernt.`,
  },
  purchase: {
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
    reportWritten: (sheet, rows, uncovered) => `${sheet}: ${rows} ${plural(rows, "Zeile", "Zeilen")}, davon ${uncovered} ohne Deckung.`,
    editTitle: "Verknüpfungen bearbeiten",
    editIntro: "Schreibt alle Verknüpfungen in das Blatt „Verknüpfungen bearbeiten“. Neue Zeilen verknüpfen, action „unlink“ löst eine Verknüpfung; übernommen wird wie ein Verknüpfungs-CSV (rückgängig machbar).",
    writeEditSheet: "Blatt schreiben",
    applyEditSheet: "Blatt übernehmen",
    editSheetWritten: (sheet, n) => `${sheet}: ${n} ${plural(n, "Verknüpfung", "Verknüpfungen")}. Zeilen ergänzen oder action auf „unlink“ setzen, dann „Blatt übernehmen“.`,
    undone: "Import rückgängig gemacht.",
  },
  price: {
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
    proposed: (sheet, rows) => `${sheet}: ${rows} ${plural(rows, "Position", "Positionen")}. Aktionen prüfen, dann „Übernehmen“.`,
    fixSheetHint: (sheet) => `Zellen im Blatt „${sheet}“ korrigieren und erneut übernehmen; es wurde nichts gespeichert.`,
    nothingToApply: "Nichts zu übernehmen: alle Zeilen übersprungen oder bereits gespeichert.",
    appliedTitle: "Preise übernommen",
    batch: "Stapel",
    versions: "Neue Verkaufsversionen",
    purchaseVersions: "Neue Einkaufsversionen",
    unchanged: "Unverändert",
    skipped: "Übersprungen",
    undone: "Preisaktualisierung rückgängig gemacht.",
  },  costCheck: {
    title: "Kostenprüfung",
    intro: "Distributor-Abrechnung gegen Verträge, Einkaufspreise und abgerechnete Beträge des Monats; schreibt „Kostenprüfung JJJJ-MM“.",
    month: "Monat",
    openFile: "Datei prüfen …",
    checking: (name) => `${name} wird geprüft`,
    rows: "Zeilen",
    findings: { ok: "In Ordnung", unbilled: "Nicht abgerechnet", quantity_drift: "Mengenabweichung", negative_margin: "Negative Marge" },
  },
  usage: {
    description: "Zeiterfassung und Zählerstände importieren, Kontingente prüfen.",
    timeTitle: "Zeiten",
    timeIntro: "CSV aus dem Ticketsystem; das Profil wird an den Spalten erkannt.",
    importTime: "Zeiten importieren (CSV)",
    metersTitle: "Zähler",
    metersIntro: "Zählerstände-CSV; rückläufige Zähler und bereits abgerechnete Monate sind Fehler.",
    importMeters: "Zählerstände importieren (CSV)",
    importing: (name) => `${name} wird importiert`,
    timeImported: "Zeiten importiert",
    metersImported: "Zählerstände importiert",
    profile: "Profil",
    rows: "Zeilen",
    added: "Neu",
    changed: "Geändert",
    unchanged: "Unverändert",
    nonBillable: "Nicht abrechenbar",
    batch: "Stapel",
    balanceTitle: "Kontingent",
    balanceIntro: "Schreibt das Blatt „Kontingente JJJJ-MM“: Stand jedes Vertrags mit Zeitregeln (offene Zeiten als Vorschau).",
    contractNo: "Vertragsnummer",
    month: "Monat",
    showBalance: "Kontingente schreiben",
    balanceWritten: (sheet, rows, over) => `${sheet}: ${rows} ${plural(rows, "Vertrag", "Verträge")}, ${over} überzogen.`,
    fixFileHint: "Datei korrigieren und erneut importieren; es wurde nichts übernommen.",
    undone: "Import rückgängig gemacht.",
    reviewTitle: "Zeiten prüfen",
    reviewIntro: "Schreibt das Blatt „Zeiten JJJJ-MM“: jeder offene Eintrag bis Monatsende, bewertet wie im Abrechnungslauf (Einheiten, Inklusiv- und Kontingentstunden, Zuschläge, Betrag). In „abrechnen“ Ja oder Nein wählen und übernehmen: der nächste Lauf rechnet genau die freigegebenen Einträge ab.",
    writeReview: "Zeiten prüfen",
    applyDecisions: "Entscheidungen übernehmen",
    reviewWritten: (sheet, rows, billable, problems, net) => `${sheet}: ${rows} offene ${plural(rows, "Eintrag", "Einträge")}, ${billable} abrechenbar, ${problems} mit Problemen; Betrag ${net}.`,
    decisionsApplied: (approved, withdrawn, unchanged) => `Entscheidungen übernommen: ${approved} freigegeben, ${withdrawn} zurückgestellt, ${unchanged} unverändert.`,
    nothingChanged: "Nichts geändert: alle Entscheidungen waren schon gespeichert.",
    fixSheetHint: (sheet) => `Zellen im Blatt „${sheet}“ korrigieren und erneut übernehmen; es wurde nichts geändert.`,
    rulesTitle: "Regeln",
    rulesIntro: "Zeit- und Klickregeln als JSON-Datei (Aufbau im README); sie ersetzt die gespeicherten Regeln. Fehler nennen den JSON-Pfad, dann bleibt alles beim Alten.",
    loadRules: "Regeldatei laden (JSON)",
    loadingRules: (name) => `${name} wird geprüft`,
    rulesSaved: (contracts) => `Regeln gespeichert: Firmenregeln und ${contracts} ${plural(contracts, "Vertrag", "Verträge")}.`,
    rulesStored: "Gespeicherte Regeln",
    rulesNone: "Noch keine Regeln gespeichert.",
    rulesUnitMinutes: "Arbeitseinheit",
    rulesTimeContracts: "Verträge mit Zeitregeln",
    rulesClickContracts: "Klickverträge",
    rulesActivities: "Tätigkeiten",
    rulesRegion: "Bundesland",
  },
  audit: {
    description: "Die letzten Änderungen am Datenbestand (nur lesen).",
    filter: "Filter",
    refresh: "Aktualisieren",
    empty: "Keine Einträge.",
    time: "Zeit",
    kind: "Art",
    source: "Quelle",
    entity: "Objekt",
    shown: (n, total) => `${n} von ${total} Einträgen`,
  },
  master: {
    description: "Stammdaten importieren, als Excel-Tabellen bearbeiten, sichern und wiederherstellen.",
    importTitle: "Stammdaten-CSV importieren",
    importIntro: "Verträge, Artikel und Zuordnungen (an der Kopfzeile erkannt, mehrere Dateien auf einmal). Ein Fehler in einer Datei importiert nichts.",
    importFiles: "CSV-Dateien importieren …",
    importing: (n) => `${n} ${plural(n, "Datei wird", "Dateien werden")} importiert`,
    fixImportHint: "Korrigieren Sie die genannte Zeile in der Datei und importieren Sie erneut. Es wurde nichts importiert.",
    importUnchanged: "Alles war schon gespeichert; nichts geändert.",
    importedTitle: "Importiert",
    batch: "Stapel",
    customers: "Kunden",
    articles: "Artikel",
    contracts: "Verträge",
    versions: "Versionen",
    mappings: "Zuordnungen",
    runs: "Abrechnungsläufe",
    unchangedRows: "Unveränderte Zeilen",
    undoing: (batch) => `Stapel ${batch} wird rückgängig gemacht`,
    undone: (batch) => `Stapel ${batch} rückgängig gemacht.`,
    sheetsTitle: "Stammdaten als Tabellen",
    sheetsIntro: (c, k, a) => `Schreibt „${c}“, „${k}“ und „${a}“ als Excel-Tabellen. Neue Zeilen mit neuem valid_from werden beim Zurückschreiben zu neuen Vertragsversionen.`,
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
  },
};

const en: Strings = {
  language: "en",
  appTitle: "MSP Billing",
  tabListLabel: "Areas",
  footer: "MSP Billing · data stays on this device",
  tabs: {
    reconcile: { label: "Reconcile", title: "Reconcile distributor billing files" },
    billing: { label: "Billing", title: "Billing run" },
    purchase: { label: "Purchase", title: "Purchase and links" },
  
  usage: { label: "Time/Meters", title: "Time and meters" },
    audit: { label: "Audit", title: "Audit log" },
    masterData: { label: "Master data", title: "Master data and backup" },
  },
  formatInteger: (n) => new Intl.NumberFormat("en-GB").format(n),
  common: {
    cancel: "Cancel",
    undo: "Undo",
    cancelled: "Cancelled. Nothing was changed.",
    severity: { error: "Error", warning: "Warning", info: "Note" },
    progress: (done, total) => `${new Intl.NumberFormat("en-GB").format(done)} of ${new Intl.NumberFormat("en-GB").format(total)}`,
    showAll: (n) => `Show all ${n} messages`,
    showFewer: "Show fewer",
    invalidMonth: "Enter the month as YYYY-MM, e.g. 2026-10.",
    invalidDate: "Enter the date as YYYY-MM-DD.",
    monthPlaceholder: "YYYY-MM",
  },
  storage: {
    notPersistedTitle: "Storage is not persistent",
    notPersistedBody: "The browser may delete this add-in's data when storage runs low or the Office cache is cleared. Download a backup regularly.",
    backupTitle: "Backup recommended",
    backupNever: "There is no backup of this data yet.",
    backupLast: (when) => `The last backup is from ${when}.`,
    backupNow: "Back up now",
    dismiss: "Dismiss",
  },
  reconcile: {
    description: "Read distributor billing files, map customers and articles, compare quantities with the contracts and apply changes as new contract versions.",
    sourceTitle: "1. Read the file",
    sourceIntro: "Read the active sheet (the distributor file you opened or pasted) or open CSV/XLSX files – several at once if you like.",
    readSheet: "Read active sheet",
    openFiles: "Open files …",
    readingSheet: "Reading the active sheet",
    readingRows: (sheet) => `Reading the rows of "${sheet}"`,
    readingFiles: (n) => `Reading ${n} ${plural(n, "file", "files")}`,
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
    problemCount: (e, w) => [e > 0 ? `${e} ${plural(e, "error", "errors")}` : "", w > 0 ? `${w} ${plural(w, "warning", "warnings")}` : ""].filter(Boolean).join(", "),
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
    mappingIntro: 'Unmapped customers and articles go to the sheet "Zuordnung" with drop-downs and suggestions. Saved mappings are remembered for this source.',
    allMapped: "Every customer and article of the file is mapped.",
    unmappedNeeds: (c, a) => `Not mapped: ${c} ${plural(c, "customer", "customers")}, ${a} ${plural(a, "article", "articles")}.`,
    writeMapping: "Write mapping sheet",
    saveMappings: "Save mappings",
    writingMapping: 'Writing the sheet "Zuordnung"',
    mappingWritten: (sheet, c, a, p) =>
      `Sheet "${sheet}" written: ${c} ${plural(c, "customer", "customers")}, ${a} ${plural(a, "article", "articles")}${p > 0 ? `, ${p} ${plural(p, "suggestion", "suggestions")} already filled in – please check` : ""}. Pick from the list in customer_no or article_no, then click "Save mappings".`,
    savingMappings: "Saving the mappings",
    fixMappingHint: 'Correct the cell named in the sheet "Zuordnung" and save again.',
    mappingsSavedTitle: "Mappings saved",
    mappingsSaved: (n, batch) => `${n} ${plural(n, "mapping", "mappings")} saved (batch ${batch}). The reconciliation was computed again.`,
    mappingsUnchanged: "These mappings were already saved; nothing changed.",
    reviewTitle: "4. Write the review sheet",
    reviewIntro: 'Writes the review sheet "Abgleich YYYY-MM <source>" as an Excel table with status colours and filters. Sort, filter, edit quantities, dates and the action (accept/skip) as you like.',
    writeReview: "Write review sheet",
    writingReview: (sheet) => `Writing the sheet "${sheet}"`,
    reviewWritten: (sheet, n) => `Sheet "${sheet}" written with ${n} ${plural(n, "row", "rows")}. Review and edit it, then "Apply".`,
    applyTitle: "5. Apply",
    applyIntro: "Reads the review sheet back by its column headers, checks every cell and creates the new contract versions in one step. Can be undone.",
    findSheets: "Find an existing review sheet",
    findingSheets: "Looking for sheets",
    noReviewSheets: 'This workbook has no review sheet "Abgleich …".',
    reviewSheet: "Review sheet",
    chooseSheet: "Choose a sheet …",
    acknowledge: (n) => `I have seen ${n} unmapped ${plural(n, "row", "rows")}; ${plural(n, "it is", "they are")} not applied.`,
    acknowledgeFirst: (n) => `The review sheet has ${n} unmapped ${plural(n, "row", "rows")} that will not be applied. Confirm with the checkbox and click "Apply" again.`,
    apply: "Apply",
    applying: (sheet) => `Applying "${sheet}"`,
    readingReview: (sheet) => `Reading "${sheet}"`,
    fixCellHint: 'Correct the cell named in the review sheet and click "Apply" again. Nothing was changed.',
    nothingToApply: "Nothing to apply: every accepted row is already in the contracts.",
    appliedTitle: "Applied",
    batch: "Batch",
    newVersions: "New contract versions",
    newMappings: "New mappings",
    unchangedRows: "Already applied",
    skippedRows: "Skipped",
    undoing: (batch) => `Undoing batch ${batch}`,
    undone: (batch, v, rows) => `Batch ${batch} undone: ${v} ${plural(v, "version", "versions")} removed${rows > 0 ? `, ${rows} ${plural(rows, "entry", "entries")} restored` : ""}.`,
  },
  billing: {
    description: "Choose a month, review every invoice line due in a sheet, approve and export it. Nothing is billed twice and nothing is forgotten.",
    previewTitle: "1. Preview",
    previewIntro: 'Computes every line due by the end of the month (including catch-ups and differences) and writes them to the sheet "Rechnungen YYYY-MM". Changes nothing yet.',
    month: "Billing month",
    invoiceDate: "Invoice date",
    preview: "Create preview",
    computing: (month) => `Computing billing for ${month}`,
    writingSheet: (sheet) => `Writing the sheet "${sheet}"`,
    nothingDue: (month) => `Nothing is due for ${month}: everything is billed already.`,
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
    confirmText: (n, month, net) => `Write ${n} ${plural(n, "invoice", "invoices")} for ${month} totalling ${net} net to the billing ledger?`,
    confirmYes: "Yes, bill",
    running: (month) => `Booking the billing for ${month}`,
    ran: (run, n, net) => `Run ${run} booked: ${n} ${plural(n, "invoice", "invoices")}, ${net} net. Export it now.`,
    exportTitle: "3. Export",
    exportIntro: "Download the latest run for accounting (CSV, DATEV, your own export profile) or print it as invoices, or undo it.",
    latestRun: "Latest run",
    noRuns: "No billing run yet.",
    format: "Format",
    formatGeneric: "Generic CSV (comma, point, ISO dates)",
    formatGerman: "German CSV (semicolon, comma, DD.MM.YYYY)",
    windows1252: "Windows-1252 instead of UTF-8 (older accounting software)",
    exportCsv: "Download file",
    exported: (name, n) => `"${name}" with ${n} ${plural(n, "invoice", "invoices")} downloaded.`,
    formatDatev: "DATEV Buchungsstapel (EXTF, Windows-1252)",
    formatCustom: (name) => `Export profile: ${name}`,
    datevMissing: "DATEV and invoice documents need saved settings: use “Load export settings” below.",
    exportedBookings: (name, n) => `"${name}" with ${n} ${plural(n, "booking", "bookings")} or rows downloaded.`,
    documents: "Invoices as HTML (to print)",
    documentsHint: "Every invoice of the run in one file, one page per invoice; print it in the browser or save it as PDF.",
    documentsExported: (name, n) => `"${name}" with ${n} ${plural(n, "invoice", "invoices")} downloaded.`,
    loadSettings: "Load export settings …",
    settingsHint: "A JSON file with DATEV settings, company data for invoices and/or export profiles (as the command line's export-settings and export-profile take them).",
    settingsSaved: (what) => `Saved: ${what}.`,
    settingsNames: { datev: "DATEV settings", company: "company data", profiles: (ids) => `export profiles ${ids}` },
    settingsState: (datev, company, n) => `DATEV settings: ${datev ? "saved" : "missing"} · Company data: ${company ? "saved" : "missing"} · Export profiles: ${n}`,
    undoRun: "Undo run …",
    undoConfirmTitle: "Undo the run",
    undoConfirmText: (run, month) => `Remove run ${run} (${month}) from the billing ledger? Its lines fall due again in the next run.`,
    undoConfirmYes: "Yes, undo",
    undoing: (run) => `Undoing run ${run}`,
    undone: (run, n) => `Run ${run} undone: ${n} ledger ${plural(n, "entry", "entries")} removed.`,
  },
  purchase: {
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
    reportWritten: (sheet, rows, uncovered) => `${sheet}: ${rows} ${plural(rows, "row", "rows")}, ${uncovered} uncovered.`,
    editTitle: "Edit links",
    editIntro: "Writes every link to the sheet “Verknüpfungen bearbeiten”. New rows link, action “unlink” removes a link; applied like a links CSV (undoable).",
    writeEditSheet: "Write sheet",
    applyEditSheet: "Apply sheet",
    editSheetWritten: (sheet, n) => `${sheet}: ${n} ${plural(n, "link", "links")}. Add rows or set action to “unlink”, then “Apply sheet”.`,
    undone: "Import undone.",
  },
  price: {
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
    proposed: (sheet, rows) => `${sheet}: ${rows} ${plural(rows, "position", "positions")}. Check the actions, then Apply.`,
    fixSheetHint: (sheet) => `Correct the cells on sheet \u201c${sheet}\u201d and apply again; nothing was saved.`,
    nothingToApply: "Nothing to apply: all rows skipped or already saved.",
    appliedTitle: "Prices applied",
    batch: "Batch",
    versions: "New sales versions",
    purchaseVersions: "New purchase versions",
    unchanged: "Unchanged",
    skipped: "Skipped",
    undone: "Price update undone.",
  },  costCheck: {
    title: "Cost check",
    intro: "A distributor billing file against the contracts, purchase costs and billed amounts of the month; writes \u201cKostenprüfung YYYY-MM\u201d.",
    month: "Month",
    openFile: "Check file …",
    checking: (name) => `Checking ${name}`,
    rows: "Rows",
    findings: { ok: "OK", unbilled: "Not billed", quantity_drift: "Quantity drift", negative_margin: "Negative margin" },
  },
  usage: {
    description: "Import time entries and meter readings, check contingents.",
    timeTitle: "Time",
    timeIntro: "CSV from the ticket system; the profile is recognised by its columns.",
    importTime: "Import time (CSV)",
    metersTitle: "Meters",
    metersIntro: "Meter readings CSV; counters going backwards and billed months are errors.",
    importMeters: "Import meter readings (CSV)",
    importing: (name) => `Importing ${name}`,
    timeImported: "Time entries imported",
    metersImported: "Meter readings imported",
    profile: "Profile",
    rows: "Rows",
    added: "Added",
    changed: "Changed",
    unchanged: "Unchanged",
    nonBillable: "Non-billable",
    batch: "Batch",
    balanceTitle: "Contingent",
    balanceIntro: "Writes the sheet \u201cKontingente YYYY-MM\u201d: the balance of every contract with time rules (open entries as a preview).",
    contractNo: "Contract number",
    month: "Month",
    showBalance: "Write balances",
    balanceWritten: (sheet, rows, over) => `${sheet}: ${rows} ${plural(rows, "contract", "contracts")}, ${over} overrun.`,
    fixFileHint: "Correct the file and import it again; nothing was imported.",
    undone: "Import undone.",
    reviewTitle: "Review time",
    reviewIntro: "Writes the sheet \u201cZeiten YYYY-MM\u201d: every open entry up to the month's end, rated as the billing run rates it (units, included and contingent hours, surcharges, amount). Choose Yes or No under \u201cbillable\u201d and apply: the next run bills exactly the approved entries.",
    writeReview: "Review time",
    applyDecisions: "Apply decisions",
    reviewWritten: (sheet, rows, billable, problems, net) => `${sheet}: ${rows} open ${plural(rows, "entry", "entries")}, ${billable} billable, ${problems} with problems; amount ${net}.`,
    decisionsApplied: (approved, withdrawn, unchanged) => `Decisions applied: ${approved} approved, ${withdrawn} held back, ${unchanged} unchanged.`,
    nothingChanged: "Nothing changed: every decision was stored already.",
    fixSheetHint: (sheet) => `Correct the cells on sheet \u201c${sheet}\u201d and apply again; nothing was changed.`,
    rulesTitle: "Rules",
    rulesIntro: "Time and click rules as a JSON file (shape in the README); it replaces the stored rules. Errors name the JSON path and change nothing.",
    loadRules: "Load rules file (JSON)",
    loadingRules: (name) => `Checking ${name}`,
    rulesSaved: (contracts) => `Rules saved: company defaults and ${contracts} ${plural(contracts, "contract", "contracts")}.`,
    rulesStored: "Stored rules",
    rulesNone: "No rules stored yet.",
    rulesUnitMinutes: "Work unit",
    rulesTimeContracts: "Contracts with time rules",
    rulesClickContracts: "Click contracts",
    rulesActivities: "Activities",
    rulesRegion: "Federal state",
  },
  audit: {
    description: "The latest changes to the data (read-only).",
    filter: "Filter",
    refresh: "Refresh",
    empty: "No entries.",
    time: "Time",
    kind: "Kind",
    source: "Source",
    entity: "Entity",
    shown: (n, total) => `${n} of ${total} entries`,
  },
  master: {
    description: "Import master data, edit it as Excel tables, back it up and restore it.",
    importTitle: "Import master data CSV",
    importIntro: "Contracts, articles and mappings (recognised by the header, several files at once). An error in any file imports nothing.",
    importFiles: "Import CSV files …",
    importing: (n) => `Importing ${n} ${plural(n, "file", "files")}`,
    fixImportHint: "Correct the row named in the file and import again. Nothing was imported.",
    importUnchanged: "Everything was stored already; nothing changed.",
    importedTitle: "Imported",
    batch: "Batch",
    customers: "Customers",
    articles: "Articles",
    contracts: "Contracts",
    versions: "Versions",
    mappings: "Mappings",
    runs: "Billing runs",
    unchangedRows: "Unchanged rows",
    undoing: (batch) => `Undoing batch ${batch}`,
    undone: (batch) => `Batch ${batch} undone.`,
    sheetsTitle: "Master data as tables",
    sheetsIntro: (c, k, a) => `Writes "${c}", "${k}" and "${a}" as Excel tables. New rows with a new valid_from become new contract versions when the sheet is written back.`,
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
  },
};

const STRINGS: Record<Language, Strings> = { de, en };

/** Picks the UI language from a BCP 47 tag such as "de-DE", "de-AT" or "en-US". */
export function languageFromTag(tag: string | null | undefined): Language {
  return typeof tag === "string" && /^de(-|_|$)/i.test(tag.trim()) ? "de" : "en";
}

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** A day for display: `15.10.2026` in German, ISO otherwise. */
export function formatDay(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return language === "de" ? `${m[3]}.${m[2]}.${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** A timestamp in the user's time zone: `23.11.2026, 10:00` / `2026-11-23 10:00`. */
export function formatTimestamp(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return language === "de" ? `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}, ${time}` : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

const StringsContext = React.createContext<Strings>(en);

export const StringsProvider = StringsContext.Provider;

/** The strings of the pane's language. */
export function useStrings(): Strings {
  return React.useContext(StringsContext);
}
