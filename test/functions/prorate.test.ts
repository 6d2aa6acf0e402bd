import fc from "fast-check";
import { prorate } from "../../src/functions/functions";
import { calendarMonthOf, dayShare } from "../../src/core/billing/day-share";
import { type IsoDate, fromExcelSerial } from "../../src/core/date/iso-date";
import { Decimal } from "../../src/core/money/decimal";

/** Excel serial (1900 system) of an ISO date, for dates after 1900-02-28. */
function serial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

/** The exact share from core, for amounts given as Excel passes them. */
function exact(amount: number, from: string, to: string, period?: { start: IsoDate; end: IsoDate }): Decimal {
  const r = dayShare(new Decimal(amount), from, to, period);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function errorOf(fn: () => unknown): { code?: string; message?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error("expected a throw");
}

describe("MSP.PRORATE: good input", () => {
  it.each([
    // amount, from, to, periodStart, periodEnd, expected
    [100, "2026-01-01", "2026-01-31", undefined, undefined, 100],
    [31, "2026-01-01", "2026-01-10", undefined, undefined, 10],
    [28, "2026-02-15", "2026-02-28", undefined, undefined, 14],
    [29, "2024-02-15", "2024-02-29", undefined, undefined, 15], // leap year: 29 days
    [30, "2026-04-16", "2026-05-31", undefined, undefined, 15], // clipped to April (month of from)
    [100, "2026-01-10", "2026-01-10", undefined, undefined, 3.23], // 100/31 = 3.2258…
    [10, "2026-01-01", "2026-01-16", undefined, undefined, 5.16], // 160/31 = 5.1612…
    [-31, "2026-01-01", "2026-01-10", undefined, undefined, -10], // credit
    [-10, "2026-01-01", "2026-01-16", undefined, undefined, -5.16],
    [90, "2026-02-01", "2026-03-31", "2026-01-01", "2026-03-31", 59], // quarter of 90 days
    [90, "2025-12-01", "2026-01-31", "2026-01-01", "2026-03-31", 31], // clipped at period start
    [90, "2026-04-01", "2026-04-30", "2026-01-01", "2026-03-31", 0], // no overlap
    [365, "01.07.2026", "31.12.2026", "01.01.2026", "31.12.2026", 184],
    [12.34, "2026-03-01", "2026-03-31", undefined, undefined, 12.34],
  ])("PRORATE(%p, %p, %p, %p, %p) = %p", (amount, from, to, ps, pe, expected) => {
    expect(prorate(amount, from, to, ps, pe)).toBe(expected);
  });

  it("accepts Excel date serials and ignores a time of day", () => {
    expect(serial("2026-01-01")).toBe(46023);
    expect(prorate(31, serial("2026-01-01"), serial("2026-01-10"))).toBe(10);
    expect(prorate(31, 46023.75, "10.01.2026")).toBe(10);
  });

  it("treats null and empty text as a missing optional period (as Excel passes them)", () => {
    expect(prorate(31, "2026-01-01", "2026-01-10", null as unknown as string, "")).toBe(10);
  });

  it("rounds half away from zero, once, on the exact share", () => {
    expect(prorate(0.05, "2026-01-01", "2026-01-31", "2026-01-01", "2026-01-31")).toBe(0.05);
    expect(prorate(0.01, "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-02")).toBe(0.01); // 0.005 → 0.01
    expect(prorate(-0.01, "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-02")).toBe(-0.01); // -0.005 → -0.01
    expect(prorate(-5, "2026-04-01", "2026-04-30", "2026-01-01", "2026-03-31")).toBe(0); // never -0
    expect(Object.is(prorate(-5, "2026-04-01", "2026-04-30", "2026-01-01", "2026-03-31"), -0)).toBe(false);
  });

  it("keeps full precision before rounding (the exact share in core)", () => {
    expect(exact(100, "2026-01-10", "2026-01-10").toString()).toMatch(/^3\.225806451612903225806451612903226$/);
    // day parts of a month add up exactly to the whole before rounding
    const parts = [exact(1000, "2026-01-01", "2026-01-10"), exact(1000, "2026-01-11", "2026-01-20"), exact(1000, "2026-01-21", "2026-01-31")];
    expect(parts.reduce((a, b) => a.plus(b)).toDecimalPlaces(20).toString()).toBe("1000");
  });
});

describe("MSP.PRORATE: properties", () => {
  const dayArb = fc.integer({ min: 0, max: 3650 }).map((n) => 46023 + n); // 2026 … 2035
  const centsArb = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100);
  const day = (serial: number) => fromExcelSerial(serial)!;
  const period = { start: day(46023), end: day(46023 + 3700) };

  it("splitting a service range at any day keeps the total (to 34 significant digits)", () => {
    fc.assert(
      fc.property(centsArb, dayArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (amount, from, a, b) => {
        const split = from + Math.min(a, b);
        const to = from + Math.max(a, b) + 1;
        const whole = exact(amount, day(from), day(to), period);
        const parts = exact(amount, day(from), day(split), period).plus(exact(amount, day(split + 1), day(to), period));
        // Each share is one division rounded at 34 significant digits: equal far below a cent.
        return parts.minus(whole).abs().lte("1e-25");
      }),
    );
  });

  it("a full calendar month is exactly the amount, and never more than the amount in magnitude", () => {
    fc.assert(
      fc.property(centsArb, dayArb, fc.integer({ min: 0, max: 60 }), (amount, from, length) => {
        const { start, end } = calendarMonthOf(day(from));
        expect(prorate(amount, start, end)).toBe(amount);
        return Math.abs(prorate(amount, from, from + length)) <= Math.abs(amount);
      }),
    );
  });
});

