/**
 * Scenario: discounts. The monthly net is quantity × price × (1 − discount/100), prorated by day and
 * rounded once, half away from zero (PRODUCT.md §5.2).
 */
import { periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const c = contract({ start: "2026-01-01" });

describe("20 % discount on 4 × 25.50 €", () => {
  const vs = [version({ validFrom: "2026-01-01", quantity: 4, unitPrice: "25.50", discountPct: 20 })];

  it("full month: 102.00 × 0.8 = 81.60", () => {
    expect(monthCents(c, vs, "2026-01")).toBe("81.60");
    expect(monthCents(c, vs, "2026-02")).toBe("81.60");
  });

  it("quarter: 3 × 81.60 = 244.80", () => {
    expect(periodCents(c, vs, periodContaining(day("2026-01-01"), "quarterly"))).toBe("244.80");
  });

  it("starting 2026-05-11: 81.6 × 21/31 = 55.277419… → 55.28", () => {
    const late = contract({ start: "2026-05-11" });
    expect(monthCents(late, vs, "2026-05")).toBe("55.28");
  });
});

describe("discount changes", () => {
  it("discount of 20 % from 2026-06-16: 102 × 15/30 + 81.6 × 15/30 = 51.00 + 40.80 = 91.80", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 4, unitPrice: "25.50" }),
      version({ validFrom: "2026-06-16", quantity: 4, unitPrice: "25.50", discountPct: 20 }),
    ];
    expect(monthCents(c, vs, "2026-06")).toBe("91.80");
  });

  it("12.5 % on 3 × 9.99: 29.97 × 0.875 = 26.22375 → 26.22", () => {
    const vs = [version({ validFrom: "2026-01-01", quantity: 3, unitPrice: "9.99", discountPct: "12.5" })];
    expect(monthCents(c, vs, "2026-03")).toBe("26.22");
  });

  it("an exact half cent rounds away from zero: 10.05 × 50 % = 5.025 → 5.03", () => {
    const vs = [version({ validFrom: "2026-01-01", quantity: 1, unitPrice: "10.05", discountPct: 50 })];
    expect(monthCents(c, vs, "2026-03")).toBe("5.03");
  });

  it("… also for a credit: −10.05 × 50 % = −5.025 → −5.03", () => {
    const vs = [version({ validFrom: "2026-01-01", quantity: 1, unitPrice: "-10.05", discountPct: 50 })];
    expect(monthCents(c, vs, "2026-03")).toBe("-5.03");
  });

  it("100 % discount bills nothing", () => {
    const vs = [version({ validFrom: "2026-01-01", quantity: 4, unitPrice: "25.50", discountPct: 100 })];
    expect(monthCents(c, vs, "2026-03")).toBe("0.00");
  });
});
