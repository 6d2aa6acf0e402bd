/**
 * German metadata of the custom functions (functions-de.json).
 *
 * custom-functions-metadata generates ONE functions.json per input file and has no localisation
 * support; Microsoft localises custom functions with a separate metadata file per language,
 * referenced from the manifest (`<bt:Override Locale="de-DE" Value=".../functions-de.json"/>` on the
 * metadata URL; docs: "Custom functions naming and localization"). So this file mirrors
 * functions.ts with German JSDoc, and a second CustomFunctionsMetadataPlugin instance generates
 * functions-de.json from it. Ids and function names stay the same (=MSP.QTY in every language, so
 * workbooks and the README work everywhere); descriptions and parameter names are German.
 *
 * This module is NOT a webpack entry and is never bundled: the functions Excel calls are the ones in
 * functions.ts (the plugin only appends associate calls there). The bodies delegate anyway, so the
 * signatures are type-checked against functions.ts. test/functions/functions-metadata.test.ts checks
 * that both files describe the same functions, parameters, types and optional flags.
 */
import * as en from "./functions";

/**
 * Tagesgenauer Anteil einer periodischen Gebühr: Betrag × abgedeckte Tage / Tage der Periode, auf Cent gerundet.
 * @customfunction PRORATE
 * @param betrag Gebühr für die ganze Periode (netto), z. B. der Monatspreis.
 * @param von Erster Leistungstag: ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ.
 * @param bis Letzter Leistungstag (einschließlich): ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ.
 * @param [periodenbeginn] Erster Tag der Periode, für die der Betrag gilt. Standard: der Monatserste des Monats von „von“.
 * @param [periodenende] Letzter Tag dieser Periode (einschließlich). Standard: der Monatsletzte des Monats von „von“.
 * @returns Der anteilige Betrag, kaufmännisch auf Cent gerundet.
 */
export function prorate(
  betrag: number,
  von: number | string,
  bis: number | string,
  periodenbeginn?: number | string,
  periodenende?: number | string,
): number {
  return en.prorate(betrag, von, bis, periodenbeginn, periodenende);
}

/**
 * Gesamtmenge eines Artikels in den Verträgen eines Kunden an einem Tag (alle Positionen des Artikels in Verträgen, die an dem Tag laufen).
 * @customfunction QTY
 * @param kunde Kundennummer (Text oder ganze Zahl).
 * @param artikel Artikelnummer.
 * @param [datum] Stichtag: ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ. Standard: heute (HEUTE() angeben, damit täglich neu berechnet wird).
 * @returns Die Menge; 0, wenn der Kunde an dem Tag keine Position mit dem Artikel hat.
 */
export function qty(kunde: number | string, artikel: number | string, datum?: number | string): Promise<number> {
  return en.qty(kunde, artikel, datum);
}

/**
 * Netto-Einzelpreis pro Monat nach Rabatt eines Artikels beim Kunden an einem Tag; bei mehreren Positionen mit verschiedenen Preisen der mengengewichtete Durchschnitt. Nicht gerundet.
 * @customfunction PRICE
 * @param kunde Kundennummer (Text oder ganze Zahl).
 * @param artikel Artikelnummer.
 * @param [datum] Stichtag: ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ. Standard: heute (HEUTE() angeben, damit täglich neu berechnet wird).
 * @returns Einzelpreis × (1 − Rabatt %) pro Einheit und Monat, nicht gerundet.
 */
export function price(kunde: number | string, artikel: number | string, datum?: number | string): Promise<number> {
  return en.price(kunde, artikel, datum);
}

/**
 * Nummer des Vertrags, der den Artikel heute beim Kunden enthält; bei mehreren der erste nach Vertragsnummer.
 * @customfunction CONTRACT
 * @param kunde Kundennummer (Text oder ganze Zahl).
 * @param artikel Artikelnummer.
 * @returns Die Vertragsnummer.
 */
export function contract(kunde: number | string, artikel: number | string): Promise<string> {
  return en.contract(kunde, artikel);
}

/**
 * Abgerechneter Nettobetrag eines Vertrags in einem Monat laut Abrechnungsjournal: die berechneten (gerundeten) Beträge seiner wiederkehrenden und Differenzzeilen für diesen Monat.
 * @customfunction BILLED
 * @param vertrag Vertragsnummer.
 * @param monat Monat: Text JJJJ-MM oder MM.JJJJ oder ein beliebiger Tag im Monat (ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ).
 * @returns Der abgerechnete Nettobetrag (centgenau); 0, wenn für den Monat nichts abgerechnet wurde.
 */
export function billed(vertrag: number | string, monat: number | string): Promise<number> {
  return en.billed(vertrag, monat);
}

/**
 * Marge pro Einheit und Monat eines Artikels beim Kunden an einem Tag: Netto-Einzelpreis nach Rabatt (wie MSP.PRICE) minus Einkaufspreis des Artikels. Nicht gerundet.
 * @customfunction MARGIN
 * @param kunde Kundennummer (Text oder ganze Zahl).
 * @param artikel Artikelnummer.
 * @param [datum] Stichtag: ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ. Standard: heute (HEUTE() angeben, damit täglich neu berechnet wird).
 * @returns Netto-Einzelpreis minus Einkaufspreis pro Einheit und Monat, nicht gerundet.
 */
export function margin(kunde: number | string, artikel: number | string, datum?: number | string): Promise<number> {
  return en.margin(kunde, artikel, datum);
}

/**
 * Gültig-ab-Datum der neuesten Vertragsversion, die an einem Tag gilt: der letzte Tag bis zum Stichtag, an dem sich eine Position des Vertrags geändert hat.
 * @customfunction VERSION
 * @param vertrag Vertragsnummer.
 * @param [datum] Stichtag: ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ. Standard: heute (HEUTE() angeben, damit täglich neu berechnet wird).
 * @returns Das Gültig-ab-Datum als Excel-Datumszahl (Zelle als Datum formatieren).
 */
export function version(vertrag: number | string, datum?: number | string): Promise<number> {
  return en.version(vertrag, datum);
}

/**
 * Nächstes Fälligkeitsdatum der Abrechnung eines Vertrags ab einem Tag, nach Abrechnungsintervall und -art: im Voraus der erste Tag einer Abrechnungsperiode, nachträglich der Tag nach ihrem letzten Tag.
 * @customfunction NEXTBILL
 * @param vertrag Vertragsnummer.
 * @param [datum] Tag, ab dem gesucht wird (eine an diesem Tag fällige Periode zählt): ein Datum oder Text JJJJ-MM-TT bzw. TT.MM.JJJJ. Standard: heute.
 * @returns Das Fälligkeitsdatum als Excel-Datumszahl (Zelle als Datum formatieren).
 */
export function nextbill(vertrag: number | string, datum?: number | string): Promise<number> {
  return en.nextbill(vertrag, datum);
}
