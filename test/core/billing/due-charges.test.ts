import { computeDueCharges, duePeriods } from "../../../src/core/billing/due-charges";
import type { BillingInterval, BillingMode } from "../../../src/core/date/billing-period";
import { contract, version } from "../../support/billing-factories";

const periods = (interval: BillingInterval, mode: BillingMode, runMonth: string, over = {}) =>
  duePeriods(contract({ interval, mode, ...over }), runMonth).map((p) => `${p.start}..${p.end}`);

describe("duePeriods", () => {
  it.each<[BillingInterval, BillingMode, string, string[]]>([
    ["monthly", "advance", "2026-02", ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28"]],
    ["monthly", "arrears", "2026-02", ["2026-01-01..2026-01-31"]],
    ["quarterly", "advance", "2026-03", ["2026-01-01..2026-03-31"]],
    ["quarterly", "advance", "2026-04", ["2026-01-01..2026-03-31", "2026-04-01..2026-06-30"]],
    ["quarterly", "arrears", "2026-03", []],
    ["quarterly", "arrears", "2026-04", ["2026-01-01..2026-03-31"]],
    ["semiannual", "advance", "2026-07", ["2026-01-01..2026-06-30", "2026-07-01..2026-12-31"]],
    ["semiannual", "arrears", "2026-07", ["2026-01-01..2026-06-30"]],
    ["annual", "advance", "2026-01", ["2026-01-01..2026-12-31"]],
    ["annual", "arrears", "2026-12", []],
  ])("%s %s by the end of %s", (interval, mode, month, expected) => {
    expect(periods(interval, mode, month)).toEqual(expected);
  });

  it("cuts the first and last period by the contract dates, and takes the due date from the cut", () => {
    expect(periods("quarterly", "advance", "2026-02", { start: "2026-02-15", end: "2026-05-10" })).toEqual(["2026-02-15..2026-03-31"]);
    expect(periods("quarterly", "arrears", "2026-05", { start: "2026-02-15", end: "2026-05-10" })).toEqual(["2026-02-15..2026-03-31", "2026-04-01..2026-05-10"]);
    expect(periods("quarterly", "arrears", "2026-04", { start: "2026-02-15", end: "2026-05-10" })).toEqual(["2026-02-15..2026-03-31"]);
  });

  it("stops after the contract end and is empty before the start", () => {
    expect(periods("monthly", "advance", "2026-12", { end: "2026-02-28" })).toHaveLength(2);
    expect(periods("monthly", "advance", "2025-12")).toEqual([]);
    expect(periods("monthly", "advance", "2026-12", { end: "2025-12-31" })).toEqual([]);
  });
});

describe("computeDueCharges", () => {
  it("bills only months of the position that are not in the ledger", () => {
    const lines = computeDueCharges({
      runMonth: "2026-03",
      contracts: [contract()],
      versions: [version(), version({ positionNo: 2 })],
      ledger: [{
        id: "x", runId: "r", invoiceRef: "RE-1", lineNo: 1, contractNo: "V-1", positionNo: 1, month: "2026-02",
        serviceFrom: "2026-02-01", serviceTo: "2026-02-28", articleNo: "A-1", description: "d", quantity: "10",
        unitPrice: "31", discountPct: "0", vatPct: "19", exactAmount: "310", roundedAmount: "310", lineType: "recurring",
      }],
    });
    expect(lines.map((l) => `${l.positionNo} ${l.serviceFrom}`)).toEqual([
      "1 2026-01-01", "1 2026-03-01", "2 2026-01-01", "2 2026-02-01", "2 2026-03-01",
    ]);
  });

  it("ignores versions of unknown contracts and contracts without versions", () => {
    expect(computeDueCharges({ runMonth: "2026-03", contracts: [contract({ no: "V-2" })], versions: [version()], ledger: [] })).toEqual([]);
  });
});
