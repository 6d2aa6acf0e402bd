/**
 * Scenario: a contract that starts inside a month is billed for the covered days only
 * (PRODUCT.md §5.2). 5 licences × 12.00 € = 60.00 € per month.
 */
import { periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const seats = (start: string) => ({
  c: contract({ start }),
  vs: [version({ validFrom: start, quantity: 5, unitPrice: "12.00" })],
});

describe("contract starting 2026-02-10, 5 × 12.00 €", () => {
  const { c, vs } = seats("2026-02-10");

  it("February: 5 × 12 × 19/28 = 40.714285… → 40.71", () => {
    expect(monthCents(c, vs, "2026-02")).toBe("40.71");
  });

  it("January (before the start): 0.00", () => {
    expect(monthCents(c, vs, "2026-01")).toBe("0.00");
  });

  it("March: full month 60.00", () => {
    expect(monthCents(c, vs, "2026-03")).toBe("60.00");
  });

  it("billed quarterly, Q1 = 0 + 40.714285… + 60 = 100.714285… → 100.71 (rounded once)", () => {
    expect(periodCents(c, vs, periodContaining(day("2026-02-10"), "quarterly"))).toBe("100.71");
  });
});

describe("other start days, 5 × 12.00 €", () => {
  it.each([
    ["2026-01-01", "2026-01", "60.00"], // 31/31
    ["2026-01-02", "2026-01", "58.06"], // 60 × 30/31 = 58.064516…
    ["2026-01-31", "2026-01", "1.94"], // 60 × 1/31 = 1.935483…
    ["2026-04-16", "2026-04", "30.00"], // 60 × 15/30
    ["2026-02-28", "2026-02", "2.14"], // 60 × 1/28 = 2.142857…
    ["2026-11-30", "2026-11", "2.00"], // 60 × 1/30
  ])("start %s: %s = %s", (start, month, expected) => {
    const { c, vs } = seats(start);
    expect(monthCents(c, vs, month)).toBe(expected);
  });

  it("a version entered before the contract start only counts from the start", () => {
    const c = contract({ start: "2026-02-10" });
    const vs = [version({ validFrom: "2025-12-01", quantity: 5, unitPrice: "12.00" })];
    expect(monthCents(c, vs, "2026-01")).toBe("0.00");
    expect(monthCents(c, vs, "2026-02")).toBe("40.71");
  });

  it("a position added after the contract start counts from its own validFrom", () => {
    const c = contract({ start: "2026-01-01" });
    const vs = [version({ validFrom: "2026-02-10", quantity: 5, unitPrice: "12.00" })];
    expect(monthCents(c, vs, "2026-01")).toBe("0.00");
    expect(monthCents(c, vs, "2026-02")).toBe("40.71");
  });
});
