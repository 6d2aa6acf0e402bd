/** Scenarios with awkward prices, where a day is not a round amount (exact cents checked). */
import { billedInMonth } from "../../../src/core/billing/ledger";
import { Book, bill, contract, linesOf, show, version } from "../../support/billing-factories";

const M365 = { articleNo: "M365-BP", description: "Microsoft 365 Business Premium", unitPrice: "20.6" };

it("7 × 20.60 from 17 March, quarterly in advance, then 9 from 10 May", () => {
  const book: Book = {
    contracts: [contract({ interval: "quarterly", start: "2026-03-17" })],
    versions: [version({ ...M365, validFrom: "2026-03-17", quantity: "7" })],
    ledger: [],
  };
  // 15/31 × 144.20 = 69.774193… → 69.77
  expect(linesOf(bill(book, "2026-03").invoices).map(show)).toEqual(["recurring 2026-03-17..2026-03-31 7×20.6 f0.483871 = 69.77"]);
  expect(linesOf(bill(book, "2026-04").invoices).map(show)).toEqual(["recurring 2026-04-01..2026-06-30 7×20.6 f3 = 432.60"]);
  book.versions.push(version({ ...M365, validFrom: "2026-05-10", quantity: "9" }));
  // 2 × 20.60 × (22/31 + 1) = 29.238709… + 41.20 = 70.438709… → 70.44, one line for the rest of Q2
  const may = bill(book, "2026-05");
  expect(linesOf(may.invoices).map(show)).toEqual(["difference 2026-05-10..2026-06-30 2×20.6 f1.709677 = 70.44 ↩RE-2"]);
  expect(may.invoices[0]!.lines[0]!.exactAmount).toBe("70.43870967741935483871");
  expect(may.invoices[0]!.vatTotals).toEqual([{ vatPct: "19", net: "70.44", vat: "13.38", gross: "83.82" }]);
  // The ledger keeps exact amounts per month and the invoiced cents spread over the months.
  const inMay = billedInMonth(book.ledger, { contractNo: "V-1", month: "2026-05" });
  expect(inMay.exact.toFixed()).toBe("173.43870967741935483871"); // 144.20 + 29.238709…
  expect(inMay.rounded.toFixed(2)).toBe("173.44"); // 144.20 + 29.24
});

it("3 × 33.70 less 10 % from 20 January, monthly in arrears", () => {
  const book: Book = {
    contracts: [contract({ mode: "arrears", start: "2026-01-20" })],
    versions: [version({ articleNo: "M365-E3", unitPrice: "33.7", quantity: "3", discountPct: "10", validFrom: "2026-01-20" })],
    ledger: [],
  };
  expect(linesOf(bill(book, "2026-01").invoices)).toEqual([]);
  // 12/31 × 90.99 = 35.221935… → 35.22
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual(["recurring 2026-01-20..2026-01-31 3×33.7 f0.387097 = 35.22"]);
  expect(linesOf(bill(book, "2026-03").invoices).map(show)).toEqual(["recurring 2026-02-01..2026-02-28 3×33.7 f1 = 90.99"]);
});

it("two states inside one quarter are two lines, each rounded once", () => {
  const book: Book = {
    contracts: [contract({ interval: "quarterly" })],
    versions: [version({ ...M365, quantity: "7" }), version({ ...M365, validFrom: "2026-02-11", quantity: "8" })],
    ledger: [],
  };
  // 7 × 20.60 × (1 + 10/28) = 195.70 ; 8 × 20.60 × (18/28 + 1) = 270.742857… → 270.74
  expect(linesOf(bill(book, "2026-01").invoices).map(show)).toEqual([
    "recurring 2026-01-01..2026-02-10 7×20.6 f1.357143 = 195.70",
    "recurring 2026-02-11..2026-03-31 8×20.6 f1.642857 = 270.74",
  ]);
});

it("tiny retroactive price changes: exact differences, each line rounded, no drift", () => {
  const book: Book = { contracts: [contract()], versions: [version({ quantity: "1", unitPrice: "10" })], ledger: [] };
  expect(linesOf(bill(book, "2026-01").invoices).map(show)).toEqual(["recurring 2026-01-01..2026-01-31 1×10 f1 = 10.00"]);
  book.versions.push(version({ validFrom: "2026-01-10", quantity: "1", unitPrice: "10.01" }));
  // 22/31 × 0.01 = 0.0070967… → 0.01
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual([
    "difference 2026-01-10..2026-01-31 1×0.01 f0.709677 = 0.01 ↩RE-1",
    "recurring 2026-02-01..2026-02-28 1×10.01 f1 = 10.01",
  ]);
  book.versions.push(version({ validFrom: "2026-01-20", quantity: "1", unitPrice: "10.02" }));
  // January: 12/31 × 0.01 = 0.0038709… rounds to 0.00: no line; it stays open for a later change.
  // February (billed at 10.01) is now at 10.02 throughout: +0.01.
  expect(linesOf(bill(book, "2026-03").invoices).map(show)).toEqual([
    "difference 2026-02-01..2026-02-28 1×0.01 f1 = 0.01 ↩RE-2",
    "recurring 2026-03-01..2026-03-31 1×10.02 f1 = 10.02",
  ]);
  expect(linesOf(bill(book, "2026-04").invoices).map(show)).toEqual(["recurring 2026-04-01..2026-04-30 1×10.02 f1 = 10.02"]);
  const jan = billedInMonth(book.ledger, { contractNo: "V-1", month: "2026-01" });
  expect(jan.rounded.toFixed(2)).toBe("10.01");
  expect(jan.exact.toFixed()).toBe("10.0070967741935483871");
});
