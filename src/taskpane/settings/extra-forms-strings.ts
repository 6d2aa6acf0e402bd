/** Pane strings of the flat fee, holiday, contract override and export profile forms, per language. */
import type { ExportField } from "../../io/export/custom-csv/profile";
import type { Language } from "../i18n";

export interface ExtraFormsStrings {
  remove: string;
  moveUp: string;
  moveDown: string;
  flatFees: {
    title: string;
    intro: string;
    label: string;
    activities: string;
    activitiesHint: (known: string) => string;
    per: string;
    perChoices: Record<"day" | "technician_day" | "entry", string>;
    articleNo: string;
    price: string;
    add: string;
    save: string;
  };
  holidays: {
    title: string;
    intro: (region: string) => string;
    extraTitle: string;
    extraDay: string;
    extraPlaceholder: string;
    add: string;
    offTitle: string;
    names: Record<string, string>;
    save: string;
  };
  overrides: {
    title: string;
    intro: string;
    asDefault: (shown: string) => string;
    twice: string;
    activitiesTitle: string;
    add: string;
    save: string;
  };
  profile: {
    title: string;
    intro: string;
    choose: string;
    newProfile: string;
    id: string;
    idHint: string;
    idTaken: string;
    name: string;
    level: string;
    levels: Record<"line" | "invoice" | "vat_rate", string>;
    delimiter: string;
    delimiters: Record<string, string>;
    decimal: string;
    decimalComma: string;
    decimalPoint: string;
    dateFormat: string;
    encoding: string;
    encodings: Record<"utf-8" | "utf-8-bom" | "windows-1252", string>;
    headerRow: string;
    columnsTitle: string;
    source: string;
    literal: string;
    header: string;
    value: string;
    addColumn: string;
    fields: Record<ExportField, string>;
    save: string;
    saved: (id: string) => string;
    exportJson: string;
  };
}

const FIELDS_DE: Record<ExportField, string> = {
  invoice_ref: "Rechnungsnummer",
  run_id: "Abrechnungslauf",
  document_type: "Belegart (invoice/correction)",
  document_title: "Belegtitel (Rechnung/Korrektur)",
  corrects_refs: "Korrigierte Rechnungen",
  customer_no: "Kundennummer",
  customer_name: "Kundenname",
  customer_vat_id: "USt-IdNr. des Kunden",
  debtor_account: "Debitorenkonto",
  invoice_date: "Rechnungsdatum",
  invoice_service_from: "Leistung von (Rechnung)",
  invoice_service_to: "Leistung bis (Rechnung)",
  net_total: "Netto gesamt",
  vat_total: "USt gesamt",
  gross_total: "Brutto gesamt",
  currency: "Währung",
  line_no: "Zeilennummer",
  contract_no: "Vertragsnummer",
  position_no: "Positionsnummer",
  article_no: "Artikelnummer",
  description: "Beschreibung",
  line_type: "Zeilenart",
  service_from: "Leistung von (Zeile)",
  service_to: "Leistung bis (Zeile)",
  quantity: "Menge",
  unit_price: "Einzelpreis",
  discount_pct: "Rabatt %",
  period_factor: "Monate (tagesgenau)",
  net_amount: "Netto (Zeile)",
  corrects_ref: "Korrigiert Rechnung (Zeile)",
  vat_pct: "USt-Satz %",
  rate_net: "Netto je Steuersatz",
  rate_vat: "USt je Steuersatz",
  rate_gross: "Brutto je Steuersatz",
  rate_gross_abs: "Brutto je Steuersatz ohne Vorzeichen",
  debit_credit: "Soll/Haben (S/H)",
  revenue_account: "Erlöskonto",
  debit_account: "Sollkonto",
  credit_account: "Habenkonto",
};

const FIELDS_EN: Record<ExportField, string> = {
  invoice_ref: "Invoice number",
  run_id: "Billing run",
  document_type: "Document type (invoice/correction)",
  document_title: "Document title",
  corrects_refs: "Corrected invoices",
  customer_no: "Customer number",
  customer_name: "Customer name",
  customer_vat_id: "Customer VAT id",
  debtor_account: "Debtor account",
  invoice_date: "Invoice date",
  invoice_service_from: "Service from (invoice)",
  invoice_service_to: "Service to (invoice)",
  net_total: "Net total",
  vat_total: "VAT total",
  gross_total: "Gross total",
  currency: "Currency",
  line_no: "Line number",
  contract_no: "Contract number",
  position_no: "Position number",
  article_no: "Article number",
  description: "Description",
  line_type: "Line type",
  service_from: "Service from (line)",
  service_to: "Service to (line)",
  quantity: "Quantity",
  unit_price: "Unit price",
  discount_pct: "Discount %",
  period_factor: "Months (day-exact)",
  net_amount: "Net (line)",
  corrects_ref: "Corrects invoice (line)",
  vat_pct: "VAT rate %",
  rate_net: "Net per VAT rate",
  rate_vat: "VAT per VAT rate",
  rate_gross: "Gross per VAT rate",
  rate_gross_abs: "Gross per VAT rate without sign",
  debit_credit: "Debit/credit (S/H)",
  revenue_account: "Revenue account",
  debit_account: "Debit account",
  credit_account: "Credit account",
};

