/** Missed periods are caught up: no contract is forgotten (PRODUCT.md §5.2). */
import { Book, bill, billMonths, contract, linesOf, show, version } from "../../support/billing-factories";

it("a contract entered after two runs gets its two missed months with the third", () => {
  const book: Book = { contracts: [contract({ no: "V-0", customerNo: "K-2" })], versions: [version({ contractNo: "V-0" })], ledger: [] };
  billMonths(book, "2026-01", "2026-02");
  book.contracts.push(contract());
  book.versions.push(version());
  const mar = bill(book, "2026-03");
  expect(mar.invoices.map((i) => i.customerNo)).toEqual(["K-1", "K-2"]);
  expect(mar.invoices[0]!.lines.map(show)).toEqual([
    "recurring 2026-01-01..2026-01-31 10×31 f1 = 310.00",
    "recurring 2026-02-01..2026-02-28 10×31 f1 = 310.00",
    "recurring 2026-03-01..2026-03-31 10×31 f1 = 310.00",
  ]);
});

it("quarterly in arrears entered late: every due quarter, one line each", () => {
  const book: Book = { contracts: [contract({ interval: "quarterly", mode: "arrears", start: "2025-08-01" })], versions: [version({ validFrom: "2025-08-01" })], ledger: [] };
  expect(linesOf(bill(book, "2026-02").invoices).map(show)).toEqual([
    "recurring 2025-08-01..2025-09-30 10×31 f2 = 620.00",
    "recurring 2025-10-01..2025-12-31 10×31 f3 = 930.00",
  ]);
});

it("billing month by month and catching up in one run give the same lines", () => {
  const make = (): Book => ({ contracts: [contract()], versions: [version(), version({ validFrom: "2026-02-10", quantity: "7" })], ledger: [] });
  const monthly = billMonths(make(), "2026-01", "2026-03");
  const once = bill(make(), "2026-03").invoices;
  expect(linesOf(monthly).map(show)).toEqual(linesOf(once).map(show));
});

it("a position added to an already billed period is billed as recurring from its start", () => {
  const book: Book = { contracts: [contract({ interval: "quarterly" })], versions: [version()], ledger: [] };
  bill(book, "2026-01");
  book.versions.push(version({ positionNo: 2, articleNo: "BACKUP", validFrom: "2026-03-01", quantity: "2", unitPrice: "5" }));
  expect(linesOf(bill(book, "2026-03").invoices).map((l) => `${l.positionNo} ${show(l)}`)).toEqual(["2 recurring 2026-03-01..2026-03-31 2×5 f1 = 10.00"]);
});
