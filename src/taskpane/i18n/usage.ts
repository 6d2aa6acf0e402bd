/** Task pane strings of the area "usage", German and English (composed in ../i18n.ts). */
import { formatCount, plural } from "./format";

export interface UsageStrings {
  description: string;
  timeTitle: string;
  timeIntro: string;
  importTime: string;
  /** The month whose last day entries of a file without a date per entry (monthly totals) get. */
  totalsMonth: string;
  totalsDate: string;
  metersTitle: string;
  metersIntro: string;
  importMeters: string;
  importing(name: string): string;
  timeImported: string;
  metersImported: string;
  profile: string;
  /** The time profile as the clerk knows it: built-in ones by a readable name, saved ones by theirs (never the id). */
  timeProfile(id: string, name: string): string;
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
  meterReviewTitle: string;
  meterReviewIntro: string;
  writeMeterReview: string;
  meterReviewWritten(sheet: string, contracts: number, noReading: number, problems: number, net: string): string;
  noClickContracts(month: string): string;
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
}

export const de: UsageStrings = {
  description: "Zeiterfassung und Zählerstände importieren, Kontingente prüfen.",
  timeTitle: "Zeiten",
  timeIntro: "CSV aus dem Ticketsystem; das Profil wird an den Spalten erkannt. Eine Datei mit Monatssummen ohne Datum je Eintrag (Zammad-Ticketliste) zählt zum letzten Tag des gewählten Monats.",
  importTime: "Zeiten importieren (CSV)",
  totalsMonth: "Monat der Monatssummen",
  totalsDate: "Datum der Monatssummen",
  metersTitle: "Zähler",
  metersIntro: "Zählerstände-CSV; rückläufige Zähler und bereits abgerechnete Monate sind Fehler. Ein abgebautes Gerät bekommt eine Schlussablesung (Spalte final_reading = ja).",
  importMeters: "Zählerstände importieren (CSV)",
  importing: (name) => `${name} wird importiert`,
  timeImported: "Zeiten importiert",
  metersImported: "Zählerstände importiert",
  profile: "Profil",
  timeProfile: (id, name) => ({ "time-generic": "Allgemeines Format (Vorlage „Zeiten“)", "time-zammad": "Zammad (Zeiterfassung, Ticketliste)", "time-connectwise": "ConnectWise PSA" })[id] ?? name,
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
  balanceWritten: (sheet, rows, over) => `${sheet}: ${formatCount(rows, "Vertrag", "Verträge", "de")}, ${over} überzogen.`,
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
  meterReviewTitle: "Zähler prüfen",
  meterReviewIntro: "Schreibt das Blatt „Zähler JJJJ-MM“: je Klickvertrag und Gerät die Ablesungen der offenen Monate bis Monatsende, Seiten, Inklusivseiten, Seiten darüber und der Betrag, genau wie der Abrechnungslauf ihn berechnet (Aufstockung auf den Mindestbetrag als eigene Zeile). Nur zum Prüfen: eine falsche Ablesung korrigieren Sie, indem Sie ihren Import rückgängig machen und die korrigierte Datei neu importieren.",
  writeMeterReview: "Zähler prüfen",
  meterReviewWritten: (sheet, contracts, noReading, problems, net) => `${sheet}: ${formatCount(contracts, "Klickvertrag", "Klickverträge", "de")}, ${noReading} ohne Ablesung, ${problems} mit Problemen; Betrag ${net}.`,
  noClickContracts: (month) => `Für ${month} gibt es nichts zu prüfen: kein Klickvertrag mit offenem Monat; kein Blatt geschrieben. Klickregeln kommen aus der Regeldatei (oben).`,
  rulesTitle: "Regeln",
  rulesIntro: "Zeit- und Klickregeln als eine Datei (JSON, etwa mit „Regeln als JSON herunterladen“ gesichert); sie ersetzt die gespeicherten Regeln. Fehler nennen die Stelle in der Datei, dann bleibt alles beim Alten. Ohne Datei: die Formulare unten.",
  loadRules: "Regeldatei laden (JSON)",
  loadingRules: (name) => `${name} wird geprüft`,
  rulesSaved: (contracts) => `Regeln gespeichert: Firmenregeln und ${formatCount(contracts, "Vertrag", "Verträge", "de")}.`,
  rulesStored: "Gespeicherte Regeln",
  rulesNone: "Noch keine Regeln gespeichert.",
  rulesUnitMinutes: "Arbeitseinheit",
  rulesTimeContracts: "Verträge mit Zeitregeln",
  rulesClickContracts: "Klickverträge",
  rulesActivities: "Tätigkeiten",
  rulesRegion: "Bundesland",
};

