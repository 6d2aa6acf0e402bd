/** Pane strings of the vendor profile editor (Abgleich: a file no profile recognises), per language. */
import type { Delimiter } from "../../io/table/read-csv";
import type { SignMode } from "../../io/vendor/profile";
import type { DraftField } from "../../io/vendor/profile-draft";
import type { Language } from "../i18n";

export interface ProfileEditorStrings {
  title: string;
  intro: (file: string) => string;
  loading: string;
  name: string;
  namePlaceholder: string;
  idHint: (id: string) => string;
  columnsTitle: string;
  fields: Record<DraftField, string>;
  notInFile: string;
  required: string;
  decimalSeparator: string;
  decimalComma: string;
  decimalPoint: string;
  dateFormat: string;
  dateFormats: Record<"DD.MM.YYYY" | "YYYY-MM-DD" | "M/D/YYYY" | "D/M/YYYY" | "auto", string>;
  currency: string;
  previewTitle: (rows: number) => string;
  previewEmpty: string;
  previewRow: (row: number) => string;
  noPeriod: string;
  save: string;
  saving: string;
  saved: (name: string) => string;
  noHeader: string;
  layoutTitle: string;
  headerRow: string;
  headerRowOption: (row: number, cells: readonly string[]) => string;
  delimiter: string;
  delimiters: Record<Delimiter, string>;
  signMode: string;
  signModes: Record<SignMode, string>;
  signHint: string;
}