const HOLIDAYS_DE: Record<string, string> = {
  NEUJAHRSTAG: "Neujahr", HEILIGEDREIKOENIGE: "Heilige Drei Könige", KARFREITAG: "Karfreitag", OSTERSONNTAG: "Ostersonntag",
  OSTERMONTAG: "Ostermontag", TAG_DER_ARBEIT: "Tag der Arbeit", CHRISTIHIMMELFAHRT: "Christi Himmelfahrt", MARIAHIMMELFAHRT: "Mariä Himmelfahrt",
  PFINGSTSONNTAG: "Pfingstsonntag", PFINGSTMONTAG: "Pfingstmontag", FRONLEICHNAM: "Fronleichnam", DEUTSCHEEINHEIT: "Tag der Deutschen Einheit",
  REFORMATIONSTAG: "Reformationstag", ALLERHEILIGEN: "Allerheiligen", BUBETAG: "Buß- und Bettag", ERSTERWEIHNACHTSFEIERTAG: "1. Weihnachtstag",
  ZWEITERWEIHNACHTSFEIERTAG: "2. Weihnachtstag", WELTKINDERTAG: "Weltkindertag", WELTFRAUENTAG: "Internationaler Frauentag", AUGSBURGER_FRIEDENSFEST: "Augsburger Friedensfest",
};

const HOLIDAYS_EN: Record<string, string> = {
  NEUJAHRSTAG: "New Year's Day", HEILIGEDREIKOENIGE: "Epiphany", KARFREITAG: "Good Friday", OSTERSONNTAG: "Easter Sunday",
  OSTERMONTAG: "Easter Monday", TAG_DER_ARBEIT: "Labour Day", CHRISTIHIMMELFAHRT: "Ascension Day", MARIAHIMMELFAHRT: "Assumption Day",
  PFINGSTSONNTAG: "Whit Sunday", PFINGSTMONTAG: "Whit Monday", FRONLEICHNAM: "Corpus Christi", DEUTSCHEEINHEIT: "German Unity Day",
  REFORMATIONSTAG: "Reformation Day", ALLERHEILIGEN: "All Saints' Day", BUBETAG: "Day of Repentance", ERSTERWEIHNACHTSFEIERTAG: "Christmas Day",
  ZWEITERWEIHNACHTSFEIERTAG: "Boxing Day", WELTKINDERTAG: "World Children's Day", WELTFRAUENTAG: "International Women's Day", AUGSBURGER_FRIEDENSFEST: "Augsburg Peace Festival",
};

