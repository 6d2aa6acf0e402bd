/**
 * The case matrix (interval × billing mode × start day) for the first period of a contract with
 * 3 × 10.00 € = 30.00 € per month. The charge does not depend on the mode, the due date does.
 */
import { BillingInterval, BillingMode, dueDate, periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { periodCents } from "../../core/proration/helpers";

interface Case {
  start: string;
  interval: BillingInterval;
  period: [string, string];
  charge: string;
  due: Record<BillingMode, string>;
}

const cases: Case[] = [
  // a full first period
  { start: "2026-01-01", interval: "monthly", period: ["2026-01-01", "2026-01-31"], charge: "30.00", due: { advance: "2026-01-01", arrears: "2026-02-01" } },
  { start: "2026-01-01", interval: "quarterly", period: ["2026-01-01", "2026-03-31"], charge: "90.00", due: { advance: "2026-01-01", arrears: "2026-04-01" } },
  { start: "2026-01-01", interval: "semiannual", period: ["2026-01-01", "2026-06-30"], charge: "180.00", due: { advance: "2026-01-01", arrears: "2026-07-01" } },
  { start: "2026-01-01", interval: "annual", period: ["2026-01-01", "2026-12-31"], charge: "360.00", due: { advance: "2026-01-01", arrears: "2027-01-01" } },
  // start 2026-02-15: February is 14/28 = 15.00
  { start: "2026-02-15", interval: "monthly", period: ["2026-02-01", "2026-02-28"], charge: "15.00", due: { advance: "2026-02-01", arrears: "2026-03-01" } },
  { start: "2026-02-15", interval: "quarterly", period: ["2026-01-01", "2026-03-31"], charge: "45.00", due: { advance: "2026-01-01", arrears: "2026-04-01" } },
  { start: "2026-02-15", interval: "semiannual", period: ["2026-01-01", "2026-06-30"], charge: "135.00", due: { advance: "2026-01-01", arrears: "2026-07-01" } },
  { start: "2026-02-15", interval: "annual", period: ["2026-01-01", "2026-12-31"], charge: "315.00", due: { advance: "2026-01-01", arrears: "2027-01-01" } },
  // start on the last day of a quarter: 30 × 1/31 = 0.967741…
  { start: "2026-03-31", interval: "monthly", period: ["2026-03-01", "2026-03-31"], charge: "0.97", due: { advance: "2026-03-01", arrears: "2026-04-01" } },
  { start: "2026-03-31", interval: "quarterly", period: ["2026-01-01", "2026-03-31"], charge: "0.97", due: { advance: "2026-01-01", arrears: "2026-04-01" } },
  { start: "2026-03-31", interval: "semiannual", period: ["2026-01-01", "2026-06-30"], charge: "90.97", due: { advance: "2026-01-01", arrears: "2026-07-01" } },
  { start: "2026-03-31", interval: "annual", period: ["2026-01-01", "2026-12-31"], charge: "270.97", due: { advance: "2026-01-01", arrears: "2027-01-01" } },
  // start in the second half-year, 2026-08-20: August 30 × 12/31 = 11.612903…
  { start: "2026-08-20", interval: "monthly", period: ["2026-08-01", "2026-08-31"], charge: "11.61", due: { advance: "2026-08-01", arrears: "2026-09-01" } },
  { start: "2026-08-20", interval: "quarterly", period: ["2026-07-01", "2026-09-30"], charge: "41.61", due: { advance: "2026-07-01", arrears: "2026-10-01" } },
  { start: "2026-08-20", interval: "semiannual", period: ["2026-07-01", "2026-12-31"], charge: "131.61", due: { advance: "2026-07-01", arrears: "2027-01-01" } },
  { start: "2026-08-20", interval: "annual", period: ["2026-01-01", "2026-12-31"], charge: "131.61", due: { advance: "2026-01-01", arrears: "2027-01-01" } },
];

describe.each(cases)("start $start, $interval", ({ start, interval, period, charge, due }) => {
  describe.each<BillingMode>(["advance", "arrears"])("%s", (mode) => {
    const c = contract({ start, interval, mode });
    const vs = [version({ validFrom: start, quantity: 3, unitPrice: "10.00" })];
    const first = periodContaining(day(start), interval);

    it(`first period ${period[0]} … ${period[1]}, charge ${charge}, due ${due[mode]}`, () => {
      expect(first).toEqual({ start: period[0], end: period[1] });
      expect(periodCents(c, vs, first)).toBe(charge);
      expect(dueDate(first, mode)).toBe(due[mode]);
    });
  });
});
