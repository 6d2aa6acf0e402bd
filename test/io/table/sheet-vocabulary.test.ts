/**
 * Sheets in the user's language (issue 20): a canonical table written in German and read back gives
 * the canonical table again (headers and code words, in any case, spacing and umlaut spelling), and
 * readers' issues name columns as the user's sheet has them.
 */
import fc from "fast-check";
import { issue } from "../../../src/core/issues";
import { REVIEW_VOCABULARY } from "../../../src/io/reconcile/review-words";
import { INVOICE_VOCABULARY } from "../../../src/io/sheets/invoice-words";
import { ARTICLE_VOCABULARY, CONTRACT_VOCABULARY, CUSTOMER_VOCABULARY } from "../../../src/io/sheets/master-words";
import { COST_CHECK_VOCABULARY, LINKS_EDIT_VOCABULARY, LINKS_REPORT_VOCABULARY, PROPOSAL_VOCABULARY } from "../../../src/io/sheets/purchase-words";
import { BALANCE_VOCABULARY, TIME_REVIEW_VOCABULARY } from "../../../src/io/sheets/time-words";
import { METER_REVIEW_VOCABULARY } from "../../../src/io/sheets/meter-words";
import { INVOICE_LIST_VOCABULARY } from "../../../src/io/sheets/invoice-list-words";
import { MAPPING_VOCABULARY } from "../../../src/taskpane/reconcile/mapping-sheet";
import {
  canonicalColumn, canonicalTable, localizeTable, type SheetVocabulary, vocabularyHeader, vocabularyValue, vocabularyWord, withUserColumns,
} from "../../../src/io/table/sheet-vocabulary";

const ALL: Record<string, SheetVocabulary> = {
  review: REVIEW_VOCABULARY, mapping: MAPPING_VOCABULARY, invoice: INVOICE_VOCABULARY, customers: CUSTOMER_VOCABULARY, contracts: CONTRACT_VOCABULARY,
  articles: ARTICLE_VOCABULARY, linksReport: LINKS_REPORT_VOCABULARY, linksEdit: LINKS_EDIT_VOCABULARY, costCheck: COST_CHECK_VOCABULARY,
  proposal: PROPOSAL_VOCABULARY, timeReview: TIME_REVIEW_VOCABULARY, balance: BALANCE_VOCABULARY,
  meterReview: METER_REVIEW_VOCABULARY, invoiceList: INVOICE_LIST_VOCABULARY,
};
const CODE_WORD = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

