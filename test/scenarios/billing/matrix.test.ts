/**
 * Lago-style scenario matrix (PRODUCT.md §5.2, §5.3): advance/arrears × monthly/quarterly/annual ×
 * start inside a period / change inside a billed month / end inside a period. One position,
 * 10 × 31.00 per month (310.00 a month; half of February = 155.00), 2026 is not a leap year.
 */
import { BillingInterval, BillingMode } from "../../../src/core/date/billing-period";
import { Book, bill, contract, linesOf, show, version } from "../../support/billing-factories";

type Case = [BillingInterval, BillingMode];

/** Bills the months in order and returns the lines of each run as compact strings. */
function runs(book: Book, months: string[]): string[][] {
  return months.map((m) => linesOf(bill(book, m).invoices).map(show));
}

describe("start inside a period (contract starts 2026-02-15)", () => {
  const book = (interval: BillingInterval, mode: BillingMode): Book => ({
    contracts: [contract({ interval, mode, start: "2026-02-15" })],
    versions: [version({ validFrom: "2026-02-15" })],
    ledger: [],
  });
  it.each<[...Case, string[], string[][]]>([
    ["monthly", "advance", ["2026-01", "2026-02", "2026-03"], [[], ["recurring 2026-02-15..2026-02-28 10×31 f0.5 = 155.00"], ["recurring 2026-03-01..2026-03-31 10×31 f1 = 310.00"]]],
    ["monthly", "arrears", ["2026-02", "2026-03", "2026-04"], [[], ["recurring 2026-02-15..2026-02-28 10×31 f0.5 = 155.00"], ["recurring 2026-03-01..2026-03-31 10×31 f1 = 310.00"]]],
    ["quarterly", "advance", ["2026-01", "2026-02", "2026-03", "2026-04"], [[], ["recurring 2026-02-15..2026-03-31 10×31 f1.5 = 465.00"], [], ["recurring 2026-04-01..2026-06-30 10×31 f3 = 930.00"]]],
    ["quarterly", "arrears", ["2026-03", "2026-04"], [[], ["recurring 2026-02-15..2026-03-31 10×31 f1.5 = 465.00"]]],
    ["annual", "advance", ["2026-01", "2026-02", "2026-12"], [[], ["recurring 2026-02-15..2026-12-31 10×31 f10.5 = 3255.00"], []]],
    ["annual", "arrears", ["2026-12", "2027-01"], [[], ["recurring 2026-02-15..2026-12-31 10×31 f10.5 = 3255.00"]]],
  ])("%s %s", (interval, mode, months, expected) => {
    expect(runs(book(interval, mode), months)).toEqual(expected);
  });
});

describe("change inside a billed month (quantity 10 → 12 from 2026-02-15, entered after billing)", () => {
  // [interval, mode, months billed before the change, first run after it, its expected lines]
  it.each<[...Case, string[], string, string[]]>([
    ["monthly", "advance", ["2026-01", "2026-02"], "2026-03", [
      "difference 2026-02-15..2026-02-28 2×31 f0.5 = 31.00 ↩RE-2",
      "recurring 2026-03-01..2026-03-31 12×31 f1 = 372.00",
    ]],
    ["monthly", "arrears", ["2026-02", "2026-03"], "2026-04", [
      "difference 2026-02-15..2026-02-28 2×31 f0.5 = 31.00 ↩RE-2",
      "recurring 2026-03-01..2026-03-31 12×31 f1 = 372.00",
    ]],
    ["quarterly", "advance", ["2026-01"], "2026-02", ["difference 2026-02-15..2026-03-31 2×31 f1.5 = 93.00 ↩RE-1"]],
    ["quarterly", "arrears", ["2026-04"], "2026-05", ["difference 2026-02-15..2026-03-31 2×31 f1.5 = 93.00 ↩RE-1"]],
    ["annual", "advance", ["2026-01"], "2026-02", ["difference 2026-02-15..2026-12-31 2×31 f10.5 = 651.00 ↩RE-1"]],
    ["annual", "arrears", ["2027-01"], "2027-02", ["difference 2026-02-15..2026-12-31 2×31 f10.5 = 651.00 ↩RE-1"]],
  ])("%s %s", (interval, mode, before, after, expected) => {
    const book: Book = { contracts: [contract({ interval, mode })], versions: [version()], ledger: [] };
    runs(book, before);
    book.versions.push(version({ validFrom: "2026-02-15", quantity: "12" }));
    expect(runs(book, [after])[0]).toEqual(expected);
    expect(runs(book, [after])[0]).toEqual([]); // billed again: nothing
  });
});

describe("end inside a period (contract ends 2026-02-14)", () => {
  it.each<[...Case, string, string[]]>([
    ["monthly", "advance", "2026-02", ["recurring 2026-01-01..2026-01-31 10×31 f1 = 310.00", "recurring 2026-02-01..2026-02-14 10×31 f0.5 = 155.00"]],
    // NOTE: in arrears the cut period is due the day after the contract end, so February bills it.
    ["monthly", "arrears", "2026-02", ["recurring 2026-01-01..2026-01-31 10×31 f1 = 310.00", "recurring 2026-02-01..2026-02-14 10×31 f0.5 = 155.00"]],
    ["quarterly", "advance", "2026-01", ["recurring 2026-01-01..2026-02-14 10×31 f1.5 = 465.00"]],
    ["quarterly", "arrears", "2026-02", ["recurring 2026-01-01..2026-02-14 10×31 f1.5 = 465.00"]],
    ["annual", "advance", "2026-01", ["recurring 2026-01-01..2026-02-14 10×31 f1.5 = 465.00"]],
    ["annual", "arrears", "2026-02", ["recurring 2026-01-01..2026-02-14 10×31 f1.5 = 465.00"]],
  ])("%s %s", (interval, mode, month, expected) => {
    const book: Book = { contracts: [contract({ interval, mode, end: "2026-02-14" })], versions: [version()], ledger: [] };
    expect(runs(book, [month])[0]).toEqual(expected);
    expect(runs(book, ["2026-12", "2027-01"])).toEqual([[], []]);
  });

  it.each<[BillingInterval, string, string[]]>([
    ["quarterly", "2026-01", ["difference 2026-02-15..2026-03-31 -10×31 f1.5 = -465.00 ↩RE-1"]],
    ["annual", "2026-01", ["difference 2026-02-15..2026-12-31 -10×31 f10.5 = -3255.00 ↩RE-1"]],
  ])("%s advance, end set after billing: credit for the days after the end", (interval, month, expected) => {
    const book: Book = { contracts: [contract({ interval })], versions: [version()], ledger: [] };
    runs(book, [month]);
    book.contracts = [contract({ interval, end: "2026-02-14" })];
    expect(runs(book, ["2026-02"])[0]).toEqual(expected);
    expect(runs(book, ["2026-03"])[0]).toEqual([]);
  });
});
