import fc from "fast-check";
import { isValidSheetName, isValidTableName, tableNameFor } from "../../../src/excel/names";
import { reviewSheetName } from "../../../src/excel/review-sheet";
import { SHEET_LANGUAGES, SHEET_NAMES, type SheetKind, counterpartSheetName, isSheetOfKind, monthSheetName, pickSheet, sheetName } from "../../../src/io/table/sheet-names";

const KINDS = Object.keys(SHEET_NAMES.de) as SheetKind[];
const month = fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
/** Source labels as the pane makes them: built-in short labels or a user profile's name (any characters). */
const source = fc.oneof(fc.constantFrom("MS NCE", "MS Legacy", "MS Usage", "mehrere", "several", ""), fc.string({ maxLength: 40 }));

describe("sheet names per language", () => {
  it("names every sheet in German as before and in English", () => {
    expect(SHEET_NAMES.de).toEqual({
      mapping: "Zuordnung", review: "Abgleich", invoices: "Rechnungen", time: "Zeiten", meters: "Zähler", usage: "Verbrauch", costCheck: "Kostenprüfung",
      priceUpdate: "Preisaktualisierung", mandates: "SEPA-Mandate", linksEdit: "Verknüpfungen bearbeiten", contingents: "Kontingente",
      customers: "Kunden", contracts: "Verträge", articles: "Artikel", invoiceList: "Rechnungsliste",
    });
    expect(SHEET_NAMES.en).toEqual({
      mapping: "Mapping", review: "Review", invoices: "Invoices", time: "Time", meters: "Meters", usage: "Usage", costCheck: "Cost check",
      priceUpdate: "Price update", mandates: "SEPA mandates", linksEdit: "Edit links", contingents: "Contingents",
      customers: "Customers", contracts: "Contracts", articles: "Articles", invoiceList: "Invoice list",
    });
    expect(monthSheetName("invoices", "2026-11", "de")).toBe("Rechnungen 2026-11");
    expect(monthSheetName("invoices", "2026-11", "en")).toBe("Invoices 2026-11");
    expect(reviewSheetName("2026-10", "MS NCE", "de")).toBe("Abgleich 2026-10 MS NCE");
    expect(reviewSheetName("2026-10", "MS NCE", "en")).toBe("Review 2026-10 MS NCE");
  });

  it("every name is a valid sheet name whose table name is valid, and the languages differ", () => {
    for (const kind of KINDS) {
      expect(SHEET_NAMES.de[kind]).not.toBe(SHEET_NAMES.en[kind]);
      for (const language of SHEET_LANGUAGES) {
        for (const name of [sheetName(kind, language), monthSheetName(kind, "2026-11", language)]) {
          expect(isValidSheetName(name)).toBe(true);
          expect(isValidTableName(tableNameFor(name))).toBe(true);
        }
      }
    }
  });

  it("property: month and review sheets of any month and source are valid, ≤ 31 characters, and of their kind", () => {
    fc.assert(
      fc.property(month, source, fc.constantFrom(...KINDS), fc.constantFrom(...SHEET_LANGUAGES), (m, s, kind, language) => {
        for (const name of [monthSheetName(kind, m, language), reviewSheetName(m, s, language), sheetName(kind, language, s)]) {
          expect(name.length).toBeLessThanOrEqual(31);
          expect(isValidSheetName(name)).toBe(true);
          expect(isValidTableName(tableNameFor(name))).toBe(true);
        }
        expect(isSheetOfKind(monthSheetName(kind, m, language), kind)).toBe(true);
        expect(isSheetOfKind(reviewSheetName(m, s, language), "review", /^\d{4}-\d{2}/)).toBe(true);
        expect(reviewSheetName(m, s, language).startsWith(`${SHEET_NAMES[language].review} ${m}`)).toBe(true);
      }),
    );
  });

  it("property: a month sheet's counterpart is the same month's sheet in the other language, and back", () => {
    fc.assert(
      // The sheets named per month (the fixed names, Zuordnung and the like, take no month).
      fc.property(month, fc.constantFrom<SheetKind>("review", "invoices", "time", "usage", "costCheck", "contingents"), (m, kind) => {
        const de = monthSheetName(kind, m, "de");
        const en = monthSheetName(kind, m, "en");
        expect(counterpartSheetName(de, "de")).toBe(en);
        expect(counterpartSheetName(en, "en")).toBe(de);
      }),
    );
    expect(counterpartSheetName("Tabelle1", "de")).toBeNull();
    expect(counterpartSheetName("Zuordnung", "de")).toBe("Mapping");
    expect(counterpartSheetName("Verknüpfungen bearbeiten", "de")).toBe("Edit links");
    expect(counterpartSheetName("Verträge", "de")).toBe("Contracts");
    expect(counterpartSheetName("Articles", "en")).toBe("Artikel");
    // Not taken for the month sheets whose prefix it starts like (Rechnungen, Invoices).
    expect(counterpartSheetName("Rechnungsliste", "de")).toBe("Invoice list");
    expect(counterpartSheetName("Invoice list", "en")).toBe("Rechnungsliste");
    expect(pickSheet(["Rechnungsliste"], "Invoice list", "en")).toBe("Rechnungsliste");
  });

  it("picks the user's sheet, else the other language's, else names the user's", () => {
    expect(pickSheet(["Zuordnung", "Mapping"], "Mapping", "en")).toBe("Mapping");
    expect(pickSheet(["Tabelle1", "Zuordnung"], "Mapping", "en")).toBe("Zuordnung");
    expect(pickSheet(["Sheet1", "Mapping"], "Zuordnung", "de")).toBe("Mapping");
    expect(pickSheet(["Sheet1"], "Zuordnung", "de")).toBe("Zuordnung");
    expect(pickSheet(["rechnungen 2026-11"], "Invoices 2026-11", "en")).toBe("rechnungen 2026-11");
    expect(pickSheet(["Rechnungen 2026-10"], "Invoices 2026-11", "en")).toBe("Invoices 2026-11");
  });
});
