/**
 * File names of the pane's downloads, in the pane's language (a German clerk gets `vertraege.csv`,
 * not `contracts.csv`). Only the names: the files are the same in both languages (master data CSVs
 * are recognised by their header row, JSON files by their content). Without umlauts, as the CSV
 * templates (`vorlage-vertraege.csv`), so every file system and mail program keeps them.
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
}

export const downloadNames: Record<Lang, DownloadNames> = {
  de: {
    master: { contracts: "vertraege.csv", articles: "artikel.csv", mappings: "zuordnungen.csv" },
    vendorProfiles: "distributor-profile.json",
    exportProfiles: "exportprofile.json",
    settings: "msp-billing-einstellungen.json",
    rules: "regeln.json",
    backup: (day) => `msp-billing-sicherung-${day}.json`,
  },
  en: {
    master: { contracts: "contracts.csv", articles: "articles.csv", mappings: "mappings.csv" },
    vendorProfiles: "vendor-profiles.json",
    exportProfiles: "export-profiles.json",
    settings: "msp-billing-settings.json",
    rules: "rules.json",
    backup: (day) => `msp-billing-backup-${day}.json`,
  },
};