export const extraFormsStrings: Record<Language, ExtraFormsStrings> = {
  de: {
    remove: "Entfernen",
    moveUp: "Nach oben",
    moveDown: "Nach unten",
    flatFees: {
      title: "Pauschalen (Anfahrt …)",
      intro: "Eine feste Position zu Zeiten bestimmter Tätigkeiten, z. B. eine Anfahrtspauschale je Einsatztag.",
      label: "Bezeichnung",
      activities: "Tätigkeiten (mit Komma getrennt)",
      activitiesHint: (known) => (known ? `Bekannt: ${known}` : "z. B. vor-ort"),
      per: "Berechnen",
      perChoices: { day: "einmal je Tag", technician_day: "je Techniker und Tag", entry: "je Zeiteintrag" },
      articleNo: "Artikel-Nr.",
      price: "Preis € (leer: Artikelpreis)",
      add: "Pauschale hinzufügen",
      save: "Pauschalen speichern",
    },
    holidays: {
      title: "Feiertage",
      intro: (region) => `Die gesetzlichen Feiertage kommen aus dem Bundesland (${region}). Hier eigene Feiertage ergänzen und die gesetzlichen ankreuzen, an denen normal gearbeitet wird.`,
      extraTitle: "Eigene Feiertage (z. B. Heiligabend)",
      extraDay: "Tag (TT.MM. jedes Jahr oder TT.MM.JJJJ)",
      extraPlaceholder: "24.12.",
      add: "Feiertag hinzufügen",
      offTitle: "Kein Feiertag für uns (normaler Arbeitstag)",
      names: HOLIDAYS_DE,
      save: "Feiertage speichern",
    },
    overrides: {
      title: "Vertrag: abweichende Sätze und Regeln",
      intro: "Was ein Vertrag anders regelt als der Standard: Takt, Aufrunden, Bundesland, Stundensätze je Tätigkeit (statt des Standardsatzes der gleichnamigen Tätigkeit) und die Tätigkeit für Einträge ohne Tätigkeit.",
      asDefault: (shown) => `wie Standard (${shown})`,
      twice: "Diese Tätigkeit steht schon in einer Zeile darüber.",
      activitiesTitle: "Eigene Stundensätze",
      add: "Satz hinzufügen",
      save: "Abweichungen speichern",
    },
    profile: {
      title: "Exportprofile (eigene CSV)",
      intro: "Welche Spalten in welcher Reihenfolge, mit welchen Überschriften und Formaten – z. B. für den Import in eine Buchhaltung.",
      choose: "Profil",
      newProfile: "– neues Profil –",
      id: "Kennung",
      idHint: "Buchstaben, Ziffern, . _ -",
      idTaken: "Diese Kennung hat schon ein Profil – oben das Profil wählen, um es zu ändern, oder eine andere Kennung eingeben.",
      name: "Name",
      level: "Eine Zeile je",
      levels: { line: "Rechnungsposition", invoice: "Rechnung", vat_rate: "Rechnung und Steuersatz" },
      delimiter: "Trennzeichen",
      delimiters: { ";": "Semikolon ;", ",": "Komma ,", "\t": "Tabulator", "|": "Senkrechter Strich |" },
      decimal: "Dezimalzeichen",
      decimalComma: "Komma",
      decimalPoint: "Punkt",
      dateFormat: "Datumsformat",
      encoding: "Zeichensatz",
      encodings: { "utf-8": "UTF-8", "utf-8-bom": "UTF-8 mit BOM (Excel)", "windows-1252": "Windows-1252 (ANSI)" },
      headerRow: "Überschriften als erste Zeile",
      columnsTitle: "Spalten",
      source: "Inhalt",
      literal: "Fester Text",
      header: "Überschrift",
      value: "Text",
      addColumn: "Spalte hinzufügen",
      fields: FIELDS_DE,
      save: "Profil speichern",
      saved: (id) => `Profil „${id}“ gespeichert.`,
      exportJson: "Profile als JSON herunterladen",
    },
  },
  en: {
    remove: "Remove",
    moveUp: "Move up",
    moveDown: "Move down",
    flatFees: {
      title: "Flat fees (travel …)",
      intro: "A fixed line for time of some activities, e.g. a travel fee per day on site.",
      label: "Label",
      activities: "Activities (separated by commas)",
      activitiesHint: (known) => (known ? `Known: ${known}` : "e.g. onsite"),
      per: "Charge",
      perChoices: { day: "once per day", technician_day: "per technician and day", entry: "per time entry" },
      articleNo: "Article no.",
      price: "Price € (empty: article price)",
      add: "Add flat fee",
      save: "Save flat fees",
    },
    holidays: {
      title: "Holidays",
      intro: (region) => `Public holidays come from the federal state (${region}). Add your own days off here and tick the public holidays you work on.`,
      extraTitle: "Own holidays (e.g. Christmas Eve)",
      extraDay: "Day (MM-DD every year or YYYY-MM-DD)",
      extraPlaceholder: "12-24",
      add: "Add holiday",
      offTitle: "Not a holiday for us (a normal working day)",
      names: HOLIDAYS_EN,
      save: "Save holidays",
    },
    overrides: {
      title: "Contract: own rates and rules",
      intro: "What a contract sets differently from the defaults: billing unit, rounding, federal state, hourly rates per activity (instead of the default rate of the activity with the same name) and the activity for entries without one.",
      asDefault: (shown) => `as default (${shown})`,
      twice: "A row above already has this activity.",
      activitiesTitle: "Own hourly rates",
      add: "Add rate",
      save: "Save overrides",
    },
    profile: {
      title: "Export profiles (own CSV)",
      intro: "Which columns in which order, with which headers and formats – e.g. for an accounting import.",
      choose: "Profile",
      newProfile: "– new profile –",
      id: "Id",
      idHint: "Letters, digits, . _ -",
      idTaken: "A profile already has this id – choose it above to change it, or type another id.",
      name: "Name",
      level: "One row per",
      levels: { line: "invoice line", invoice: "invoice", vat_rate: "invoice and VAT rate" },
      delimiter: "Delimiter",
      delimiters: { ";": "Semicolon ;", ",": "Comma ,", "\t": "Tab", "|": "Vertical bar |" },
      decimal: "Decimal separator",
      decimalComma: "Comma",
      decimalPoint: "Point",
      dateFormat: "Date format",
      encoding: "Encoding",
      encodings: { "utf-8": "UTF-8", "utf-8-bom": "UTF-8 with BOM (Excel)", "windows-1252": "Windows-1252 (ANSI)" },
      headerRow: "Headers as the first row",
      columnsTitle: "Columns",
      source: "Content",
      literal: "Fixed text",
      header: "Header",
      value: "Text",
      addColumn: "Add column",
      fields: FIELDS_EN,
      save: "Save profile",
      saved: (id) => `Profile “${id}” saved.`,
      exportJson: "Download profiles as JSON",
    },
  },
};