describe.each(Object.entries(ALL))("vocabulary %s", (_name, v) => {
  const readBack = Object.keys(v.headers);

  it("German headers are unique, free of code words, and lead back to their column", () => {
    const de = readBack.map((c) => v.headers[c]!);
    expect(new Set(de.map((h) => h.toLowerCase())).size).toBe(de.length);
    for (const c of readBack) {
      expect(v.headers[c]).not.toMatch(CODE_WORD);
      expect(canonicalColumn(v, v.headers[c]!)).toBe(c);
      expect(canonicalColumn(v, `  ${v.headers[c]!.toUpperCase()} `)).toBe(c);
      expect(canonicalColumn(v, c)).toBe(c);
    }
  });

  it("English headers are unique, free of code words, and lead back to their column", () => {
    const en = readBack.map((c) => vocabularyHeader(v, c, "en"));
    expect(new Set(en.map((h) => h.toLowerCase())).size).toBe(en.length);
    for (const c of readBack) {
      const h = vocabularyHeader(v, c, "en");
      expect(h).not.toMatch(CODE_WORD);
      expect(canonicalColumn(v, h)).toBe(c);
      expect(canonicalColumn(v, ` ${h.toLowerCase().replace(/ /g, "   ")}  `)).toBe(c);
      expect(vocabularyHeader(v, c, "code")).toBe(c);
    }
  });

  it("every code word has a German and an English word without underscores, unique in its column, read back in both languages", () => {
    for (const [column, list] of Object.entries(v.words ?? {})) {
      for (const lang of ["de", "en"] as const) {
        const words = Object.values(list).map((w) => w[lang].toLowerCase());
        expect(new Set(words).size).toBe(words.length);
        // no word of one code is another code of the column (read back would be ambiguous)
        for (const [value, w] of Object.entries(list)) expect(vocabularyValue(v, column, w[lang])).toBe(value);
      }
      for (const [value, w] of Object.entries(list)) {
        expect(w.de).not.toMatch(CODE_WORD);
        expect(w.en).not.toMatch(CODE_WORD);
        expect(vocabularyWord(v, column, value, "code")).toBe(value);
        expect(vocabularyWord(v, column, value, "en")).toBe(w.en);
        expect(vocabularyValue(v, column, w.en.toUpperCase())).toBe(value);
        expect(vocabularyWord(v, column, value, "de")).toBe(w.de);
        expect(vocabularyValue(v, column, w.de)).toBe(value);
        expect(vocabularyValue(v, column, w.de.toUpperCase())).toBe(value);
        expect(vocabularyValue(v, column, vocabularyWord(v, column, value, "en"))).toBe(value);
        expect(vocabularyValue(v, column, value)).toBe(value);
      }
    }
  });

  it("property: a canonical table written in either language reads back as itself", () => {
    const columns = readBack;
    const cell = (column: string) => {
      const words = Object.keys(v.words?.[column] ?? {});
      return words.length > 0 ? fc.constantFrom(...words) : fc.string({ maxLength: 6 }).filter((s) => s.trim() === s && !/^\s*$/.test(s) && vocabularyValue(v, column, s) === undefined);
    };
    fc.assert(
      fc.property(
        fc.shuffledSubarray(columns, { minLength: 1 }),
        fc.constantFrom("de" as const, "en" as const, "code" as const),
        fc.integer({ min: 0, max: 4 }),
        fc.context(),
        (picked, lang, n, _ctx) => {
          const rows = fc.sample(fc.tuple(...picked.map(cell)), { numRuns: n, seed: n });
          const table = [picked, ...rows.map((r) => [...r])];
          const written = localizeTable(v, table, lang).map((r) => r.map(String));
          const back = canonicalTable(v, { source: "s", firstRowNumber: 1, rows: written });
          expect(back.raw.rows).toEqual(table);
          // Headers are compared without regard to case ("Reverse Charge" is English as well): as the reader does.
          const differs = (c: string, l: "de" | "en") => vocabularyHeader(v, c, l).toLowerCase() !== c && vocabularyHeader(v, c, "de").toLowerCase() !== vocabularyHeader(v, c, "en").toLowerCase();
          const enWord = (c: string) => vocabularyHeader(v, c, "en").toLowerCase() !== c;
          const expected = lang === "de" ? (picked.some((c) => differs(c, "de")) ? "de" : picked.some(enWord) ? "en" : "code") : lang === "en" && picked.some(enWord) ? "en" : "code";
          expect(back.language).toBe(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("issues name the column as the user's sheet has it", () => {
  it("renames canonical columns (with or without letter) and params; a missing column in the sheet's language", () => {
    const back = canonicalTable(REVIEW_VOCABULARY, { source: "s", firstRowNumber: 1, rows: [["Status", "Menge Lieferant", "Aktion"], ["Neue Position", "x", "übernehmen"]] });
    expect(back.language).toBe("de");
    const named = withUserColumns(REVIEW_VOCABULARY, [
      issue("parse.invalid_number", { value: "x" }, { source: "s", row: 2, column: "vendor_qty (B)" }),
      issue("csv.missing_column", { column: "effective_date" }, { source: "s", row: 1, column: "effective_date" }),
      issue("x", {}, { source: "s", row: 2, column: "Unbekannt (C)" }),
    ], back);
    expect(named.map((i) => [i.where?.column, i.params.column])).toEqual([["Menge Lieferant (B)", undefined], ["Wirksam ab", "Wirksam ab"], ["Unbekannt (C)", undefined]]);
  });

  it("umlauts typed as ae/oe/ue read the same", () => {
    expect(canonicalColumn(CONTRACT_VOCABULARY, "Gueltig ab")).toBe("valid_from");
    expect(vocabularyValue(CONTRACT_VOCABULARY, "billing_interval", "vierteljaehrlich")).toBe("quarterly");
    expect(vocabularyValue(REVIEW_VOCABULARY, "action", "uebernehmen")).toBe("accept");
  });

  it("several code words in one cell are translated each", () => {
    expect(vocabularyWord(COST_CHECK_VOCABULARY, "finding", "unbilled negative_margin", "de")).toBe("Nicht abgerechnet, Negative Marge");
    expect(vocabularyWord(COST_CHECK_VOCABULARY, "finding", "unbilled negative_margin", "en")).toBe("Not billed, Negative margin");
    expect(vocabularyWord(COST_CHECK_VOCABULARY, "finding", "unbilled negative_margin", "code")).toBe("unbilled negative_margin");
    expect(vocabularyValue(COST_CHECK_VOCABULARY, "finding", "Not billed, Negative margin")).toBe("unbilled negative_margin");
    expect(vocabularyValue(COST_CHECK_VOCABULARY, "finding", "nicht abgerechnet ,negative marge")).toBe("unbilled negative_margin");
  });
});

describe("every vocabulary, as a property", () => {
  const lists = Object.entries(ALL).flatMap(([name, v]) => Object.entries(v.words ?? {}).map(([column, list]) => ({ name, v, column, list })));

  it("property: any code word, in any language, case and spacing, reads back as its code; no two codes share a word", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lists),
        fc.constantFrom("de" as const, "en" as const, "code" as const),
        fc.nat(),
        fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => ` ${s.toLowerCase().replace(/ /g, "  ")} `),
        ({ v, column, list }, lang, k, shape) => {
          const codes = Object.keys(list);
          const code = codes[k % codes.length]!;
          const word = vocabularyWord(v, column, code, lang);
          expect(lang === "code" || !CODE_WORD.test(word)).toBe(true);
          expect(vocabularyValue(v, column, shape(word))).toBe(code);
          for (const other of codes) if (other !== code && lang !== "code") expect(vocabularyWord(v, column, other, lang).toLowerCase()).not.toBe(word.toLowerCase());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a table written in English reads back to the same canonical table as one written in German or as codes", () => {
    for (const v of Object.values(ALL)) {
      const columns = Object.keys(v.headers);
      const row = columns.map((c) => Object.keys(v.words?.[c] ?? {})[0] ?? "x");
      const canonical = [columns, row];
      const back = (lang: "de" | "en" | "code") => canonicalTable(v, { source: "s", firstRowNumber: 1, rows: localizeTable(v, canonical, lang).map((r) => r.map(String)) }).raw.rows;
      expect(back("en")).toEqual(canonical);
      expect(back("de")).toEqual(canonical);
      expect(back("code")).toEqual(canonical);
    }
  });
});
