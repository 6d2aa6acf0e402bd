/** VAT per invoice and rate on the sum of the rounded line nets (PRODUCT.md §5.2, §14 UStG). */
import { Book, bill, contract, version } from "../../support/billing-factories";

it("mixed 19 % and 7 % lines: VAT on the net sum per rate, not the sum of per-line VAT", () => {
  const pos = (positionNo: number, articleNo: string, quantity: string, unitPrice: string, vatPct: string) =>
    version({ positionNo, articleNo, description: articleNo, quantity, unitPrice, vatPct });
  const book: Book = {
    contracts: [contract()],
    versions: [
      pos(1, "SUPPORT-MINI", "1", "0.5", "19"),
      pos(2, "BACKUP-MINI", "1", "0.5", "19"),
      pos(3, "M365-BP", "7", "20.6", "19"),
      pos(4, "BOOK-A", "1", "0.5", "7"),
      pos(5, "BOOK-B", "1", "0.5", "7"),
    ],
    ledger: [],
  };
  const [invoice] = bill(book, "2026-01").invoices;
  expect(invoice!.lines.map((l) => [l.lineNo, l.articleNo, l.netAmount, l.vatPct])).toEqual([
    [1, "SUPPORT-MINI", "0.50", "19"],
    [2, "BACKUP-MINI", "0.50", "19"],
    [3, "M365-BP", "144.20", "19"],
    [4, "BOOK-A", "0.50", "7"],
    [5, "BOOK-B", "0.50", "7"],
  ]);
  // Per line the VAT would be 0.10 + 0.10 + 27.40 = 27.60 and 0.04 + 0.04 = 0.08.
  // Per rate: 145.20 × 19 % = 27.588 → 27.59 and 1.00 × 7 % = 0.07.
  expect(invoice!.vatTotals).toEqual([
    { vatPct: "19", net: "145.20", vat: "27.59", gross: "172.79" },
    { vatPct: "7", net: "1.00", vat: "0.07", gross: "1.07" },
  ]);
  expect([invoice!.netTotal, invoice!.vatTotal, invoice!.grossTotal]).toEqual(["146.20", "27.66", "173.86"]);
});

it("a credit's VAT is rounded half away from zero too", () => {
  const book: Book = { contracts: [contract()], versions: [version({ quantity: "1", unitPrice: "0.5" })], ledger: [] };
  bill(book, "2026-01");
  book.versions.push(version({ quantity: "0", unitPrice: "0.5" })); // same validFrom, later entry: ended
  const [credit] = bill(book, "2026-02").invoices;
  expect(credit!.documentType).toBe("correction");
  // −0.50 × 19 % = −0.095 → −0.10 (not −0.09)
  expect(credit!.vatTotals).toEqual([{ vatPct: "19", net: "-0.50", vat: "-0.10", gross: "-0.60" }]);
});

it("a retroactive VAT rate change credits the old rate and bills the new one", () => {
  const book: Book = { contracts: [contract()], versions: [version()], ledger: [] };
  bill(book, "2026-01");
  book.versions.push(version({ vatPct: "7" }));
  const [inv] = bill(book, "2026-02").invoices;
  const jan = inv!.lines.filter((l) => l.serviceFrom.startsWith("2026-01"));
  expect(jan.map((l) => [l.lineType, l.quantity, l.netAmount, l.vatPct, l.correctsRef])).toEqual([
    ["difference", "-10", "-310.00", "19", "RE-1"],
    ["difference", "10", "310.00", "7", "RE-1"],
  ]);
});
