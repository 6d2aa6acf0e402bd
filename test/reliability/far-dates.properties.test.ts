/**
 * Issue 16, item 1, as properties over the whole accepted date range (1900-01-01 … 9999-12-31) and
 * every billing interval and mode. Termination is proven by step bounds inside the code (duePeriods,
 * nextDueDate and coveredMonths assert a bound on their loops, so a loop that would not end throws
 * instead): each property here fails if any of them is hit, and checks the results are right.
 */
import fc from "fast-check";
import { duePeriods, nextDueDate } from "../../src/core/billing/due-charges";
import { computeBillingRun } from "../../src/core/billing/run-billing";
import type { Contract } from "../../src/core/contract/model";
import { BILLING_INTERVALS, BILLING_MODES, dueDate, intervalMonths, nextPeriod, periodContaining } from "../../src/core/date/billing-period";
import { IsoDate, MAX_DATE, MIN_DATE, addDays, fromDayNumber, isoToYmd, toDayNumber } from "../../src/core/date/iso-date";
import { IsoMonth, addMonths, firstDayOf, lastDayOf, monthOf, monthRange, monthsBetween } from "../../src/core/date/iso-month";
import { Decimal } from "../../src/core/money/decimal";
import { creditedHours } from "../../src/core/time/contingent";
import { isStrictDateOutsideRange, parseStrictDate } from "../../src/io/table/cell-reader";
import { isDateTextOutsideRange, parseDateText } from "../../src/io/values";
import { coveredMonths } from "../../src/io/vendor/covered-months";
import { contract, version } from "../support/billing-factories";

const FIRST = toDayNumber(MIN_DATE);
const LAST = toDayNumber(MAX_DATE);
/** Any accepted date, with the edges of the calendar drawn often. */
const dateArb: fc.Arbitrary<IsoDate> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber) },
  { weight: 2, arbitrary: fc.integer({ min: LAST - 800, max: LAST }).map(fromDayNumber) },
  { weight: 1, arbitrary: fc.integer({ min: FIRST, max: FIRST + 800 }).map(fromDayNumber) },
);
const intervalArb = fc.constantFrom(...BILLING_INTERVALS);
const modeArb = fc.constantFrom(...BILLING_MODES);
const sorted = (a: IsoDate, b: IsoDate): [IsoDate, IsoDate] => (a <= b ? [a, b] : [b, a]);

/** A contract over the whole range: start ≤ end (or no end), any interval and mode. */
const contractArb = fc
  .record({ a: dateArb, b: dateArb, open: fc.boolean(), interval: intervalArb, mode: modeArb })
  .map(({ a, b, open, interval, mode }): Contract => {
    const [start, end] = sorted(a, b);
    return contract({ interval, mode, start, ...(open ? {} : { end }) });
  });

