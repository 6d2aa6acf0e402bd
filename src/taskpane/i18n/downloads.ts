/**
 * File names of the pane's downloads, in the pane's language (a German clerk gets `vertraege.csv`,
 * not `contracts.csv`). Only the names: the files are the same in both languages (master data CSVs
 * are recognised by their header row, JSON files by their content). Without umlauts, as the CSV
 * templates (`vorlage-vertraege.csv`), so every file system and mail program keeps them.
 *
 * The rule: a file the clerk keeps (an export for the ERP, a print batch, the ZIP the e-invoices
 * come in) is named in the pane's language; what goes to the customer or the bank keeps its name in
 * every language: the files inside the e-invoice ZIP (invoice number and format,
 * `RE-000001_xrechnung.xml`), the SEPA file (its message id), and DATEV's `EXTF_Buchungsstapel_…`
 * (DATEV's own naming).
 */
import type { Lang } from "./format";

export interface DownloadNames {
  /** Stammdaten: the master data CSVs. */
  master: { contracts: string; articles: string; mappings: string };
  /** Stammdaten: the user's vendor (distributor) profiles. */
  vendorProfiles: string;
  /** Stammdaten: the saved export profiles. */
  exportProfiles: string;
  /** Stammdaten: company data and DATEV settings as one file. */
  settings: string;
  /** Zeiten/Zähler: the stored time and click rules. */
  rules: string;
  /** The whole store; `day` as `2026-11-23`. */
  backup(day: string): string;
  /** Abrechnung: a run's invoice CSV (`-de`: the "CSV deutsch" format). */
  invoiceCsv(month: string, runId: string, german: boolean): string;
  /** Abrechnung: a run's invoices as one HTML file to print. */
  invoiceDocuments(month: string, runId: string): string;
  /** Abrechnung: the ZIP holding a run's e-invoices. */
  eInvoiceZip(month: string, runId: string): string;
}

export const downloadNames: Record<Lang, DownloadNames> = {
  de: {
    master: { contracts: "vertraege.csv", articles: "artikel.csv", mappings: "zuordnungen.csv" },
    vendorProfiles: "distributor-profile.json",
    exportProfiles: "exportprofile.json",
    settings: "msp-billing-einstellungen.json",
    rules: "regeln.json",
    backup: (day) => `msp-billing-sicherung-${day}.json`,
    invoiceCsv: (month, runId, german) => `Rechnungen-${month}-${runId}${german ? "-de" : ""}.csv`,
    invoiceDocuments: (month, runId) => `Rechnungen-${month}-${runId}.html`,
    eInvoiceZip: (month, runId) => `E-Rechnungen-${month}-${runId}.zip`,
  },
  en: {
    master: { contracts: "contracts.csv", articles: "articles.csv", mappings: "mappings.csv" },
    vendorProfiles: "vendor-profiles.json",
    exportProfiles: "export-profiles.json",
    settings: "msp-billing-settings.json",
    rules: "rules.json",
    backup: (day) => `msp-billing-backup-${day}.json`,
    invoiceCsv: (month, runId, german) => `Invoices-${month}-${runId}${german ? "-de" : ""}.csv`,
    invoiceDocuments: (month, runId) => `Invoices-${month}-${runId}.html`,
    eInvoiceZip: (month, runId) => `E-invoices-${month}-${runId}.zip`,
  },
};
