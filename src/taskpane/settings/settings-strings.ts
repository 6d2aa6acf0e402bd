/** Pane strings of the settings forms (company data and bank, DATEV, time and click rules), per language. */
import type { Language } from "../i18n";
import type { CompanyField } from "./company-form";

export interface SettingsStrings {
  required: string;
  saved: string;
  savedWithWarnings: string;
  importJson: string;
  exportJson: string;
  jsonHint: string;
  imported: (parts: string) => string;
  company: {
    title: string;
    intro: string;
    fields: Record<CompanyField, string>;
    bankTitle: string;
    moreTitle: string;
    save: string;
  };
  datev: {
    title: string;
    intro: string;
    consultantNo: string;
    clientNo: string;
    fiscalYearStart: string;
    fiscalYearStartPlaceholder: string;
    accountLength: string;
    accountDigits: (n: string) => string;
    chart: string;
    revenueAccount: (rate: string) => string;
    presetHint: (account: string) => string;
    noPreset: string;
    defaultDebtor: string;
    debtorFromCustomerNo: string;
    label: string;
    labelHint: string;
    save: string;
  };
  rules: {
    defaultsTitle: string;
    defaultsIntro: string;
    unitMinutes: string;
    minutes: (n: string) => string;
    rounding: string;
    roundingEntry: string;
    roundingTicketDay: string;
    holidayRegion: string;
    regions: Record<string, string>;
    activitiesTitle: string;
    activityName: string;
    activityArticle: string;
    activityPrice: string;
    addActivity: string;
    remove: string;
    defaultActivity: string;
    noDefaultActivity: string;
    surchargesTitle: string;
    surchargeLabel: string;
    surchargeDays: string;
    days: Record<string, string>;
    surchargeFrom: string;
    surchargeTo: string;
    surchargePct: string;
    addSurcharge: string;
    poolsCoverSurcharged: string;
    saveDefaults: string;
    contractTitle: string;
    contractIntro: string;
    contract: string;
    chooseContract: string;
    includedHours: string;
    monthlyHours: string;
    creditsTitle: string;
    creditDate: string;
    creditHours: string;
    addCredit: string;
    clickOn: string;
    includedBw: string;
    includedColor: string;
    priceBw: string;
    priceColor: string;
    minimumFee: string;
    articleBw: string;
    articleColor: string;
    articleMinimum: string;
    saveContract: string;
    exportRules: string;
  };
}

const REGIONS_DE: Record<string, string> = {
  BW: "Baden-Württemberg", BY: "Bayern", BE: "Berlin", BB: "Brandenburg", HB: "Bremen", HH: "Hamburg", HE: "Hessen",
  MV: "Mecklenburg-Vorpommern", NI: "Niedersachsen", NW: "Nordrhein-Westfalen", RP: "Rheinland-Pfalz", SL: "Saarland",
  SN: "Sachsen", ST: "Sachsen-Anhalt", SH: "Schleswig-Holstein", TH: "Thüringen", AUGSBURG: "Bayern (Augsburg)",
};

