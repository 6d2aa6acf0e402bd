/** Differential billing: credits for retroactive reductions, and contracts that suppress credits. */
import { Book, bill, contract, linesOf, show, version } from "../../support/billing-factories";

function quarterlyBook(suppressCredits?: boolean): Book {
  return { contracts: [contract({ interval: "quarterly", ...(suppressCredits ? { suppressCredits } : {}) })], versions: [version()], ledger: [] };
}

it("quantity reduced retroactively: a credit referencing the original invoice", () => {
  const book = quarterlyBook();
  expect(linesOf(bill(book, "2026-01").invoices).map(show)).toEqual(["recurring 2026-01-01..2026-03-31 10×31 f3 = 930.00"]);
  book.versions.push(version({ validFrom: "2026-02-15", quantity: "8" }));
  const feb = bill(book, "2026-02");
  expect(linesOf(feb.invoices).map(show)).toEqual(["difference 2026-02-15..2026-03-31 -2×31 f1.5 = -93.00 ↩RE-1"]);
  expect(feb.invoices[0]).toMatchObject({ invoiceRef: "RE-2", documentType: "correction", netTotal: "-93.00", vatTotal: "-17.67", grossTotal: "-110.67" });
  expect(feb.newLedgerEntries.map((e) => [e.month, e.serviceFrom, e.serviceTo, e.quantity, e.exactAmount, e.roundedAmount, e.correctsRef])).toEqual([
    ["2026-02", "2026-02-15", "2026-02-28", "-2", "-31", "-31", "RE-1"],
    ["2026-03", "2026-03-01", "2026-03-31", "-2", "-62", "-62", "RE-1"],
  ]);
  expect(linesOf(bill(book, "2026-03").invoices)).toEqual([]);
});

it("a price change retroactively: the line shows the price difference", () => {
  const book = quarterlyBook();
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-03-01", unitPrice: "33.5" }));
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual(["difference 2026-03-01..2026-03-31 10×2.5 f1 = 25.00 ↩RE-1"]);
});

it("quantity and price changed together: 1 × the change of the monthly net", () => {
  const book = quarterlyBook();
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-03-01", quantity: "11", unitPrice: "30" }));
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual(["difference 2026-03-01..2026-03-31 1×20 f1 = 20.00 ↩RE-1"]);
});

it("suppressCredits: no credit, a note instead; a later increase is set against it", () => {
  const book = quarterlyBook(true);
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-02-15", quantity: "8" }));
  const feb = bill(book, "2026-02");
  expect(feb.invoices).toEqual([]);
  expect(feb.issues).toEqual([
    { code: "billing.credit_suppressed", severity: "info", params: { contract: "V-1", position: 1, from: "2026-02-15", to: "2026-03-31", amount: "-93.00" } },
  ]);
  expect(bill(book, "2026-02", "again").invoices).toEqual([]);
  // Back up to 12 from March: −31.00 for 15–28 Feb and +62.00 for March add up to a debit of 31.00.
  book.versions.push(version({ validFrom: "2026-03-01", quantity: "12" }));
  const mar = bill(book, "2026-03");
  expect(linesOf(mar.invoices).map(show)).toEqual([
    "difference 2026-02-15..2026-02-28 -2×31 f0.5 = -31.00 ↩RE-1",
    "difference 2026-03-01..2026-03-31 2×31 f1 = 62.00 ↩RE-1",
  ]);
  expect(mar.invoices[0]!.netTotal).toBe("31.00");
  expect(mar.issues).toEqual([]);
});

it("a debit is never suppressed", () => {
  const book = quarterlyBook(true);
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-02-15", quantity: "12" }));
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual(["difference 2026-02-15..2026-03-31 2×31 f1.5 = 93.00 ↩RE-1"]);
});

it("an article upgrade credits the old article and bills the new one", () => {
  const book: Book = { contracts: [contract()], versions: [version({ articleNo: "M365-BS", description: "Business Standard", unitPrice: "12.5" })], ledger: [] };
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-01-16", articleNo: "M365-BP", description: "Business Premium", unitPrice: "20.6" }));
  const lines = bill(book, "2026-02").invoices[0]!.lines.filter((l) => l.lineType === "difference");
  // 16/31 of a month: −10 × 12.50 → −64.52; +10 × 20.60 → 106.32
  expect(lines.map((l) => [l.articleNo, l.serviceFrom, l.serviceTo, l.quantity, l.unitPrice, l.netAmount])).toEqual([
    ["M365-BP", "2026-01-16", "2026-01-31", "10", "20.6", "106.32"],
    ["M365-BS", "2026-01-16", "2026-01-31", "-10", "12.5", "-64.52"],
  ]);
});
