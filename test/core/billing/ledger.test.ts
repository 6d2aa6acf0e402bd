import { billedInMonth, indexLedger, originalInvoiceRef } from "../../../src/core/billing/ledger";
import { Book, bill, contract, version } from "../../support/billing-factories";

describe("ledger helpers", () => {
  const book: Book = { contracts: [contract({ interval: "quarterly" })], versions: [version({ quantity: "7", unitPrice: "20.6" })], ledger: [] };
  bill(book, "2026-01");
  book.versions.push(version({ validFrom: "2026-02-11", quantity: "8", unitPrice: "20.6" }));
  bill(book, "2026-02");

  it("indexes by contract, position and month", () => {
    const feb = indexLedger(book.ledger).get("V-1")?.get(1)?.get("2026-02") ?? [];
    expect(feb.map((e) => [e.lineType, e.invoiceRef])).toEqual([["recurring", "RE-1"], ["difference", "RE-2"]]);
    expect(originalInvoiceRef(feb)).toBe("RE-1");
    // several recurring invoices: the lowest number, in number order (RE-9 before RE-10)
    const two = feb.filter((e) => e.lineType === "recurring").flatMap((e) => [{ ...e, invoiceRef: "RE-10" }, { ...e, invoiceRef: "RE-9" }]);
    expect(originalInvoiceRef(two)).toBe("RE-9");
  });

  it("sums what a month was billed, exactly and as invoiced", () => {
    const feb = billedInMonth(book.ledger, { contractNo: "V-1", month: "2026-02" });
    // 144.20 + 18/28 × 20.60 = 157.442857…; invoiced 144.20 + 13.24 (share of the difference line)
    expect([feb.exact.toFixed(), feb.rounded.toFixed(2)]).toEqual(["157.44285714285714285714", "157.44"]);
    expect(billedInMonth(book.ledger, { contractNo: "V-1", month: "2026-02", positionNo: 2 }).exact.toFixed()).toBe("0");
  });
});
