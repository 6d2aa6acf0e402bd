/**
 * Scenario: a quarterly contract (calendar quarters Jan–Mar …), 3 seats × 10.00 € per month.
 * A period's charge is the sum of its months, rounded once (PRODUCT.md §5.2).
 */
import { dueDate, periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const Q1 = periodContaining(day("2026-02-15"), "quarterly");

function quarterly(start: string, end?: string) {
  return {
    c: contract({ start, ...(end ? { end } : {}), interval: "quarterly" }),
    vs: [version({ validFrom: start, quantity: 3, unitPrice: "10.00" })],
  };
}

describe("quarterly, 3 × 10.00 € per month", () => {
  it("Q1 2026 is 2026-01-01 … 2026-03-31", () => {
    expect(Q1).toEqual({ start: "2026-01-01", end: "2026-03-31" });
  });

  it("full Q1 2026: 3 × 30.00 = 90.00", () => {
    const { c, vs } = quarterly("2026-01-01");
    expect(periodCents(c, vs, Q1)).toBe("90.00");
  });

  it("starting 2026-02-15: Feb 30 × 14/28 = 15.00 + March 30.00 = 45.00", () => {
    const { c, vs } = quarterly("2026-02-15");
    expect(monthCents(c, vs, "2026-01")).toBe("0.00");
    expect(monthCents(c, vs, "2026-02")).toBe("15.00");
    expect(monthCents(c, vs, "2026-03")).toBe("30.00");
    expect(periodCents(c, vs, Q1)).toBe("45.00");
  });

  it("starting 2026-01-20: 30 × 12/31 + 60 = 71.612903… → 71.61", () => {
    const { c, vs } = quarterly("2026-01-20");
    expect(periodCents(c, vs, Q1)).toBe("71.61");
  });

  it("starting on the last day 2026-03-31: 30 × 1/31 = 0.967741… → 0.97", () => {
    const { c, vs } = quarterly("2026-03-31");
    expect(periodCents(c, vs, Q1)).toBe("0.97");
  });

  it("rounds the quarter once, not each month: 2026-01-29 … 2026-03-07 = 30 × 3/31 + 30 + 30 × 7/31 = 39.677419… → 39.68", () => {
    // rounding each month first would give 2.90 + 30.00 + 6.77 = 39.67
    const { c, vs } = quarterly("2026-01-29", "2026-03-07");
    expect(monthCents(c, vs, "2026-01")).toBe("2.90");
    expect(monthCents(c, vs, "2026-03")).toBe("6.77");
    expect(periodCents(c, vs, Q1)).toBe("39.68");
  });

  it("ending 2026-05-10 inside Q2: April 30.00 + May 30 × 10/31 = 39.677419… → 39.68", () => {
    const { c, vs } = quarterly("2026-01-01", "2026-05-10");
    const q2 = periodContaining(day("2026-05-10"), "quarterly");
    expect(q2).toEqual({ start: "2026-04-01", end: "2026-06-30" });
    expect(periodCents(c, vs, q2)).toBe("39.68");
  });

  it("is due on 2026-01-01 in advance and 2026-04-01 in arrears", () => {
    expect(dueDate(Q1, "advance")).toBe("2026-01-01");
    expect(dueDate(Q1, "arrears")).toBe("2026-04-01");
  });

  it("Q4 crosses into the next year only with its due date in arrears", () => {
    const q4 = periodContaining(day("2026-11-15"), "quarterly");
    expect(q4).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(dueDate(q4, "arrears")).toBe("2027-01-01");
    const { c, vs } = quarterly("2026-01-01");
    expect(periodCents(c, vs, q4)).toBe("90.00");
  });
});
