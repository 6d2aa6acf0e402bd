/**
 * Scenario: a contract that ends inside a month is billed up to and including its end day
 * (PRODUCT.md §5.2). 2 × 49.00 € = 98.00 € per month.
 */
import { periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const vs = [version({ validFrom: "2026-01-01", quantity: 2, unitPrice: "49.00" })];

describe("contract ending inside a month, 2 × 49.00 €", () => {
  it.each([
    ["2026-04-15", "2026-04", "49.00"], // 98 × 15/30
    ["2026-04-30", "2026-04", "98.00"], // last day: full month
    ["2026-05-01", "2026-05", "3.16"], // 98 × 1/31 = 3.161290…
    ["2026-02-27", "2026-02", "94.50"], // 98 × 27/28
    ["2026-03-30", "2026-03", "94.84"], // 98 × 30/31 = 94.838709…
  ])("ending %s: %s = %s", (end, month, expected) => {
    const c = contract({ start: "2026-01-01", end });
    expect(monthCents(c, vs, month)).toBe(expected);
  });

  it("nothing after the end, although the version is still valid", () => {
    const c = contract({ start: "2026-01-01", end: "2026-04-15" });
    expect(monthCents(c, vs, "2026-05")).toBe("0.00");
    expect(monthCents(c, vs, "2027-01")).toBe("0.00");
  });

  it("quarterly Q2 with an end on 2026-04-15: 49.00", () => {
    const c = contract({ start: "2026-01-01", end: "2026-04-15", interval: "quarterly" });
    expect(periodCents(c, vs, periodContaining(day("2026-04-15"), "quarterly"))).toBe("49.00");
  });

  it("start and end in the same month, 2026-03-10 … 2026-03-20: 98 × 11/31 = 34.774193… → 34.77", () => {
    const c = contract({ start: "2026-03-10", end: "2026-03-20" });
    expect(monthCents(c, vs, "2026-03")).toBe("34.77");
  });

  it("a one-day contract, 2026-03-10: 98 × 1/31 = 3.161290… → 3.16", () => {
    const c = contract({ start: "2026-03-10", end: "2026-03-10" });
    expect(monthCents(c, vs, "2026-03")).toBe("3.16");
  });

  it("a version change after the end is ignored", () => {
    const c = contract({ start: "2026-01-01", end: "2026-04-15" });
    const changed = [...vs, version({ validFrom: "2026-04-20", quantity: 50, unitPrice: "49.00" })];
    expect(monthCents(c, changed, "2026-04")).toBe("49.00");
  });
});