describe("MSP.PRORATE: bad input gives #VALUE! with a message", () => {
  it.each([
    ["text amount", "abc", "2026-01-01", "2026-01-31", undefined, undefined, /amount/],
    ["NaN amount", Number.NaN, "2026-01-01", "2026-01-31", undefined, undefined, /amount/],
    ["to before from", 100, "2026-01-31", "2026-01-01", undefined, undefined, /before from/],
    ["impossible date", 100, "2026-02-30", "2026-03-01", undefined, undefined, /not a valid calendar date/],
    ["unknown text format", 100, "01/02/2026", "2026-03-01", undefined, undefined, /not a date/],
    ["German date, impossible", 100, "31.04.2026", "2026-05-01", undefined, undefined, /not a valid calendar date/],
    ["missing from", 100, null, "2026-03-01", undefined, undefined, /from is missing/],
    ["boolean date", 100, true, "2026-03-01", undefined, undefined, /not a date/],
    ["serial 0", 100, 0, 46023, undefined, undefined, /outside Excel's date range/],
    ["negative serial", 100, -5, 46023, undefined, undefined, /outside Excel's date range/],
    ["serial 60 (1900-02-29)", 100, 60, 46023, undefined, undefined, /does not exist/],
    ["serial past 9999", 100, 46023, 3_000_000, undefined, undefined, /outside Excel's date range/],
    ["only period_start", 100, "2026-01-01", "2026-01-31", "2026-01-01", undefined, /together/],
    ["only period_end", 100, "2026-01-01", "2026-01-31", undefined, "2026-01-31", /together/],
    ["period reversed", 100, "2026-01-01", "2026-01-31", "2026-03-31", "2026-01-01", /period_end .* before period_start/],
  ])("%s", (_label, amount, from, to, ps, pe, message) => {
    const error = errorOf(() => prorate(amount as number, from as string, to as string, ps, pe));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("throws the real CustomFunctions.Error when the runtime provides it", () => {
    class FakeCfError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" } };
    try {
      const error = errorOf(() => prorate(100, "x", "2026-01-01"));
      expect(error).toBeInstanceOf(FakeCfError);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/from/);
    } finally {
      delete g.CustomFunctions;
    }
  });
});
