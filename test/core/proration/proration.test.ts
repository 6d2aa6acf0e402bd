import { monthlyNet, prorateMonth } from "../../../src/core/billing/proration";
import { IsoMonth } from "../../../src/core/date/iso-month";
import { dec, roundCents } from "../../../src/core/money/decimal";
import { contract, version } from "../contract/builders";

const m = (s: string) => s as IsoMonth;

describe("monthlyNet", () => {
  it.each([
    ["5", "12.00", "0", "60"],
    ["4", "25.50", "20", "81.6"],
    ["3", "9.99", "12.5", "26.22375"],
    ["10", "7.90", "0", "79"],
    ["0", "100", "0", "0"],
    ["7", "10", "100", "0"],
    ["2.5", "3.333", "0", "8.3325"],
    ["1", "-49.00", "10", "-44.1"],
    ["-2", "10", "0", "-20"],
  ])("%s × %s € − %s %% = %s", (quantity, unitPrice, discountPct, expected) => {
    expect(monthlyNet({ quantity, unitPrice, discountPct }).toFixed()).toBe(expected);
  });

  it("keeps full precision for odd discounts", () => {
    expect(monthlyNet({ quantity: "3", unitPrice: "10", discountPct: "33.3333" }).toFixed()).toBe("20.00001");
    expect(monthlyNet({ quantity: "3", unitPrice: "10", discountPct: "33.3333" }).equals(dec("20.00001"))).toBe(true);
  });
});

