/** Pane strings of the SEPA direct debit step of the Abrechnung area, per language. */
import type { Language } from "../i18n";

export interface SepaStrings {
  title: string;
  intro: string;
  collectionDate: string;
  exportButton: string;
  exported: (files: string, count: number, total: string) => string;
  repeatTitle: string;
  repeatText: (run: string) => string;
  repeatYes: string;
  reportTitle: string;
  settingsTitle: string;
  settingsMissing: string;
  creditorName: string;
  creditorIban: string;
  creditorBic: string;
  creditorId: string;
  saveSettings: string;
  settingsSaved: string;
  mandatesTitle: string;
  writeMandates: string;
  applyMandates: string;
  mandatesWritten: (sheet: string, count: number) => string;
  mandatesApplied: (added: number, changed: number, unchanged: number) => string;
  mandatesUnchanged: string;
  undone: string;
}

export const sepaStrings: Record<Language, SepaStrings> = {
  de: {
    title: "SEPA-Lastschrift",
    intro: "Die Lastschriftdatei (pain.008.001.08) des Laufs für Kunden mit Mandat. Die Datei im Online-Banking als SEPA-Sammellastschrift hochladen.",
    collectionDate: "Einzugsdatum",
    exportButton: "SEPA-Lastschrift",
    exported: (files, count, total) => `${files} gespeichert: ${count} ${count === 1 ? "Lastschrift" : "Lastschriften"} über ${total}.`,
    repeatTitle: "Lauf schon exportiert",
    repeatText: (run) => `Die Lastschriften von ${run} sind schon in einer Datei. Nur erneut exportieren, wenn die Bank die erste Datei nicht erhalten oder abgelehnt hat – sonst wird doppelt eingezogen.`,
    repeatYes: "Erneut exportieren",
    reportTitle: "Bericht",
    settingsTitle: "Gläubigerdaten",
    settingsMissing: "Für Lastschriften fehlen noch die Gläubigerdaten.",
    creditorName: "Name des Zahlungsempfängers",
    creditorIban: "Unsere IBAN",
    creditorBic: "Unsere BIC (optional)",
    creditorId: "Gläubiger-Identifikationsnummer",
    saveSettings: "Gläubigerdaten speichern",
    settingsSaved: "Gläubigerdaten gespeichert.",
    mandatesTitle: "Mandate",
    writeMandates: "Mandate in Blatt schreiben",
    applyMandates: "Mandate aus Blatt übernehmen",
    mandatesWritten: (sheet, count) => `${count} Mandate ins Blatt „${sheet}“ geschrieben. Dort bearbeiten und dann übernehmen.`,
    mandatesApplied: (added, changed, unchanged) => `Mandate übernommen: ${added} neu, ${changed} geändert, ${unchanged} unverändert.`,
    mandatesUnchanged: "Das Blatt enthält keine Änderungen.",
    undone: "Mandatsänderung rückgängig gemacht.",
  },
  en: {
    title: "SEPA direct debit",
    intro: "The run's direct debit file (pain.008.001.08) for customers with a mandate. Upload it in online banking as a SEPA direct debit batch.",
    collectionDate: "Collection date",
    exportButton: "SEPA direct debit",
    exported: (files, count, total) => `${files} saved: ${count} direct ${count === 1 ? "debit" : "debits"}, ${total}.`,
    repeatTitle: "Run already exported",
    repeatText: (run) => `The direct debits of ${run} are in a file already. Export again only if the bank did not receive or rejected the first file — otherwise customers are debited twice.`,
    repeatYes: "Export again",
    reportTitle: "Report",
    settingsTitle: "Creditor details",
    settingsMissing: "The creditor details for direct debits are missing.",
    creditorName: "Creditor name",
    creditorIban: "Our IBAN",
    creditorBic: "Our BIC (optional)",
    creditorId: "Creditor identifier",
    saveSettings: "Save creditor details",
    settingsSaved: "Creditor details saved.",
    mandatesTitle: "Mandates",
    writeMandates: "Write mandates to sheet",
    applyMandates: "Apply mandates from sheet",
    mandatesWritten: (sheet, count) => `${count} mandates written to sheet "${sheet}". Edit them there, then apply.`,
    mandatesApplied: (added, changed, unchanged) => `Mandates applied: ${added} new, ${changed} changed, ${unchanged} unchanged.`,
    mandatesUnchanged: "The sheet holds no changes.",
    undone: "Mandate change undone.",
  },
};
