import { computeBillingRun } from "../../../src/core/billing/run-billing";
import { CUSTOMERS, contract, version } from "../../support/billing-factories";

const base = {
  runId: "R1",
  runMonth: "2026-01",
  invoiceDate: "2026-01-31",
  customers: CUSTOMERS,
  ledger: [],
  nextInvoiceNumber: 1001,
};

describe("computeBillingRun", () => {
  it("makes one invoice per customer in customer order and numbers them from nextInvoiceNumber", () => {
    const r = computeBillingRun({
      ...base,
      contracts: [contract({ no: "V-2", customerNo: "K-2" }), contract({ no: "V-1" }), contract({ no: "V-3" })],
      versions: [version({ contractNo: "V-2" }), version({ contractNo: "V-1" }), version({ contractNo: "V-3" })],
      formatInvoiceRef: (n) => `2026-${n}`,
    });
    expect(r.invoices.map((i) => [i.invoiceRef, i.customerNo, i.lines.map((l) => l.contractNo)])).toEqual([
      ["2026-1001", "K-1", ["V-1", "V-3"]],
      ["2026-1002", "K-2", ["V-2"]],
    ]);
    expect(r.nextInvoiceNumber).toBe(1003);
    expect(r.issues).toEqual([]);
  });

  it("writes one ledger entry per line and month whose rounded shares add up to the line net", () => {
    const r = computeBillingRun({ ...base, contracts: [contract({ interval: "quarterly" })], versions: [version({ unitPrice: "20.6", quantity: "7" }), version({ validFrom: "2026-02-11", unitPrice: "20.6", quantity: "8" })] });
    expect(r.newLedgerEntries.map((e) => [e.id, e.invoiceRef, e.lineNo, e.month, e.serviceFrom, e.serviceTo, e.quantity, e.exactAmount, e.roundedAmount])).toEqual([
      ["R1:1001:1:2026-01", "1001", 1, "2026-01", "2026-01-01", "2026-01-31", "7", "144.2", "144.2"],
      ["R1:1001:1:2026-02", "1001", 1, "2026-02", "2026-02-01", "2026-02-10", "7", "51.5", "51.5"],
      ["R1:1001:2:2026-02", "1001", 2, "2026-02", "2026-02-11", "2026-02-28", "8", "105.94285714285714285714", "105.94"],
      ["R1:1001:2:2026-03", "1001", 2, "2026-03", "2026-03-01", "2026-03-31", "8", "164.8", "164.8"],
    ]);
    expect(r.invoices[0]!.lines.map((l) => l.netAmount)).toEqual(["195.70", "270.74"]);
  });

  it("leaves out contracts of unknown customers with an error", () => {
    const r = computeBillingRun({ ...base, contracts: [contract({ customerNo: "K-9" })], versions: [version()] });
    expect(r.invoices).toEqual([]);
    expect(r.newLedgerEntries).toEqual([]);
    expect(r.issues).toEqual([{ code: "billing.unknown_customer", severity: "error", params: { contract: "V-1", customer: "K-9" } }]);
  });

  it("refuses a run id that is already in the ledger", () => {
    const first = computeBillingRun({ ...base, contracts: [contract()], versions: [version()] });
    const again = computeBillingRun({ ...base, runMonth: "2026-02", contracts: [contract()], versions: [version()], ledger: first.newLedgerEntries });
    expect(again.invoices).toEqual([]);
    expect(again.issues.map((i) => i.code)).toEqual(["billing.run_exists"]);
  });

  it("warns about ledger entries of a contract that no longer exists", () => {
    const first = computeBillingRun({ ...base, contracts: [contract()], versions: [version()] });
    const next = computeBillingRun({ ...base, runId: "R2", runMonth: "2026-02", contracts: [], versions: [], ledger: first.newLedgerEntries });
    expect(next.issues).toEqual([{ code: "billing.unknown_contract", severity: "warning", params: { contract: "V-1" } }]);
  });

  it("is pure: the same input gives the same result (a preview equals the run)", () => {
    const input = { ...base, contracts: [contract({ interval: "annual" as const })], versions: [version(), version({ validFrom: "2026-06-10", quantity: "3" })] };
    expect(computeBillingRun(input)).toEqual(computeBillingRun(input));
  });
});
