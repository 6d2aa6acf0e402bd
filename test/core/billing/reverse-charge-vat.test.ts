import { messageText } from "../../../src/core/messages";
import { type Book, bill, contract, linesOf, show, version } from "../../support/billing-factories";

/**
 * Found by the CLI walk: a reverse-charge customer (§ 13b UStG) whose position kept 19 % was billed
 * with VAT and could be issued so (§ 14c UStG: the VAT shown is owed). Such a position is not billed;
 * the run says why, and its months are caught up at 0 % once the rate is corrected.
 */
describe("reverse charge and VAT", () => {
  const customers = [
    { no: "K-1", name: "Nordic Consulting AB", vatId: "SE556677889901", reverseCharge: true },
    { no: "K-2", name: "Muster GmbH" },
  ];
  const fresh = (): Book => ({
    contracts: [contract({ no: "V-1", customerNo: "K-1" }), contract({ no: "V-2", customerNo: "K-2" })],
    versions: [
      version({ contractNo: "V-1", positionNo: 1, vatPct: "19" }),
      version({ contractNo: "V-1", positionNo: 2, articleNo: "A-2", quantity: "1", unitPrice: "50", vatPct: "0" }),
      version({ contractNo: "V-2", positionNo: 1, vatPct: "19" }),
    ],
    customers,
    ledger: [],
  });

  it("leaves out the position charging VAT to a reverse-charge customer, with an error naming it; the rest is billed", () => {
    const book = fresh();
    const r = bill(book, "2026-01");
    expect(r.invoices.map((i) => [i.customerNo, i.lines.map((l) => [l.contractNo, l.positionNo, l.vatPct]), i.vatTotal])).toEqual([
      ["K-1", [["V-1", 2, "0"]], "0.00"],
      ["K-2", [["V-2", 1, "19"]], "58.90"],
    ]);
    expect(r.issues).toEqual([{ code: "billing.reverse_charge_with_vat", severity: "error", params: { customer: "K-1", contract: "V-1", position: 1, vat: "19" } }]);
    expect(messageText(r.issues[0]!, "de")).toBe(
      "Vertrag V-1, Position 1: Kunde K-1 ist als Reverse Charge gekennzeichnet (Steuerschuldnerschaft des Leistungsempfängers), die Position berechnet aber 19 % USt; sie wird nicht abgerechnet. Den USt-Satz der Position auf 0 % setzen oder beim Kunden Reverse Charge entfernen; die Monate werden dann nachberechnet.",
    );
    expect(book.ledger.some((e) => e.contractNo === "V-1" && e.positionNo === 1)).toBe(false);
  });

  it("catches the months up at 0 % once the rate is corrected", () => {
    const book = fresh();
    bill(book, "2026-01");
    book.versions = book.versions.map((v) => (v.contractNo === "V-1" && v.positionNo === 1 ? { ...v, vatPct: "0" } : v));
    const r = bill(book, "2026-02");
    expect(r.issues).toEqual([]);
    const k1 = r.invoices.find((i) => i.customerNo === "K-1")!;
    expect(k1.lines.filter((l) => l.positionNo === 1).map(show)).toEqual(["recurring 2026-01-01..2026-01-31 10×31 f1 = 310.00", "recurring 2026-02-01..2026-02-28 10×31 f1 = 310.00"]);
    expect(linesOf([k1]).every((l) => l.vatPct === "0")).toBe(true);
  });

  it("a customer not marked reverse charge is billed with its rates as before", () => {
    const book = fresh();
    book.customers = customers.map((c) => ({ no: c.no, name: c.name }));
    const r = bill(book, "2026-01");
    expect(r.issues).toEqual([]);
    expect(r.invoices.find((i) => i.customerNo === "K-1")!.lines.map((l) => l.vatPct)).toEqual(["19", "0"]);
  });
});
