/**
 * Task pane strings in German and English. The language follows Office's display language
 * (`Office.context.displayLanguage`, e.g. "de-DE"); anything not German is shown in English.
 */

export type Language = "de" | "en";

export type TabId = "reconcile" | "billing" | "masterData";

export interface TabStrings {
  /** Label in the tab list. */
  label: string;
  /** Heading of the panel. */
  title: string;
  /** What the area will do, in one or two sentences. */
  description: string;
  /** The planned steps or features, shown as a list. */
  planned: readonly string[];
}

export interface Strings {
  appTitle: string;
  tabListLabel: string;
  notAvailableTitle: string;
  notAvailableBody: string;
  plannedHeading: string;
  availableNowTitle: string;
  availableNowBody: string;
  prorateExample: string;
  footer: string;
  tabs: Record<TabId, TabStrings>;
}

const de: Strings = {
  appTitle: "MSP Billing",
  tabListLabel: "Bereiche",
  notAvailableTitle: "Noch nicht verfügbar",
  notAvailableBody: "Dieser Bereich wird gerade gebaut. Bis dahin ändert das Add-in nichts an Ihrer Arbeitsmappe.",
  plannedHeading: "Geplant",
  availableNowTitle: "Schon nutzbar",
  availableNowBody: "Die Tabellenfunktion für anteilige Beträge funktioniert in jeder Zelle:",
  prorateExample: "=MSP.PRORATE(Betrag; von; bis; [Periodenbeginn]; [Periodenende])",
  footer: "MSP Billing · Vorschau",
  tabs: {
    reconcile: {
      label: "Abgleich",
      title: "Abgleich mit Distributor-Abrechnungen",
      description:
        "Abrechnungsdateien von Microsoft CSP, Pax8, Ingram und anderen einlesen, Kunden und Artikel zuordnen, Mengen mit den Verträgen vergleichen und Änderungen als neue Vertragsversionen übernehmen.",
      planned: [
        "Einlesen: aktives Blatt oder CSV/XLSX-Datei, Profil automatisch erkannt",
        "Zuordnen: Kunden- und Artikelzuordnungen werden je Quelle gemerkt",
        "Vorbereiten: Prüfblatt mit Status, Mengen und Differenzen",
        "Übernehmen: neue Vertragsversionen in einem Schritt, rückgängig machbar",
      ],
    },
    billing: {
      label: "Abrechnung",
      title: "Abrechnungslauf",
      description:
        "Einen Monat wählen, alle fälligen Rechnungspositionen in einem Blatt prüfen, freigeben und exportieren. Nichts wird doppelt und nichts wird vergessen abgerechnet.",
      planned: [
        "Wiederkehrende und taggenau anteilige Positionen",
        "Differenzabrechnung für bereits abgerechnete Zeiträume",
        "Ticketzeiten, Klickverträge und Pauschalen",
        "Export als CSV, deutsches CSV und DATEV",
      ],
    },
    masterData: {
      label: "Stammdaten",
      title: "Stammdaten",
      description:
        "Kunden, Artikel und Verträge als Excel-Tabellen bearbeiten und als neue Versionen zurückschreiben.",
      planned: [
        "Tabellen exportieren, in Excel bearbeiten, mit Gültigkeitsdatum zurückschreiben",
        "Stammdaten-CSV importieren (Verträge, Artikel, Zuordnungen)",
        "Sicherung und Wiederherstellung als eine JSON-Datei",
      ],
    },
  },
};

const en: Strings = {
  appTitle: "MSP Billing",
  tabListLabel: "Areas",
  notAvailableTitle: "Not available yet",
  notAvailableBody: "This area is being built. Until then the add-in does not change your workbook.",
  plannedHeading: "Planned",
  availableNowTitle: "Available now",
  availableNowBody: "The worksheet function for prorated amounts works in any cell:",
  prorateExample: "=MSP.PRORATE(amount, from, to, [period_start], [period_end])",
  footer: "MSP Billing · preview",
  tabs: {
    reconcile: {
      label: "Reconcile",
      title: "Reconcile distributor billing files",
      description:
        "Read billing files from Microsoft CSP, Pax8, Ingram and others, map customers and articles, compare quantities with the contracts and apply changes as new contract versions.",
      planned: [
        "Read: the active sheet or a CSV/XLSX file, profile detected automatically",
        "Map: customer and article mappings remembered per source",
        "Prepare: a review sheet with status, quantities and deltas",
        "Apply: new contract versions in one step, undoable",
      ],
    },
    billing: {
      label: "Billing",
      title: "Billing run",
      description:
        "Choose a month, review every invoice line due in a sheet, approve and export it. Nothing is billed twice and nothing is forgotten.",
      planned: [
        "Recurring and day-exact prorated lines",
        "Differential billing for periods already invoiced",
        "Ticket time, click contracts and flat fees",
        "Export as CSV, German CSV and DATEV",
      ],
    },
    masterData: {
      label: "Master data",
      title: "Master data",
      description: "Edit customers, articles and contracts as Excel tables and write them back as new versions.",
      planned: [
        "Export tables, edit in Excel, write back with an effective date",
        "Import master data CSV (contracts, articles, mappings)",
        "Backup and restore as one JSON file",
      ],
    },
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
