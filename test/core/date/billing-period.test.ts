import fc from "fast-check";
import {
  BILLING_INTERVALS,
  BILLING_MODES,
  BillingInterval,
  BillingPeriod,
  dueDate,
  intervalMonths,
  monthsOfPeriod,
  nextPeriod,
  periodContaining,
} from "../../../src/core/date/billing-period";
import { IsoDate, addDays, daysBetween } from "../../../src/core/date/iso-date";
import { daysInMonth, firstDayOf, lastDayOf, monthOf, monthsBetween } from "../../../src/core/date/iso-month";
import { businessDateArb } from "./arbitraries";

const d = (s: string) => s as IsoDate;
const p = (start: string, end: string): BillingPeriod => ({ start: d(start), end: d(end) });
const intervalArb = fc.constantFrom(...BILLING_INTERVALS);

describe("constants", () => {
  it("list every interval and mode", () => {
    expect(BILLING_INTERVALS).toEqual(["monthly", "quarterly", "semiannual", "annual"]);
    expect(BILLING_MODES).toEqual(["advance", "arrears"]);
  });

  it("interval lengths", () => {
    expect(BILLING_INTERVALS.map(intervalMonths)).toEqual([1, 3, 6, 12]);
  });
});

describe("periodContaining", () => {
  it.each<[string, BillingInterval, BillingPeriod]>([
    ["2026-02-10", "monthly", p("2026-02-01", "2026-02-28")],
    ["2028-02-29", "monthly", p("2028-02-01", "2028-02-29")],
    ["2026-02-10", "quarterly", p("2026-01-01", "2026-03-31")],
    ["2026-01-01", "quarterly", p("2026-01-01", "2026-03-31")],
    ["2026-03-31", "quarterly", p("2026-01-01", "2026-03-31")],
    ["2026-04-01", "quarterly", p("2026-04-01", "2026-06-30")],
    ["2026-08-15", "quarterly", p("2026-07-01", "2026-09-30")],
    ["2026-12-31", "quarterly", p("2026-10-01", "2026-12-31")],
    ["2026-06-30", "semiannual", p("2026-01-01", "2026-06-30")],
    ["2026-07-01", "semiannual", p("2026-07-01", "2026-12-31")],
    ["2026-02-10", "annual", p("2026-01-01", "2026-12-31")],
    ["2028-12-31", "annual", p("2028-01-01", "2028-12-31")],
  ])("%s, %s → %j", (date, interval, period) => {
    expect(periodContaining(d(date), interval)).toEqual(period);
  });

  it("is calendar-aligned, the right length and contains the date", () => {
    fc.assert(
      fc.property(businessDateArb, intervalArb, (date, interval) => {
        const len = intervalMonths(interval);
        const period = periodContaining(date, interval);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(period.start).toBe(firstDayOf(monthOf(period.start)));
        expect(period.end).toBe(lastDayOf(monthOf(period.end)));
        expect((Number(period.start.slice(5, 7)) - 1) % len).toBe(0);
        expect(monthsBetween(monthOf(period.start), monthOf(period.end))).toBe(len - 1);
      }),
    );
  });

  it("gives the same period for every day in it", () => {
    fc.assert(
      fc.property(businessDateArb, intervalArb, fc.nat(400), (date, interval, k) => {
        const period = periodContaining(date, interval);
        const other = addDays(period.start, k % (daysBetween(period.start, period.end) + 1));
        expect(periodContaining(other, interval)).toEqual(period);
      }),
    );
  });
});

describe("nextPeriod", () => {
  it("follows on the next day", () => {
    expect(nextPeriod(p("2026-10-01", "2026-12-31"), "quarterly")).toEqual(p("2027-01-01", "2027-03-31"));
    expect(nextPeriod(p("2028-01-01", "2028-01-31"), "monthly")).toEqual(p("2028-02-01", "2028-02-29"));
    expect(nextPeriod(p("2026-07-01", "2026-12-31"), "semiannual")).toEqual(p("2027-01-01", "2027-06-30"));
  });

  it("tiles a year without gaps or overlaps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), intervalArb, (year, interval) => {
        let period = periodContaining(d(`${year}-01-01`), interval);
        let days = 0;
        const count = 12 / intervalMonths(interval);
        for (let i = 0; i < count; i++) {
          days += daysBetween(period.start, period.end) + 1;
          const next = nextPeriod(period, interval)!;
          expect(next.start).toBe(addDays(period.end, 1));
          period = next;
        }
        expect(period.start).toBe(`${year + 1}-01-01`);
        expect(days).toBe(daysBetween(d(`${year}-01-01`), d(`${year + 1}-01-01`)));
      }),
    );
  });
});

describe("monthsOfPeriod", () => {
  it("lists the calendar months in order", () => {
    expect(monthsOfPeriod(p("2026-01-01", "2026-03-31"))).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(monthsOfPeriod(p("2026-02-01", "2026-02-28"))).toEqual(["2026-02"]);
    expect(monthsOfPeriod(p("2026-07-01", "2026-12-31"))).toHaveLength(6);
  });

  it("covers exactly the days of the period", () => {
    fc.assert(
      fc.property(businessDateArb, intervalArb, (date, interval) => {
        const period = periodContaining(date, interval);
        const months = monthsOfPeriod(period);
        expect(months).toHaveLength(intervalMonths(interval));
        expect(months.reduce((s, m) => s + daysInMonth(m), 0)).toBe(daysBetween(period.start, period.end) + 1);
      }),
    );
  });

  it("works for the last period of the calendar", () => {
    expect(monthsOfPeriod(periodContaining(d("9999-12-31"), "quarterly"))).toEqual(["9999-10", "9999-11", "9999-12"]);
  });
});

describe("dueDate", () => {
  it("advance: the first day of the period", () => {
    expect(dueDate(p("2026-01-01", "2026-03-31"), "advance")).toBe("2026-01-01");
    expect(dueDate(p("2026-02-01", "2026-02-28"), "advance")).toBe("2026-02-01");
  });

  it("arrears: the day after the last day", () => {
    expect(dueDate(p("2026-01-01", "2026-03-31"), "arrears")).toBe("2026-04-01");
    expect(dueDate(p("2028-02-01", "2028-02-29"), "arrears")).toBe("2028-03-01");
    expect(dueDate(p("2026-10-01", "2026-12-31"), "arrears")).toBe("2027-01-01");
  });

  it("arrears is due when the next period starts", () => {
    fc.assert(
      fc.property(businessDateArb, intervalArb, (date, interval) => {
        const period = periodContaining(date, interval);
        expect(dueDate(period, "arrears")).toBe(dueDate(nextPeriod(period, interval)!, "advance"));
      }),
    );
  });
});
