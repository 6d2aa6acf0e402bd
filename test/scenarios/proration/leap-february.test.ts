/**
 * Scenario: February in leap years has 29 days, so a day of February is worth 1/29 of the monthly
 * net (2028, 2000), not 1/28 (2026, 2100). 5 × 12.00 € = 60.00 € per month.
 */
import { periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const seats = (start: string) => ({
  c: contract({ start }),
  vs: [version({ validFrom: start, quantity: 5, unitPrice: "12.00" })],
});

describe("leap February, 5 × 12.00 €", () => {
  it("full February 2028: 60.00", () => {
    const { c, vs } = seats("2028-01-01");
    expect(monthCents(c, vs, "2028-02")).toBe("60.00");
  });

  it("start 2028-02-10: 60 × 20/29 = 41.379310… → 41.38 (2026: 60 × 19/28 → 40.71)", () => {
    const leap = seats("2028-02-10");
    const common = seats("2026-02-10");
    expect(monthCents(leap.c, leap.vs, "2028-02")).toBe("41.38");
    expect(monthCents(common.c, common.vs, "2026-02")).toBe("40.71");
  });

  it("start on the leap day 2028-02-29: 60 × 1/29 = 2.068965… → 2.07", () => {
    const { c, vs } = seats("2028-02-29");
    expect(monthCents(c, vs, "2028-02")).toBe("2.07");
  });

  it("2000 is a leap year: start 2000-02-15 → 60 × 15/29 = 31.034482… → 31.03", () => {
    const { c, vs } = seats("2000-02-15");
    expect(monthCents(c, vs, "2000-02")).toBe("31.03");
  });

  it("2100 is not: start 2100-02-15 → 60 × 14/28 = 30.00", () => {
    const { c, vs } = seats("2100-02-15");
    expect(monthCents(c, vs, "2100-02")).toBe("30.00");
  });

  it("10 → 15 seats at 7.90 € from the leap day: (79 × 28 + 118.5 × 1)/29 = 2330.5/29 = 80.362068… → 80.36", () => {
    const c = contract({ start: "2028-01-01" });
    const vs = [
      version({ validFrom: "2028-01-01", quantity: 10, unitPrice: "7.90" }),
      version({ validFrom: "2028-02-29", quantity: 15, unitPrice: "7.90" }),
    ];
    expect(monthCents(c, vs, "2028-02")).toBe("80.36");
  });

  it("contract ending on 2028-02-28 misses only the leap day: 60 × 28/29 = 57.931034… → 57.93", () => {
    const c = contract({ start: "2028-01-01", end: "2028-02-28" });
    const vs = [version({ validFrom: "2028-01-01", quantity: 5, unitPrice: "12.00" })];
    expect(monthCents(c, vs, "2028-02")).toBe("57.93");
  });

  it("quarterly, 3 × 10.00 € from 2028-02-15: 30 × 15/29 + 30 = 45.517241… → 45.52 (2026: 45.00)", () => {
    const c = contract({ start: "2028-02-15", interval: "quarterly" });
    const vs = [version({ validFrom: "2028-02-15", quantity: 3, unitPrice: "10.00" })];
    expect(periodCents(c, vs, periodContaining(day("2028-02-15"), "quarterly"))).toBe("45.52");
  });
});