export const settingsStrings: Record<Language, SettingsStrings> = {
  de: {
    required: "Pflichtfeld.",
    saved: "Gespeichert.",
    savedWithWarnings: "Gespeichert – bitte die Hinweise beachten.",
    importJson: "JSON-Datei laden …",
    exportJson: "Als JSON herunterladen",
    jsonHint: "Für Fortgeschrittene: dieselben Einstellungen als JSON-Datei laden oder sichern.",
    imported: (parts) => `Aus der Datei gespeichert: ${parts}.`,
    company: {
      title: "Firmendaten und Bankverbindung",
      intro: "Stehen auf jeder Rechnung (§ 14 UStG): Name, Anschrift, Steuernummer oder USt-IdNr., dazu Bankverbindung und Zahlungsbedingungen.",
      fields: {
        name: "Firmenname",
        address: "Anschrift (Straße, PLZ Ort – je Zeile)",
        taxNumber: "Steuernummer",
        vatId: "USt-IdNr.",
        phone: "Telefon",
        email: "E-Mail",
        web: "Website",
        contactName: "Ansprechpartner für Rechnungen",
        bankName: "Bank",
        iban: "IBAN",
        bic: "BIC",
        paymentTerms: "Zahlungsbedingungen",
        footer: "Fußzeile (Handelsregister, Geschäftsführung …)",
        street: "Straße (für E-Rechnungen)",
        postcode: "PLZ",
        city: "Ort",
        countryCode: "Land (ISO, z. B. DE)",
        creditorId: "Gläubiger-ID",
      },
      bankTitle: "Bankverbindung und Zahlung",
      moreTitle: "Weitere Angaben (E-Rechnung)",
      save: "Firmendaten speichern",
    },
    datev: {
      title: "DATEV-Einstellungen",
      intro: "Für den Buchungsstapel an die Steuerberatung: Berater- und Mandantennummer, Kontenrahmen und Konten.",
      consultantNo: "Beraternummer",
      clientNo: "Mandantennummer",
      fiscalYearStart: "Beginn des Wirtschaftsjahres",
      fiscalYearStartPlaceholder: "TT.MM.",
      accountLength: "Sachkontenlänge",
      accountDigits: (n) => `${n}-stellig`,
      chart: "Kontenrahmen",
      revenueAccount: (rate) => `Erlöskonto ${rate} %`,
      presetHint: (account) => `Leer: ${account} aus dem Kontenrahmen`,
      noPreset: "Kein Standard – bei 0 % angeben, wenn nötig",
      defaultDebtor: "Sammeldebitor (optional)",
      debtorFromCustomerNo: "Kundennummer als Debitorenkonto verwenden, wenn sie eines ist",
      label: "Bezeichnung des Stapels (optional)",
      labelHint: "Leer: „Rechnungsausgang MM/JJJJ“",
      save: "DATEV-Einstellungen speichern",
    },
    rules: {
      defaultsTitle: "Zeitregeln (Standard)",
      defaultsIntro: "Gelten für alle Verträge, soweit ein Vertrag nichts anderes sagt.",
      unitMinutes: "Takt",
      minutes: (n) => `${n} Minuten`,
      rounding: "Aufrunden",
      roundingEntry: "je Eintrag",
      roundingTicketDay: "je Ticket und Tag",
      holidayRegion: "Bundesland (Feiertage)",
      regions: REGIONS_DE,
      activitiesTitle: "Tätigkeiten und Stundensätze",
      activityName: "Tätigkeit",
      activityArticle: "Artikel-Nr.",
      activityPrice: "€ je Stunde (leer: Artikelpreis)",
      addActivity: "Tätigkeit hinzufügen",
      remove: "Entfernen",
      defaultActivity: "Tätigkeit für Einträge ohne Tätigkeit",
      noDefaultActivity: "– keine –",
      surchargesTitle: "Zuschläge",
      surchargeLabel: "Bezeichnung",
      surchargeDays: "Tage",
      days: { mon: "Mo", tue: "Di", wed: "Mi", thu: "Do", fri: "Fr", sat: "Sa", sun: "So", holiday: "Feiertag" },
      surchargeFrom: "von (HH:MM)",
      surchargeTo: "bis (HH:MM)",
      surchargePct: "Zuschlag in %",
      addSurcharge: "Zuschlag hinzufügen",
      poolsCoverSurcharged: "Inklusiv- und Kontingentstunden decken auch Zeiten mit Zuschlag",
      saveDefaults: "Zeitregeln speichern",
      contractTitle: "Vertragsregeln: Inklusivstunden, Kontingent, Klickpreise",
      contractIntro: "Je Vertrag: Stunden, die im Monat enthalten sind, ein Stundenkontingent und die Preise eines Klickvertrags.",
      contract: "Vertrag",
      chooseContract: "– Vertrag wählen –",
      includedHours: "Inklusivstunden je Monat",
      monthlyHours: "Kontingent: Stunden je Monat",
      creditsTitle: "Kontingent: einmalige Gutschriften",
      creditDate: "Datum",
      creditHours: "Stunden",
      addCredit: "Gutschrift hinzufügen",
      clickOn: "Klickvertrag (Drucker/Kopierer)",
      includedBw: "Freiklicks s/w je Monat",
      includedColor: "Freiklicks Farbe je Monat",
      priceBw: "Preis je Klick s/w (€)",
      priceColor: "Preis je Klick Farbe (€)",
      minimumFee: "Mindestgebühr je Monat (€, optional)",
      articleBw: "Artikel-Nr. s/w",
      articleColor: "Artikel-Nr. Farbe",
      articleMinimum: "Artikel-Nr. Mindestgebühr",
      saveContract: "Vertragsregeln speichern",
      exportRules: "Regeln als JSON herunterladen",
    },
  },
  en: {
    required: "Required.",
    saved: "Saved.",
    savedWithWarnings: "Saved – please note the hints.",
    importJson: "Load JSON file …",
    exportJson: "Download as JSON",
    jsonHint: "For power users: load or keep the same settings as a JSON file.",
    imported: (parts) => `Saved from the file: ${parts}.`,
    company: {
      title: "Company data and bank account",
      intro: "Printed on every invoice (§ 14 UStG): name, address, tax number or VAT id, plus bank account and payment terms.",
      fields: {
        name: "Company name",
        address: "Address (street, postcode town – one per line)",
        taxNumber: "Tax number",
        vatId: "VAT id",
        phone: "Phone",
        email: "Email",
        web: "Website",
        contactName: "Contact for invoice questions",
        bankName: "Bank",
        iban: "IBAN",
        bic: "BIC",
        paymentTerms: "Payment terms",
        footer: "Footer (register court, managing directors …)",
        street: "Street (for e-invoices)",
        postcode: "Postcode",
        city: "Town",
        countryCode: "Country (ISO, e.g. DE)",
        creditorId: "Creditor identifier",
      },
      bankTitle: "Bank account and payment",
      moreTitle: "More (e-invoices)",
      save: "Save company data",
    },
    datev: {
      title: "DATEV settings",
      intro: "For the booking batch sent to the tax advisor: consultant and client number, chart of accounts and accounts.",
      consultantNo: "Consultant number",
      clientNo: "Client number",
      fiscalYearStart: "Start of the fiscal year",
      fiscalYearStartPlaceholder: "MM-DD",
      accountLength: "Account length",
      accountDigits: (n) => `${n} digits`,
      chart: "Chart of accounts",
      revenueAccount: (rate) => `Revenue account ${rate} %`,
      presetHint: (account) => `Empty: ${account} from the chart`,
      noPreset: "No default – give one for 0 % if needed",
      defaultDebtor: "Collective debtor (optional)",
      debtorFromCustomerNo: "Use the customer number as debtor account when it is one",
      label: "Batch label (optional)",
      labelHint: "Empty: “Rechnungsausgang MM/YYYY”",
      save: "Save DATEV settings",
    },
    rules: {
      defaultsTitle: "Time rules (defaults)",
      defaultsIntro: "Apply to every contract unless a contract says otherwise.",
      unitMinutes: "Billing unit",
      minutes: (n) => `${n} minutes`,
      rounding: "Round up",
      roundingEntry: "per entry",
      roundingTicketDay: "per ticket and day",
      holidayRegion: "Federal state (holidays)",
      regions: REGIONS_DE,
      activitiesTitle: "Activities and hourly rates",
      activityName: "Activity",
      activityArticle: "Article no.",
      activityPrice: "€ per hour (empty: article price)",
      addActivity: "Add activity",
      remove: "Remove",
      defaultActivity: "Activity for entries without one",
      noDefaultActivity: "– none –",
      surchargesTitle: "Surcharges",
      surchargeLabel: "Label",
      surchargeDays: "Days",
      days: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun", holiday: "Holiday" },
      surchargeFrom: "from (HH:MM)",
      surchargeTo: "to (HH:MM)",
      surchargePct: "Surcharge in %",
      addSurcharge: "Add surcharge",
      poolsCoverSurcharged: "Included and contingent hours also cover time with a surcharge",
      saveDefaults: "Save time rules",
      contractTitle: "Contract rules: included hours, contingent, click prices",
      contractIntro: "Per contract: hours included each month, a contingent of hours, and the prices of a click contract.",
      contract: "Contract",
      chooseContract: "– choose a contract –",
      includedHours: "Included hours per month",
      monthlyHours: "Contingent: hours per month",
      creditsTitle: "Contingent: one-off credits",
      creditDate: "Date",
      creditHours: "Hours",
      addCredit: "Add credit",
      clickOn: "Click contract (printer/copier)",
      includedBw: "Free b/w clicks per month",
      includedColor: "Free colour clicks per month",
      priceBw: "Price per b/w click (€)",
      priceColor: "Price per colour click (€)",
      minimumFee: "Minimum fee per month (€, optional)",
      articleBw: "Article no. b/w",
      articleColor: "Article no. colour",
      articleMinimum: "Article no. minimum fee",
      saveContract: "Save contract rules",
      exportRules: "Download rules as JSON",
    },
  },
};
