import type { LedgerEntry } from "../../../src/core/billing/ledger";
import { billedAsShaped, monthDelta } from "../../../src/core/billing/month-delta";
import { monthSegments, preparePosition, segmentShapes } from "../../../src/core/billing/segments";
import { contract, version } from "../../support/billing-factories";

function entry(over: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: "e", runId: "r", invoiceRef: "RE-1", lineNo: 1, contractNo: "V-1", positionNo: 1, month: "2026-01",
    serviceFrom: "2026-01-01", serviceTo: "2026-01-31", articleNo: "A-1", description: "Cloud-Lizenz",
    quantity: "10", unitPrice: "31", discountPct: "0", vatPct: "19", exactAmount: "310", roundedAmount: "310", lineType: "recurring",
    ...over,
  };
}
const show = (month: string, vs = [version()], billed: LedgerEntry[] = []) =>
  monthDelta(month, monthSegments(contract(), vs, month), billed).map((r) => `${r.from}..${r.to} ${r.state.quantity}×${r.state.unitPrice}-${r.state.discountPct}% = ${r.amount.toFixed()}`);

describe("monthDelta", () => {
  it("with nothing billed returns the segments", () => {
    expect(show("2026-01")).toEqual(["2026-01-01..2026-01-31 10×31-0% = 310"]);
  });

  it("returns nothing when the month is billed as it stands", () => {
    expect(show("2026-01", [version()], [entry({})])).toEqual([]);
  });

  it("shows a quantity change as the quantity difference at the billed price", () => {
    expect(show("2026-01", [version(), version({ validFrom: "2026-01-22", quantity: "13" })], [entry({})])).toEqual(["2026-01-22..2026-01-31 3×31-0% = 30"]);
  });

  it("aggregates earlier differences of a day into one billed quantity", () => {
    const billed = [entry({}), entry({ lineType: "difference", serviceFrom: "2026-01-22", quantity: "3", exactAmount: "30" })];
    expect(show("2026-01", [version(), version({ validFrom: "2026-01-22", quantity: "12" })], billed)).toEqual(["2026-01-22..2026-01-31 -1×31-0% = -10"]);
  });

  it("shows a discount change as 1 × the rate difference", () => {
    expect(show("2026-01", [version({ discountPct: "10" })], [entry({})])).toEqual(["2026-01-01..2026-01-31 1×-31-0% = -31"]);
  });

  it("gives a sub-cent residue of the day split to the last run, so runs add up to current − billed", () => {
    // Billed 1–10 and 11–31 at two prices; now one price all month.
    const billed = [
      entry({ serviceTo: "2026-01-10", unitPrice: "30", quantity: "1", exactAmount: "9.67741935483870967742" }),
      entry({ serviceFrom: "2026-01-11", unitPrice: "31", quantity: "1", exactAmount: "21" }),
    ];
    const runs = monthDelta("2026-01", monthSegments(contract(), [version({ quantity: "1" })], "2026-01"), billed);
    expect(runs.map((r) => `${r.from}..${r.to} ${r.state.quantity}×${r.state.unitPrice}`)).toEqual(["2026-01-01..2026-01-10 1×1"]);
    expect(runs[0]!.amount.toFixed()).toBe("0.32258064516129032258"); // 31 − 9.677… − 21
  });

  it("billedAsShaped recognises an unchanged month without arithmetic", () => {
    const shapes = segmentShapes(preparePosition(contract(), [version()]), "2026-01");
    expect(billedAsShaped(shapes, [entry({})])).toBe(true);
    expect(billedAsShaped(shapes, [entry({ quantity: "9" })])).toBe(false);
    expect(billedAsShaped(shapes, [entry({ lineType: "difference" })])).toBe(false);
    expect(billedAsShaped(shapes, [])).toBe(false);
  });
});