describe("prorateMonth", () => {
  const c = contract({ start: "2026-01-01" });

  it("a full month at a constant state is exactly the monthly net", () => {
    const v = version({ validFrom: "2026-01-01", quantity: 3, unitPrice: "9.99" });
    for (const month of ["2026-01", "2026-02", "2026-04", "2028-02"]) {
      const charge = prorateMonth(c, [v], m(month));
      expect(charge.amount.toFixed()).toBe("29.97");
      expect(charge.segments).toHaveLength(1);
    }
  });

  it("reports the month and its number of days", () => {
    const v = version({ validFrom: "2026-01-01", quantity: 1, unitPrice: 1 });
    expect(prorateMonth(c, [v], m("2026-02"))).toMatchObject({ month: "2026-02", daysInMonth: 28 });
    expect(prorateMonth(c, [v], m("2028-02"))).toMatchObject({ month: "2028-02", daysInMonth: 29 });
    expect(prorateMonth(c, [v], m("2026-03"))).toMatchObject({ month: "2026-03", daysInMonth: 31 });
  });

  it("describes each segment: days, version and unrounded amount", () => {
    const v10 = version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" });
    const v15 = version({ validFrom: "2026-03-20", quantity: 15, unitPrice: "7.90" });
    const charge = prorateMonth(c, [v15, v10], m("2026-03"));
    expect(charge.segments.map(({ from, to, days, version }) => ({ from, to, days, id: version.id }))).toEqual([
      { from: "2026-03-01", to: "2026-03-19", days: 19, id: v10.id },
      { from: "2026-03-20", to: "2026-03-31", days: 12, id: v15.id },
    ]);
    expect(charge.segments[0]!.amount.equals(dec(1501).dividedBy(31))).toBe(true);
    expect(charge.segments[1]!.amount.equals(dec(1422).dividedBy(31))).toBe(true);
    expect(charge.amount.equals(dec(2923).dividedBy(31))).toBe(true);
  });

  it("divides once: the total is not the sum of rounded segment amounts", () => {
    // 1/3 + 1/3 + 1/3 of a 30-day month: segment amounts are 0.333…, the total is exactly 1
    const vs = [
      version({ validFrom: "2026-04-01", quantity: 1, unitPrice: 1 }),
      version({ validFrom: "2026-04-11", quantity: 1, unitPrice: 1, description: "b" }),
      version({ validFrom: "2026-04-21", quantity: 1, unitPrice: 1, description: "c" }),
    ];
    const charge = prorateMonth(c, vs, m("2026-04"));
    expect(charge.segments).toHaveLength(3);
    expect(charge.amount.toFixed()).toBe("1");
    expect(charge.segments[0]!.amount.toFixed()).toBe("0." + "3".repeat(34));
  });

  it("is zero with no segments when the contract does not run in the month", () => {
    const v = version({ validFrom: "2026-01-01", quantity: 1, unitPrice: 10 });
    const later = contract({ start: "2026-03-01" });
    const ended = contract({ start: "2025-01-01", end: "2026-01-31" });
    for (const charge of [prorateMonth(later, [v], m("2026-02")), prorateMonth(ended, [v], m("2026-02"))]) {
      expect(charge.amount.isZero()).toBe(true);
      expect(charge.segments).toEqual([]);
      expect(charge.daysInMonth).toBe(28);
    }
  });

  it("is zero without versions, or when every version starts after the month", () => {
    expect(prorateMonth(c, [], m("2026-02")).amount.isZero()).toBe(true);
    const v = version({ validFrom: "2026-03-01", quantity: 1, unitPrice: 10 });
    const charge = prorateMonth(c, [v], m("2026-02"));
    expect(charge.amount.isZero()).toBe(true);
    expect(charge.segments).toEqual([]);
  });

  it("starts a version that is valid before the contract start on the contract start", () => {
    const late = contract({ start: "2026-02-10" });
    const v = version({ validFrom: "2025-06-01", quantity: 5, unitPrice: "12.00" });
    const charge = prorateMonth(late, [v], m("2026-02"));
    expect(charge.segments.map((s) => [s.from, s.to, s.days])).toEqual([["2026-02-10", "2026-02-28", 19]]);
    expect(roundCents(charge.amount).toFixed(2)).toBe("40.71");
  });

  it("stops at the contract end", () => {
    const ending = contract({ start: "2026-01-01", end: "2026-04-15" });
    const v = version({ validFrom: "2026-01-01", quantity: 2, unitPrice: 49 });
    const charge = prorateMonth(ending, [v], m("2026-04"));
    expect(charge.segments.map((s) => [s.from, s.to, s.days])).toEqual([["2026-04-01", "2026-04-15", 15]]);
    expect(charge.amount.toFixed()).toBe("49");
  });

  it("ignores versions superseded before the month", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 1, unitPrice: 100 }),
      version({ validFrom: "2026-01-15", quantity: 2, unitPrice: 100 }),
      version({ validFrom: "2026-02-01", quantity: 3, unitPrice: 100 }),
    ];
    const charge = prorateMonth(c, vs, m("2026-02"));
    expect(charge.segments.map((s) => s.version.id)).toEqual([vs[2]!.id]);
    expect(charge.amount.toFixed()).toBe("300");
  });

  it("leaves out segments with a zero net (quantity 0 or 100 % discount)", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 2, unitPrice: 15 }),
      version({ validFrom: "2026-06-11", quantity: 0, unitPrice: 15 }),
      version({ validFrom: "2026-06-21", quantity: 2, unitPrice: 15, discountPct: 100 }),
    ];
    const charge = prorateMonth(c, vs, m("2026-06"));
    expect(charge.segments.map((s) => [s.from, s.to])).toEqual([["2026-06-01", "2026-06-10"]]);
    expect(charge.amount.toFixed()).toBe("10");
  });

  it("prorates negative nets (credits) the same way", () => {
    const v = version({ validFrom: "2026-02-15", quantity: 1, unitPrice: "-28.00" });
    expect(prorateMonth(c, [v], m("2026-02")).amount.toFixed()).toBe("-14");
  });

  it("refuses versions of another contract", () => {
    const v = version({ validFrom: "2026-01-01", quantity: 1, unitPrice: 1, contractNo: "V-OTHER" });
    expect(() => prorateMonth(c, [v], m("2026-02"))).toThrow("[msp-billing] prorateMonth got versions of another contract");
  });

  it("does not modify or reorder its input", () => {
    const vs = [
      version({ validFrom: "2026-03-20", quantity: 15, unitPrice: "7.90" }),
      version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" }),
    ];
    const before = JSON.stringify(vs);
    prorateMonth(c, vs, m("2026-03"));
    expect(JSON.stringify(vs)).toBe(before);
  });
});