export const en: UsageStrings = {
  description: "Import time entries and meter readings, check contingents.",
  timeTitle: "Time",
  timeIntro: "CSV from the ticket system; the profile is recognised by its columns. A file of monthly totals without a date per entry (Zammad ticket list) counts on the last day of the month chosen.",
  importTime: "Import time (CSV)",
  totalsMonth: "Month of the monthly totals",
  totalsDate: "Date of the monthly totals",
  metersTitle: "Meters",
  metersIntro: "Meter readings CSV; counters going backwards and billed months are errors. A device taken away gets a final reading (column final_reading = yes).",
  importMeters: "Import meter readings (CSV)",
  importing: (name) => `Importing ${name}`,
  timeImported: "Time entries imported",
  metersImported: "Meter readings imported",
  profile: "Profile",
  timeProfile: (id, name) => ({ "time-generic": 'Generic format (template "Time entries")', "time-zammad": "Zammad (time accounting, ticket list)", "time-connectwise": "ConnectWise PSA" })[id] ?? name,
  rows: "Rows",
  added: "Added",
  changed: "Changed",
  unchanged: "Unchanged",
  nonBillable: "Non-billable",
  batch: "Batch",
  balanceTitle: "Contingent",
  balanceIntro: "Writes the sheet \u201cContingents YYYY-MM\u201d: the balance of every contract with time rules (open entries as a preview).",
  contractNo: "Contract number",
  month: "Month",
  showBalance: "Write balances",
  balanceWritten: (sheet, rows, over) => `${sheet}: ${formatCount(rows, "contract", "contracts", "en")}, ${over} overrun.`,
  fixFileHint: "Correct the file and import it again; nothing was imported.",
  undone: "Import undone.",
  reviewTitle: "Review time",
  reviewIntro: "Writes the sheet \u201cTime YYYY-MM\u201d: every open entry up to the month's end, rated as the billing run rates it (units, included and contingent hours, surcharges, amount). Choose Yes or No under \u201cbillable\u201d and apply: the next run bills exactly the approved entries.",
  writeReview: "Review time",
  applyDecisions: "Apply decisions",
  reviewWritten: (sheet, rows, billable, problems, net) => `${sheet}: ${rows} open ${plural(rows, "entry", "entries")}, ${billable} billable, ${problems} with problems; amount ${net}.`,
  decisionsApplied: (approved, withdrawn, unchanged) => `Decisions applied: ${approved} approved, ${withdrawn} held back, ${unchanged} unchanged.`,
  nothingChanged: "Nothing changed: every decision was stored already.",
  fixSheetHint: (sheet) => `Correct the cells on sheet \u201c${sheet}\u201d and apply again; nothing was changed.`,
  meterReviewTitle: "Review meters",
  meterReviewIntro: "Writes the sheet \u201cMeters YYYY-MM\u201d: per click contract and device the readings of the open months up to the month's end, pages, included pages, pages over and the amount, exactly as the billing run charges it (the top-up to the minimum fee as its own row). For checking only: correct a wrong reading by undoing its import and importing the corrected file.",
  writeMeterReview: "Review meters",
  meterReviewWritten: (sheet, contracts, noReading, problems, net) => `${sheet}: ${formatCount(contracts, "click contract", "click contracts", "en")}, ${noReading} without a reading, ${problems} with problems; amount ${net}.`,
  noClickContracts: (month) => `Nothing to review for ${month}: no click contract with an open month; no sheet written. Click rules come from the rules file (above).`,
  rulesTitle: "Rules",
  rulesIntro: 'Time and click rules as one file (JSON, such as one saved with "Download rules as JSON"); it replaces the stored rules. Errors name the place in the file and change nothing. Without a file: the forms below.',
  loadRules: "Load rules file (JSON)",
  loadingRules: (name) => `Checking ${name}`,
  rulesSaved: (contracts) => `Rules saved: company defaults and ${formatCount(contracts, "contract", "contracts", "en")}.`,
  rulesStored: "Stored rules",
  rulesNone: "No rules stored yet.",
  rulesUnitMinutes: "Work unit",
  rulesTimeContracts: "Contracts with time rules",
  rulesClickContracts: "Click contracts",
  rulesActivities: "Activities",
  rulesRegion: "Federal state",
};
