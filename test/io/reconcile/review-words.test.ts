import { RECONCILE_STATUSES } from "../../../src/core/reconcile/review-row";
import { readReviewTable, REVIEW_COLUMNS, REVIEW_INFO_COLUMNS, reviewTableRows, type ReviewCell } from "../../../src/io/reconcile/review-table";
import { REVIEW_HEADERS_DE, REVIEW_STATUS_WORDS } from "../../../src/io/reconcile/review-words";
import type { RawTable } from "../../../src/io/table/raw-table";
import { reviewRow } from "../../excel/fixtures";

const text = (c: ReviewCell): string => (typeof c === "string" ? c : c.number);
const raw = (cells: ReviewCell[][]): RawTable => ({ source: "review.csv", firstRowNumber: 1, rows: cells.map((r) => r.map(text)) });

const rows = [
  reviewRow({ customerNo: "10001", status: "quantity_changed", action: "accept", vendorQty: "12" }),
  reviewRow({ customerNo: "10002", status: "new_position", action: "accept", positionNo: null, contractQty: null, positionQty: null, vendorQty: "1" }),
  reviewRow({ customerNo: "10003", status: "missing_in_file", action: "skip", vendorQty: "0" }),
  reviewRow({ customerNo: "10004", status: "unchanged", action: "skip", vendorQty: "3" }),
];

describe("review sheet in the user's language", () => {
  it("writes German headers, status and action words", () => {
    const [header, ...body] = reviewTableRows(rows, "de");
    expect(header!.slice(0, 3)).toEqual(["Status", "Kundennummer", "Vertragsnummer"]);
    expect(body.map((r) => [r[0], r[13]])).toEqual([
      ["Menge geändert", "übernehmen"], ["Neue Position", "übernehmen"], ["Fehlt in Datei", "überspringen"], ["Unverändert", "überspringen"],
    ]);
  });

  it("has a German header for every column and a German word for every status", () => {
    for (const c of [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS]) expect(REVIEW_HEADERS_DE[c]).toBeTruthy();
    for (const s of RECONCILE_STATUSES) expect(REVIEW_STATUS_WORDS.de[s]).toBeTruthy();
  });

  it("leaves no code word (snake_case or English status/action) in a German sheet's header, status or action", () => {
    const [header, ...body] = reviewTableRows(rows, "de");
    const words = [...header!.map(text), ...body.flatMap((r) => [text(r[0]!), text(r[13]!)])];
    const english = new Set([...Object.values(REVIEW_STATUS_WORDS.en), ...Object.values(REVIEW_STATUS_WORDS.code), "accept", "skip"]);
    expect(words.filter((w) => /^[a-z]+(_[a-z]+)+$/.test(w) || /\w\.\w/.test(w) || english.has(w))).toEqual([]);
  });

  it("writes English headers, status and action words in an English sheet, and codes in the file format (PRODUCT.md §8)", () => {
    const [header, ...body] = reviewTableRows(rows, "en");
    expect(header!.slice(0, 4).map(text)).toEqual(["Status", "Customer no.", "Contract no.", "Position no."]);
    expect(body.map((r) => [r[0], r[13]])).toEqual([["Quantity changed", "accept"], ["New position", "accept"], ["Missing in file", "skip"], ["Unchanged", "skip"]]);
    const words = [...header!.map(text), ...body.flatMap((r) => r.map(text))];
    expect(words.filter((w) => /\b[a-z]+(_[a-z0-9]+)+\b/.test(w))).toEqual([]);
    const [codeHeader, ...codeBody] = reviewTableRows(rows);
    expect(codeHeader).toEqual([...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS]);
    expect(codeBody.map((r) => [r[0], r[13]])).toEqual([["quantity_changed", "accept"], ["new_position", "accept"], ["missing_in_file", "skip"], ["unchanged", "skip"]]);
  });

  it.each(["de", "en", "code"] as const)("reads a %s sheet back to the same decisions", (lang) => {
    const { decisions, issues } = readReviewTable(raw(reviewTableRows(rows, lang)));
    expect(issues).toEqual([]);
    expect(decisions.map((d) => [d.customerNo, d.status, d.action, d.vendorQty])).toEqual([
      ["10001", "quantity_changed", "accept", "12"], ["10002", "new_position", "accept", "1"],
      ["10003", "missing_in_file", "skip", "0"], ["10004", "unchanged", "skip", "3"],
    ]);
  });

  it("reads mixed case, extra spaces and mixed languages", () => {
    const cells = reviewTableRows(rows, "de").map((r) => r.map(text));
    cells[0] = cells[0]!.map((h, i) => (i % 2 === 0 ? `  ${h.toUpperCase().replace(" ", "   ")} ` : [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS][i]!));
    cells[1]![0] = "  menge   GEÄNDERT ";
    cells[2]![0] = "NEW_POSITION";
    cells[3]![13] = "Skip";
    cells[1]![13] = "Uebernehmen";
    const { decisions, issues } = readReviewTable({ source: "x.csv", firstRowNumber: 1, rows: cells });
    expect(issues).toEqual([]);
    expect(decisions.map((d) => [d.status, d.action])).toEqual([
      ["quantity_changed", "accept"], ["new_position", "accept"], ["missing_in_file", "skip"], ["unchanged", "skip"],
    ]);
  });

  it("names a missing column in the sheet's language: German, English, or the code of a file", () => {
    const missing = (lang: "de" | "en" | "code") => {
      const cells = reviewTableRows(rows, lang).map((r) => r.map(text));
      const at = [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS].indexOf("effective_date");
      const { issues } = readReviewTable({ source: "x.csv", firstRowNumber: 1, rows: cells.map((r) => r.filter((_c, i) => i !== at)) });
      return issues.map((i) => i.params.column);
    };
    expect(missing("de")).toEqual(["Wirksam ab"]);
    expect(missing("en")).toEqual(["Effective date"]);
    expect(missing("code")).toEqual(["effective_date"]);
  });

  it("names an unknown status word as an issue", () => {
    const cells = reviewTableRows(rows, "de").map((r) => r.map(text));
    cells[1]![0] = "Irgendwas";
    const { issues } = readReviewTable({ source: "x.csv", firstRowNumber: 1, rows: cells });
    expect(issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["review.invalid_status", 2, "Status (A)"]]);
  });
});

describe("review info words: term and billing frequency", () => {
  const termRows = [reviewRow({ customerNo: "10001", status: "quantity_changed", action: "accept", vendorQty: "12", term: "P1Y", billingFrequency: "monthly" })];
  it.each([["de", "1 Jahr", "monatlich"], ["en", "1 year", "monthly"], ["code", "P1Y", "monthly"]] as const)("%s: written as words, read back as codes", (lang, term, frequency) => {
    const cells = reviewTableRows(termRows, lang);
    const at = (c: string) => [...REVIEW_COLUMNS, ...REVIEW_INFO_COLUMNS].indexOf(c as never);
    expect([cells[1]![at("term")], cells[1]![at("billing_frequency")]]).toEqual([term, frequency]);
    const { decisions, issues } = readReviewTable(raw(cells));
    expect(issues).toEqual([]);
    expect(decisions.map((d) => [d.term, d.billingFrequency])).toEqual([["P1Y", "monthly"]]);
  });
});