describe("billing periods over the whole accepted range", () => {
  it("periods tile the calendar to its last day and stop there, for every interval", () => {
    fc.assert(
      fc.property(dateArb, intervalArb, (day, interval) => {
        const p = periodContaining(day, interval);
        expect(p.start <= day && day <= p.end).toBe(true);
        const next = nextPeriod(p, interval);
        if (p.end === MAX_DATE) expect(next).toBeNull();
        else expect(next!.start).toBe(addDays(p.end, 1));
        expect(dueDate(p, "advance")).toBe(p.start);
        expect(dueDate(p, "arrears")).toBe(p.end === MAX_DATE ? null : addDays(p.end, 1));
      }),
      { numRuns: 2000 },
    );
  });

  it("due periods end, are contiguous, lie inside the contract and fall due by the run month", () => {
    fc.assert(
      fc.property(contractArb, dateArb, (c, runDay) => {
        const runMonth = monthOf(runDay);
        const periods = duePeriods(c, runMonth);
        const limit = lastDayOf(runMonth);
        // plain comparisons per period (an expect per period would dominate the run time)
        const wrong = periods.findIndex((p, i) => {
          const due = dueDate(p, c.mode);
          const inside = p.start >= c.start && (c.end === undefined || p.end <= c.end) && p.start <= p.end;
          return !inside || due === null || due > limit || (i > 0 && p.start !== addDays(periods[i - 1]!.end, 1));
        });
        expect(wrong).toBe(-1);
        // nothing left out: the period after the last one is not due yet (or does not exist)
        const after = periods.length === 0 ? periodContaining(c.start, c.interval) : nextPeriod(periodContaining(periods[periods.length - 1]!.start, c.interval), c.interval);
        if (after && c.start <= limit && (c.end === undefined || after.start <= c.end)) {
          const cut = { start: after.start < c.start ? c.start : after.start, end: c.end !== undefined && c.end < after.end ? c.end : after.end };
          const due = dueDate(cut, c.mode);
          expect(due === null || due > limit).toBe(true);
        }
        // one period per interval at most, from the start to the run month
        expect(periods.length).toBeLessThanOrEqual(Math.floor(Math.max(0, monthsBetween(monthOf(c.start), runMonth) + 1) / intervalMonths(c.interval)) + 2);
      }),
      // a run walks up to 97,200 periods (monthly from 1900 to 9999): ~0.1 s each
      { numRuns: 40 },
    );
  });

  it("the next due date is a due date on or after the day, or null when none is left in the calendar", () => {
    fc.assert(
      fc.property(contractArb, fc.integer({ min: -40, max: 800 }), (c, offset) => {
        // days around the contract (the whole range is covered by the contract dates themselves)
        const day = fromDayNumber(Math.min(LAST, Math.max(FIRST, toDayNumber(c.start) + offset)));
        const due = nextDueDate(c, day);
        if (due === null) {
          // nothing falls due from `day` to the end of the calendar
          expect(duePeriods(c, "9999-12").some((p) => dueDate(p, c.mode)! >= day)).toBe(false);
          return;
        }
        expect(due >= day).toBe(true);
        const dues = duePeriods(c, monthOf(due)).map((p) => dueDate(p, c.mode)!);
        expect(dues).toContain(due);
        expect(dues.filter((d) => d >= day && d < due)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("a billing run of any month bills contracts of any dates without a hang and with exact cents", () => {
    fc.assert(
      fc.property(dateArb, intervalArb, modeArb, fc.integer({ min: 0, max: 24 }), (start, interval, mode, monthsLater) => {
        const startMonth = monthOf(start);
        const runMonth: IsoMonth = addMonths(startMonth, Math.min(monthsLater, monthsBetween(startMonth, "9999-12")));
        const r = computeBillingRun({
          runId: "r",
          runMonth,
          invoiceDate: lastDayOf(runMonth),
          customers: [{ no: "K-1", name: "Muster GmbH" }],
          contracts: [contract({ start, interval, mode })],
          versions: [version({ validFrom: start })],
          ledger: [],
          nextInvoiceNumber: 1,
        });
        expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
        for (const inv of r.invoices) expect(inv.netTotal).toMatch(/^-?\d+\.\d{2}$/);
      }),
      { numRuns: 150 },
    );
  });
});

describe("covered months of vendor charge periods over the whole range", () => {
  it("is defined for from ≤ to, null otherwise, grows with the end and counts whole cycles exactly", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [from, to] = sorted(a, b);
        const n = coveredMonths(from, to)!;
        expect(n).not.toBeNull();
        expect(n.isNegative()).toBe(false);
        if (from !== to) expect(coveredMonths(to, from)).toBeNull();
        if (to !== MAX_DATE) expect(coveredMonths(from, addDays(to, 1))!.gte(n)).toBe(true);
        // 1 – 31 of a month is exactly one cycle
        const month = monthOf(from);
        expect(coveredMonths(firstDayOf(month), lastDayOf(month))!.toString()).toBe("1");
      }),
      { numRuns: 2000 },
    );
  });

  it("whole years from the first of a month are 12 per year, up to the end of the calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const from = `${y}-${String(m).padStart(2, "0")}-01` as IsoDate;
        const months = monthsBetween(monthOf(from), "9999-12") + 1;
        expect(coveredMonths(from, MAX_DATE)!.toString()).toBe(String(months));
      }),
      { numRuns: 500 },
    );
  });
});

