/**
 * The 125 column headings of a DATEV-Format "Buchungsstapel" (format category 21, format version 13,
 * header version 700), line 2 of an EXTF file, in order.
 *
 * Sources: columns 1–116 exactly as in the heading line of a Buchungsstapel exported by Sage
 * (header 510, format version 7, quoted in a public parser's tests); columns 117–125 are the ones
 * format version 13 (header 700) appends, named as in DATEV's format description as reproduced by
 * several open-source writers. Uncertain: files written by DATEV programs spell some names
 * differently (an en dash in `Beleginfo – Art 1`, `KOST1 – Kostenstelle`; shorter names such as
 * `Bezeichnung` for `Bezeichnung SoBil-Sachverhalt`). The format description defines the booking
 * fields by position (line 1 names format and version), so we expect no effect on the import; not
 * tried in a DATEV installation. See README "Invoice exports".
 */
const pairs = (art: string, inhalt: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => [`${art} ${i + 1}`, `${inhalt} ${i + 1}`]).flat();

export const DATEV_COLUMNS: readonly string[] = [
  "Umsatz (ohne Soll/Haben-Kz)", // 1
  "Soll/Haben-Kennzeichen",
  "WKZ Umsatz",
  "Kurs",
  "Basis-Umsatz",
  "WKZ Basis-Umsatz",
  "Konto", // 7
  "Gegenkonto (ohne BU-Schlüssel)", // 8
  "BU-Schlüssel",
  "Belegdatum", // 10
  "Belegfeld 1", // 11
  "Belegfeld 2",
  "Skonto",
  "Buchungstext", // 14
  "Postensperre",
  "Diverse Adressnummer",
  "Geschäftspartnerbank",
  "Sachverhalt",
  "Zinssperre",
  "Beleglink", // 20
  ...pairs("Beleginfo - Art", "Beleginfo - Inhalt", 8), // 21–36
  "KOST1 - Kostenstelle", // 37
  "KOST2 - Kostenstelle",
  "Kost-Menge",
  "EU-Land u. UStID", // 40
  "EU-Steuersatz",
  "Abw. Versteuerungsart",
  "Sachverhalt L+L",
  "Funktionsergänzung L+L",
  "BU 49 Hauptfunktionstyp",
  "BU 49 Hauptfunktionsnummer",
  "BU 49 Funktionsergänzung", // 47
  ...pairs("Zusatzinformation - Art", "Zusatzinformation- Inhalt", 20), // 48–87
  "Stück", // 88
  "Gewicht",
  "Zahlweise",
  "Forderungsart",
  "Veranlagungsjahr",
  "Zugeordnete Fälligkeit",
  "Skontotyp",
  "Auftragsnummer",
  "Buchungstyp",
  "USt-Schlüssel (Anzahlungen)",
  "EU-Land (Anzahlungen)",
  "Sachverhalt L+L (Anzahlungen)",
  "EU-Steuersatz (Anzahlungen)",
  "Erlöskonto (Anzahlungen)",
  "Herkunft-Kz",
  "Buchungs GUID",
  "KOST-Datum",
  "SEPA-Mandatsreferenz",
  "Skontosperre",
  "Gesellschaftername",
  "Beteiligtennummer",
  "Identifikationsnummer",
  "Zeichnernummer",
  "Postensperre bis",
  "Bezeichnung SoBil-Sachverhalt",
  "Kennzeichen SoBil-Buchung",
  "Festschreibung", // 114
  "Leistungsdatum", // 115
  "Datum Zuord. Steuerperiode", // 116
  // appended by format version 13 (header 700)
  "Fälligkeit", // 117
  "Generalumkehr (GU)",
  "Steuersatz",
  "Land",
  "Abrechnungsreferenz",
  "BVV-Position",
  "EU-Land u. UStID (Ursprung)",
  "EU-Steuersatz (Ursprung)",
  "Abw. Skontokonto", // 125
];

/** 0-based positions of the columns this export fills. */
export const COL = {
  amount: 0,
  side: 1,
  currency: 2,
  account: 6,
  contraAccount: 7,
  documentDate: 9,
  documentField1: 10,
  text: 13,
  infoKind1: 20,
  infoContent1: 21,
} as const;
