/** Pane strings of the CSV template downloads (TemplateDownload.tsx), per language. */
import type { TemplateKind } from "../../../io/templates/csv-templates";
import type { Language } from "../../i18n";

export interface TemplateStrings {
  download: string;
  kinds: Record<TemplateKind, string>;
  fileName: Record<TemplateKind, string>;
}

export const templateStrings: Record<Language, TemplateStrings> = {
  de: {
    download: "Vorlage herunterladen",
    kinds: {
      contracts: "Verträge", articles: "Artikel", mappings: "Zuordnungen", purchase: "Einkauf",
      links: "Verknüpfungen", time: "Zeiten", meters: "Zählerstände", mandates: "SEPA-Mandate",
    },
    fileName: {
      contracts: "vorlage-vertraege.csv", articles: "vorlage-artikel.csv", mappings: "vorlage-zuordnungen.csv", purchase: "vorlage-einkauf.csv",
      links: "vorlage-verknuepfungen.csv", time: "vorlage-zeiten.csv", meters: "vorlage-zaehlerstaende.csv", mandates: "vorlage-mandate.csv",
    },
  },
  en: {
    download: "Download template",
    kinds: {
      contracts: "Contracts", articles: "Articles", mappings: "Mappings", purchase: "Purchase",
      links: "Links", time: "Time entries", meters: "Meter readings", mandates: "SEPA mandates",
    },
    fileName: {
      contracts: "template-contracts.csv", articles: "template-articles.csv", mappings: "template-mappings.csv", purchase: "template-purchase.csv",
      links: "template-links.csv", time: "template-time.csv", meters: "template-meters.csv", mandates: "template-mandates.csv",
    },
  },
};
