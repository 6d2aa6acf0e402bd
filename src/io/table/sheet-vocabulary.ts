/**
 * Sheets and exports in the user's language (issue 20): a vocabulary per sheet holds the German and
 * English header of each canonical column and, for columns holding code words (statuses, line types,
 * actions), the words per language. Writers translate canonical tables; readers accept German and
 * English headers and words and the canonical codes (files of the documented formats and of older
 * versions) in any case and spacing, turn them back into the canonical ones, and name columns in
 * issues as the user's sheet has them.
 */
import type { Issue } from "../../core/issues";
import { isBlankRow, type RawTable } from "./raw-table";

export type SheetLanguage = "de" | "en";
/** A sheet's language, or `code`: the canonical names and words of the documented file formats (PRODUCT.md §6, §8). */
export type TableLanguage = SheetLanguage | "code";

/** A column's code words: canonical value → its word per language. */
export type WordList = Readonly<Record<string, { de: string; en: string }>>;

export interface SheetVocabulary {
  /** German header per canonical column. */
  headers: Readonly<Record<string, string>>;
  /** English header where the derived one (`customer_no` → "Customer no.") does not read well. */
  headersEn?: Readonly<Record<string, string>>;
  /** Code-word columns (by canonical name). */
  words?: Readonly<Record<string, WordList>>;
  /** Other accepted headers per canonical column (older or shorter spellings). */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

/** A table cell as writers give it: text, or a typed number. */
export type VocabularyCell = string | { number: string };

const key = (s: string): string => s.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");
/** Umlauts typed as `ae`/`oe`/`ue` (keyboards without them) read the same. */
const fold = (s: string): string => key(s).replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");

const EN_TOKENS: Readonly<Record<string, string>> = {
  no: "no.", qty: "qty", pct: "%", vat: "VAT", id: "ID", iban: "IBAN", bic: "BIC", sepa: "SEPA", ref: "ref.", einvoice: "e-invoice",
};

/** The English header derived from a canonical name: `customer_no` → "Customer no.", `vat_pct` → "VAT %". */
export function englishHeader(column: string): string {
  const text = column.split(/[_-]/).map((t) => EN_TOKENS[t] ?? t).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The header of a canonical column in a language (`code`: the canonical name). */
export function vocabularyHeader(v: SheetVocabulary, column: string, lang: TableLanguage): string {
  if (lang === "code" || v.headers[column] === undefined) return column;
  return lang === "de" ? v.headers[column]! : v.headersEn?.[column] ?? englishHeader(column);
}

/** The word of a canonical value in a column, in a language (the value itself when it is no code word). */
export function vocabularyWord(v: SheetVocabulary, column: string, value: string, lang: TableLanguage): string {
  const list = v.words?.[column];
  if (lang === "code" || !list) return value;
  const entry = list[value];
  if (!entry) {
    // Several code words in one cell (`unbilled negative_margin`): each translated, joined by ", ".
    if (value.includes(" ") && value.split(" ").every((w) => list[w])) return value.split(" ").map((w) => list[w]![lang]).join(", ");
    return value;
  }
  return entry[lang];
}

/** The canonical value of a word in either language (undefined when the column has no such word). */
export function vocabularyValue(v: SheetVocabulary, column: string, text: string): string | undefined {
  const list = v.words?.[column];
  if (!list) return undefined;
  const k = fold(text);
  for (const [value, w] of Object.entries(list)) {
    if (fold(value) === k || fold(w.de) === k || fold(w.en) === k) return value;
  }
  // Several words in one cell, as the writer joins them ("Nicht abgerechnet, Negative Marge").
  const parts = k.split(/\s*,\s*/);
  if (parts.length > 1) {
    const values = parts.map((p) => vocabularyValue(v, column, p));
    if (values.every((x) => x !== undefined)) return values.join(" ");
  }
  return undefined;
}

/** A canonical table (header row first) in a language: headers and code words translated; numbers untouched. */
export function localizeTable<C extends VocabularyCell>(v: SheetVocabulary, rows: readonly (readonly C[])[], lang: TableLanguage): (C | string)[][] {
  const header = (rows[0] ?? []).map((h) => String(h));
  return rows.map((row, k) =>
    k === 0
      ? header.map((h) => vocabularyHeader(v, h, lang))
      : row.map((cell, i) => (typeof cell === "string" && v.words?.[header[i]!] ? vocabularyWord(v, header[i]!, cell, lang) : cell)),
  );
}

/** The canonical column a header cell names (German, English or an alias), or undefined. */
export function canonicalColumn(v: SheetVocabulary, header: string): string | undefined {
  const k = fold(header);
  for (const [column, de] of Object.entries(v.headers)) {
    if (fold(column) === k || fold(de) === k || fold(vocabularyHeader(v, column, "en")) === k) return column;
    if (v.aliases?.[column]?.some((a) => fold(a) === k)) return column;
  }
  for (const [column, aliases] of Object.entries(v.aliases ?? {})) if (aliases.some((a) => fold(a) === k)) return column;
  return undefined;
}

export interface CanonicalTable {
  /** The table with canonical headers and code words (unknown words left as typed, for the reader to report). */
  raw: RawTable;
  /** Canonical column → the header as the user's sheet has it. */
  userHeaders: Map<string, string>;
  /**
   * German when any header was a German one, else English when any was an English word, else `code`
   * (missing columns are then named in that language too).
   */
  language: TableLanguage;
}

/**
 * A sheet read back, as the canonical table its reader expects: the header row (the first non-blank
 * row) and the code-word cells turned into canonical names, whichever language the sheet is in.
 */
export function canonicalTable(v: SheetVocabulary, raw: RawTable): CanonicalTable {
  const userHeaders = new Map<string, string>();
  const at = raw.rows.findIndex((r) => !isBlankRow(r));
  if (at < 0) return { raw, userHeaders, language: "code" };
  let german = false;
  let english = false;
  const header = raw.rows[at]!.map((h) => {
    const column = canonicalColumn(v, h);
    if (!column) return h;
    const de = fold(vocabularyHeader(v, column, "de"));
    const en = fold(vocabularyHeader(v, column, "en"));
    if (fold(h) === de && de !== en && de !== fold(column)) german = true;
    else if (fold(h) !== fold(column)) english = true;
    if (!userHeaders.has(column)) userHeaders.set(column, h.replace(/^\uFEFF/, "").trim());
    return column;
  });
  const rows = raw.rows.map((row, k) => {
    if (k < at) return row;
    if (k === at) return header;
    return row.map((cell, i) => {
      const column = header[i];
      if (!column || !v.words?.[column] || cell.trim() === "") return cell;
      return vocabularyValue(v, column, cell) ?? cell;
    });
  });
  return { raw: { ...raw, rows }, userHeaders, language: german ? "de" : english ? "en" : "code" };
}

/** A column reference (`vendor_qty` or `vendor_qty (I)`) as the user's sheet names it (`Menge Lieferant (I)`). */
export function userColumn(v: SheetVocabulary, table: Pick<CanonicalTable, "userHeaders" | "language">, text: string): string {
  const m = /^(.*?)( \([A-Z]+\))?$/.exec(text)!;
  const canonical = m[1]!;
  if (v.headers[canonical] === undefined) return text;
  return `${table.userHeaders.get(canonical) ?? vocabularyHeader(v, canonical, table.language)}${m[2] ?? ""}`;
}

/**
 * Issues of a reader of the canonical table, with columns named as the user sees them: the header
 * in the user's sheet (`Menge Lieferant (I)`), or for a missing column its header in the sheet's
 * language.
 */
export function withUserColumns(v: SheetVocabulary, issues: readonly Issue[], table: Pick<CanonicalTable, "userHeaders" | "language">): Issue[] {
  const rename = (text: string): string => userColumn(v, table, text);
  return issues.map((i) => {
    const column = i.where?.column;
    const param = i.params.column;
    if (column === undefined && typeof param !== "string") return i;
    return {
      ...i,
      ...(typeof param === "string" ? { params: { ...i.params, column: rename(param) } } : {}),
      ...(column !== undefined ? { where: { ...i.where, column: rename(column) } } : {}),
    };
  });
}
