import { bill, contract, linesOf, show, version, Book } from "../../support/billing-factories";

it("smoke", () => {
  const book: Book = { contracts: [contract({ interval: "quarterly" })], versions: [version(), version({ validFrom: "2026-02-15", quantity: "12" })], ledger: [] };
  const r1 = bill(book, "2026-01");
  console.log(linesOf(r1.invoices).map(show), r1.invoices[0]);
  book.versions.push(version({ validFrom: "2026-03-10", quantity: "8" }));
  const r2 = bill(book, "2026-02");
  console.log(linesOf(r2.invoices).map(show), r2.issues);
  const r3 = bill(book, "2026-03");
  console.log(linesOf(r3.invoices).map(show), r3.issues, book.ledger.length);
});
