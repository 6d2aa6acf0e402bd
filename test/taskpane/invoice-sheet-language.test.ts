/**
 * The billing preview sheet in the user's language (issue 20): German headers and line-type words,
 * the period factor as days ("17 von 31 Tagen") where it is a share of one month, catch-up lines
 * (*Nachberechnung*: periods that fell due before the billed month) marked and highlighted like
 * differences.
 */
import { isCatchUp } from "../../src/core/billing/catch-up";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { billingTotals, invoiceSheetRows, invoiceWriteOptions } from "../../src/taskpane/billing/invoice-sheet";
import { memoryGateway, unwrap } from "../excel/fixtures";
import { bill, contract, linesOf, version } from "../support/billing-factories";

const CODE_WORD = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

describe("catch-up lines", () => {
  it("a recurring period due before the run month is a catch-up; the month's own period is not", () => {
    const monthly = contract({ start: "2026-01-15" });
    expect(isCatchUp({ lineType: "recurring", periodStart: "2026-01-01" }, monthly, "2026-03" as IsoMonth)).toBe(true);
    expect(isCatchUp({ lineType: "recurring", periodStart: "2026-03-01" }, monthly, "2026-03" as IsoMonth)).toBe(false);
    expect(isCatchUp({ lineType: "difference", periodStart: "2026-01-01" }, monthly, "2026-03" as IsoMonth)).toBe(false);
    // in arrears February falls due on 1 March: billed with the March run, not a catch-up; January is
    const arrears = contract({ mode: "arrears" });
    expect(isCatchUp({ lineType: "recurring", periodStart: "2026-02-01" }, arrears, "2026-03" as IsoMonth)).toBe(false);
    expect(isCatchUp({ lineType: "recurring", periodStart: "2026-01-01" }, arrears, "2026-03" as IsoMonth)).toBe(true);
    // a quarter in advance that began in January is due on 1 January
    expect(isCatchUp({ lineType: "recurring", periodStart: "2026-01-01" }, contract({ interval: "quarterly" }), "2026-02" as IsoMonth)).toBe(true);
  });

  it("a first run in March bills January and February as catch-ups, March as the month's line", () => {
    const book = { contracts: [contract({ start: "2026-01-15" })], versions: [version({ validFrom: "2026-01-15" })], ledger: [] };
    const lines = linesOf(bill(book, "2026-03" as IsoMonth).invoices);
    expect(lines.map((l) => [l.serviceFrom, l.catchUp ?? false])).toEqual([
      ["2026-01-15", true],
      ["2026-02-01", true],
      ["2026-03-01", false],
    ]);
  });
});

describe("the preview sheet Rechnungen YYYY-MM", () => {
  const book = () => ({ contracts: [contract({ start: "2026-01-15" })], versions: [version({ validFrom: "2026-01-15" })], ledger: [] });

  it("German: headers, line types, days, catch-ups highlighted; no code words", async () => {
    const invoices = bill(book(), "2026-03" as IsoMonth).invoices;
    const rows = invoiceSheetRows(invoices, "de");
    const at = (h: string) => rows[0]!.indexOf(h);
    expect(rows[0]).toEqual(expect.arrayContaining(["Rechnungsnummer", "Zeilenart", "Leistung von", "Zeitanteil", "Nettobetrag"]));
    expect(rows.slice(1).map((r) => [r[at("Zeilenart")], r[at("Zeitanteil")]])).toEqual([
      ["Nachberechnung", "17 von 31 Tagen"],
      ["Nachberechnung", { number: "1" }],
      ["Laufend", { number: "1" }],
    ]);
    expect(rows.flat().filter((c): c is string => typeof c === "string" && CODE_WORD.test(c))).toEqual([]);
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable("Rechnungen 2026-03", rows, invoiceWriteOptions("Rechnungen 2026-03", {}, "de")));
    const typeColumn = String.fromCharCode(65 + at("Zeilenart"));
    expect([2, 3, 4].map((r) => wb.cell("Rechnungen 2026-03", `${typeColumn}${r}`).fill)).toEqual(["#FCE4D6", "#FCE4D6", undefined]);
    expect(billingTotals(invoices)).toMatchObject({ lines: 3, catchUps: 2, differences: 0 });
  });

  it("English: English headers and line types, days in English, the proration column instead of period_factor", () => {
    const rows = invoiceSheetRows(bill(book(), "2026-03" as IsoMonth).invoices, "en");
    expect(rows[0]).not.toContain("period_factor");
    expect(rows[0]!.slice(0, 2)).toEqual(["Invoice no.", "Customer no."]);
    expect(rows[1]![rows[0]!.indexOf("Proration")]).toBe("17 of 31 days");
    expect(rows[1]![rows[0]!.indexOf("Line type")]).toBe("Catch-up");
    expect(rows[3]![rows[0]!.indexOf("Line type")]).toBe("Recurring");
    expect(rows.flat().filter((c): c is string => typeof c === "string" && CODE_WORD.test(c))).toEqual([]);
  });
});
