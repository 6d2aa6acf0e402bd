import { computeVatTotals } from "../../../src/core/billing/invoice";
import { Book, bill, contract, version } from "../../support/billing-factories";

describe("computeVatTotals", () => {
  it("computes VAT per rate on the net sum, highest rate first", () => {
    expect(computeVatTotals([
      { vatPct: "7", netAmount: "0.50" },
      { vatPct: "19", netAmount: "0.05" },
      { vatPct: "7.0", netAmount: "0.50" },
      { vatPct: "19", netAmount: "0.05" },
      { vatPct: "0", netAmount: "12.00" },
    ])).toEqual([
      { vatPct: "19", net: "0.10", vat: "0.02", gross: "0.12" }, // 0.019 → 0.02 (per line: 0.01 + 0.01)
      { vatPct: "7", net: "1.00", vat: "0.07", gross: "1.07" },
      { vatPct: "0", net: "12.00", vat: "0.00", gross: "12.00" },
    ]);
  });

  it("nets debits and credits of a rate before rounding", () => {
    expect(computeVatTotals([{ vatPct: "19", netAmount: "10.05" }, { vatPct: "19", netAmount: "-10.00" }])).toEqual([
      { vatPct: "19", net: "0.05", vat: "0.01", gross: "0.06" },
    ]);
  });
});

describe("invoice assembly", () => {
  it("numbers lines in order: contract (natural order), position, service start", () => {
    const book: Book = {
      contracts: [contract({ no: "V-10" }), contract({ no: "V-9" })],
      versions: [version({ contractNo: "V-10", positionNo: 2 }), version({ contractNo: "V-10" }), version({ contractNo: "V-9" })],
      ledger: [],
    };
    const [inv] = bill(book, "2026-02").invoices;
    expect(inv!.lines.map((l) => `${l.lineNo} ${l.contractNo}/${l.positionNo} ${l.serviceFrom}`)).toEqual([
      "1 V-9/1 2026-01-01", "2 V-9/1 2026-02-01", "3 V-10/1 2026-01-01", "4 V-10/1 2026-02-01", "5 V-10/2 2026-01-01", "6 V-10/2 2026-02-01",
    ]);
    expect(inv).toMatchObject({ invoiceRef: "RE-1", invoiceDate: "2026-02-28", customerNo: "K-1", customerName: "Muster GmbH", documentType: "invoice" });
  });
});