describe("contingent credits over the whole range", () => {
  it("counting months agrees with walking them", () => {
    const walked = (c: Contract, until: IsoDate): Decimal => {
      let months = 0;
      if (c.start <= until)
        for (const m of monthRange(monthOf(c.start), monthOf(until))) if (!(c.end !== undefined && c.end < firstDayOf(m))) months++;
      return new Decimal(3).times(months);
    };
    fc.assert(
      fc.property(contractArb, fc.integer({ min: -40, max: 400 }), (c, offset) => {
        const untilDay = Math.min(LAST, Math.max(FIRST, toDayNumber(c.start) + offset * 15));
        const until = fromDayNumber(untilDay);
        expect(creditedHours({ monthlyHours: "3" }, c, until).toString()).toBe(walked(c, until).toString());
      }),
      { numRuns: 500 },
    );
  });
});

describe("date cells over the whole range", () => {
  it("every accepted date is read back in every written form", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const { y, m, d } = isoToYmd(date);
        const german = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
        expect(parseStrictDate(date)).toBe(date);
        expect(parseStrictDate(german)).toBe(date);
        expect(parseDateText(date)).toBe(date);
        expect(parseDateText(german, "dmy")).toBe(date);
        expect(parseDateText(`${m}/${d}/${y}`, "mdy")).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it("a real day before 1900 is told apart from a non-date", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber("0001-01-01"), max: FIRST - 1 }).map(fromDayNumber), (date) => {
        const { y, m, d } = isoToYmd(date);
        const german = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${String(y).padStart(4, "0")}`;
        expect(parseStrictDate(date)).toBeNull();
        expect(isStrictDateOutsideRange(date)).toBe(true);
        expect(parseStrictDate(german)).toBeNull();
        expect(isStrictDateOutsideRange(german)).toBe(true);
        expect(parseDateText(date)).toBeNull();
        expect(isDateTextOutsideRange(date)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(isStrictDateOutsideRange("2026-02-30")).toBe(false);
    expect(isDateTextOutsideRange("no date")).toBe(false);
  });
});

describe("unknown billing intervals", () => {
  it("any interval or mode the program does not know is refused by the run, which bills the rest", () => {
    const known = new Set<string>([...BILLING_INTERVALS, ...BILLING_MODES]);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => !known.has(s)), fc.boolean(), (odd, asInterval) => {
        const bad = contract({ no: "V-X", ...(asInterval ? { interval: odd as Contract["interval"] } : { mode: odd as Contract["mode"] }) });
        const r = computeBillingRun({
          runId: "r",
          runMonth: "2026-03",
          invoiceDate: "2026-03-31",
          customers: [{ no: "K-1", name: "Muster GmbH" }],
          contracts: [bad, contract()],
          versions: [version({ contractNo: "V-X" }), version()],
          ledger: [],
          nextInvoiceNumber: 1,
        });
        expect(r.issues.map((i) => [i.code, i.params.field])).toEqual([["billing.invalid_contract", asInterval ? "billing_interval" : "billing_mode"]]);
        expect(r.invoices.flatMap((i) => i.lines.map((l) => l.contractNo))).toEqual(["V-1", "V-1", "V-1"]);
      }),
      { numRuns: 200 },
    );
  });

  it("period arithmetic with an unknown interval is an assertion (a bug), never a loop", () => {
    expect(() => intervalMonths("weekly" as never)).toThrow(/unknown billing interval/);
    expect(() => periodContaining("2026-01-01", "toString" as never)).toThrow(/unknown billing interval/);
  });
});