export const profileEditorStrings: Record<Language, ProfileEditorStrings> = {
  de: {
    title: "Dateiprofil anlegen",
    intro: (file) => `Kein Profil kennt die Spalten von „${file}“. Ordnen Sie die Spalten zu; die Vorschau zeigt die ersten Zeilen so, wie sie gelesen werden. Nach dem Speichern wird die Datei abgeglichen, und künftige Dateien dieses Anbieters werden erkannt.`,
    loading: "Spalten werden gelesen …",
    name: "Name des Profils (Anbieter)",
    namePlaceholder: "z. B. Cloudhaus Monatsabrechnung",
    idHint: (id) => `Kennung: ${id}`,
    columnsTitle: "Spalten zuordnen",
    fields: {
      customerId: "Kundennummer beim Anbieter",
      customerName: "Kundenname",
      articleKey: "Artikelnummer / SKU",
      articleKey2: "Zweiter Teil der Artikelnummer (optional)",
      articleName: "Artikelbezeichnung (optional)",
      quantity: "Menge",
      unitCost: "Einkaufspreis je Stück (optional)",
      amount: "Betrag der Zeile (optional)",
      periodFrom: "Leistungsbeginn (optional)",
      periodTo: "Leistungsende (optional)",
      chargeDate: "Buchungsdatum statt Zeitraum (optional)",
      chargeType: "Buchungsart (optional)",
      currency: "Währung (optional)",
    },
    notInFile: "– nicht in der Datei –",
    required: "Bitte eine Spalte wählen.",
    decimalSeparator: "Zahlen",
    decimalComma: "Dezimalkomma (4,99)",
    decimalPoint: "Dezimalpunkt (4.99)",
    dateFormat: "Datumsformat",
    dateFormats: { "DD.MM.YYYY": "TT.MM.JJJJ (31.12.2026)", "YYYY-MM-DD": "JJJJ-MM-TT (2026-12-31)", "M/D/YYYY": "M/T/JJJJ (12/31/2026)", "D/M/YYYY": "T/M/JJJJ (31/12/2026)", auto: "automatisch erkennen" },
    currency: "Währung der Beträge",
    previewTitle: (rows) => `Vorschau: die ersten ${rows} Zeilen, wie sie gelesen werden`,
    previewEmpty: "Die Vorschau erscheint, sobald Name, Kundennummer, Kundenname, Artikelnummer und Menge zugeordnet sind.",
    previewRow: (row) => `Zeile ${row}`,
    noPeriod: "ohne Zeitraum",
    save: "Profil speichern und abgleichen",
    saving: "Profil wird gespeichert …",
    saved: (name) => `Profil „${name}“ gespeichert; die Datei wurde damit gelesen.`,
    noHeader: "In der Datei wurde keine Kopfzeile gefunden. Wählen Sie oben Trennzeichen oder Kopfzeile.",
    layoutTitle: "Aufbau der Datei",
    headerRow: "Kopfzeile (Zeile mit den Spaltennamen)",
    headerRowOption: (row, cells) => `Zeile ${row}: ${cells.join(" · ") || "(leer)"}`,
    delimiter: "Trennzeichen",
    delimiters: { ";": "Semikolon ( ; )", ",": "Komma ( , )", "\t": "Tabulator", "|": "Senkrechter Strich ( | )" },
    signMode: "Gutschriften und Minusbeträge",
    signModes: { asIs: "Vorzeichen wie in der Datei (−12,50, 12,50- und (12,50) sind negativ)", flip: "Alle Vorzeichen umkehren (Belastungen stehen negativ in der Datei)", fromAmount: "Menge folgt dem Vorzeichen des Betrags (1 × 12,50 = 12,50- ist eine Gutschrift)" },
    signHint: "„Menge folgt dem Vorzeichen des Betrags“ braucht eine zugeordnete Betragsspalte.",
  },
  en: {
    title: "Create a file profile",
    intro: (file) => `No profile knows the columns of "${file}". Assign the columns; the preview shows the first rows as they will be read. Once saved, the file is reconciled and future files of this vendor are recognised.`,
    loading: "Reading the columns …",
    name: "Profile name (vendor)",
    namePlaceholder: "e.g. Cloudhaus monthly billing",
    idHint: (id) => `Id: ${id}`,
    columnsTitle: "Assign columns",
    fields: {
      customerId: "Customer id at the vendor",
      customerName: "Customer name",
      articleKey: "Article number / SKU",
      articleKey2: "Second part of the article number (optional)",
      articleName: "Article name (optional)",
      quantity: "Quantity",
      unitCost: "Cost per unit (optional)",
      amount: "Row amount (optional)",
      periodFrom: "Period start (optional)",
      periodTo: "Period end (optional)",
      chargeDate: "Charge date instead of a period (optional)",
      chargeType: "Charge type (optional)",
      currency: "Currency (optional)",
    },
    notInFile: "– not in the file –",
    required: "Choose a column.",
    decimalSeparator: "Numbers",
    decimalComma: "Decimal comma (4,99)",
    decimalPoint: "Decimal point (4.99)",
    dateFormat: "Date format",
    dateFormats: { "DD.MM.YYYY": "DD.MM.YYYY (31.12.2026)", "YYYY-MM-DD": "YYYY-MM-DD (2026-12-31)", "M/D/YYYY": "M/D/YYYY (12/31/2026)", "D/M/YYYY": "D/M/YYYY (31/12/2026)", auto: "detect automatically" },
    currency: "Currency of the amounts",
    previewTitle: (rows) => `Preview: the first ${rows} rows as they will be read`,
    previewEmpty: "The preview appears once name, customer id, customer name, article number and quantity are assigned.",
    previewRow: (row) => `Row ${row}`,
    noPeriod: "no period",
    save: "Save profile and reconcile",
    saving: "Saving the profile …",
    saved: (name) => `Profile "${name}" saved; the file was read with it.`,
    noHeader: "No header row was found in the file. Choose the delimiter or header row above.",
    layoutTitle: "File layout",
    headerRow: "Header row (the row with the column names)",
    headerRowOption: (row, cells) => `Row ${row}: ${cells.join(" · ") || "(empty)"}`,
    delimiter: "Delimiter",
    delimiters: { ";": "Semicolon ( ; )", ",": "Comma ( , )", "\t": "Tab", "|": "Vertical bar ( | )" },
    signMode: "Credits and negative amounts",
    signModes: { asIs: "Signs as in the file (−12.50, 12.50- and (12.50) are negative)", flip: "Flip every sign (charges are negative in the file)", fromAmount: "Quantity follows the amount's sign (1 × 12.50 = 12.50- is a credit)" },
    signHint: "\"Quantity follows the amount's sign\" needs an amount column.",
  },
};
