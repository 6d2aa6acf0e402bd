import { prorateMonth } from "../../../src/core/billing/proration";
import { monthSegments } from "../../../src/core/billing/segments";
import { contract, version } from "../../support/billing-factories";

const view = (c = contract(), vs = [version()], month = "2026-02") =>
  monthSegments(c, vs, month).map((s) => `${s.from}..${s.to} ${s.days}/${s.daysInMonth} ${s.state.quantity}×${s.state.unitPrice} = ${s.amount.toFixed()}`);

describe("monthSegments", () => {
  it("a full month at one state is exactly the monthly net", () => {
    expect(view()).toEqual(["2026-02-01..2026-02-28 28/28 10×31 = 310"]);
  });

  it("splits at a version and keeps each part exact at the fixed scale", () => {
    expect(view(contract(), [version(), version({ validFrom: "2026-02-11", quantity: "7" })])).toEqual([
      "2026-02-01..2026-02-10 10/28 10×31 = 110.71428571428571428571",
      "2026-02-11..2026-02-28 18/28 7×31 = 139.5",
    ]);
  });

  it("merges a version that repeats the state", () => {
    expect(view(contract(), [version(), version({ validFrom: "2026-02-11", quantity: "10.0" })])).toEqual(view());
  });

  it("cuts by contract start and end and leaves out quantity 0", () => {
    expect(view(contract({ start: "2026-02-05", end: "2026-02-20" }), [version(), version({ validFrom: "2026-02-10", quantity: "0" }), version({ validFrom: "2026-02-15" })])).toEqual([
      "2026-02-05..2026-02-09 5/28 10×31 = 55.35714285714285714286",
      "2026-02-15..2026-02-20 6/28 10×31 = 66.42857142857142857143",
    ]);
  });

  it("is empty before the first version and outside the contract", () => {
    expect(view(contract(), [version({ validFrom: "2026-03-01" })])).toEqual([]);
    expect(view(contract({ end: "2026-01-31" }))).toEqual([]);
  });

  it("the later entry wins on the same validFrom, whatever the array order", () => {
    const a = version({ validFrom: "2026-02-01", quantity: "3" });
    const b = version({ validFrom: "2026-02-01", quantity: "4" });
    expect(view(contract(), [b, a])).toEqual(["2026-02-01..2026-02-28 28/28 4×31 = 124"]);
  });

  it("adds up to prorateMonth", () => {
    const vs = [version({ discountPct: "12.5" }), version({ validFrom: "2026-02-03", unitPrice: "20.6" }), version({ validFrom: "2026-02-17", quantity: "3" })];
    const total = monthSegments(contract(), vs, "2026-02").reduce((s, x) => s.plus(x.amount), prorateMonth(contract(), vs, "2026-02").amount.negated());
    expect(total.abs().lt("1e-19")).toBe(true);
  });
});
