/** The day-exact share of a periodic charge (MSP.PRORATE's arithmetic). */
import fc from "fast-check";
import { calendarMonthOf, dayShare, dayShareCents } from "../../../src/core/billing/day-share";
import { type IsoDate, addDays } from "../../../src/core/date/iso-date";
import type { Result } from "../../../src/core/issues";
import { Decimal } from "../../../src/core/money/decimal";

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const d = (s: string) => s as IsoDate;

describe("dayShare", () => {
  it("shares by covered days of the calendar month of from, by default", () => {
    expect(value(dayShare(new Decimal(31), d("2026-01-01"), d("2026-01-10"))).toString()).toBe("10");
    expect(value(dayShare(new Decimal(29), d("2024-02-15"), d("2024-02-29"))).toString()).toBe("15");
    expect(value(dayShare(new Decimal(30), d("2026-04-16"), d("2026-05-31"))).toString()).toBe("15");
    expect(calendarMonthOf(d("2024-02-10"))).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });

  it("counts nothing outside the period", () => {
    expect(value(dayShare(new Decimal(90), d("2026-04-01"), d("2026-04-30"), { start: d("2026-01-01"), end: d("2026-03-31") })).isZero()).toBe(true);
  });

  it("refuses to before from and a reversed period", () => {
    expect(dayShare(new Decimal(1), d("2026-01-31"), d("2026-01-01"))).toMatchObject({ ok: false, issues: [{ code: "functions.to_before_from", params: { to: "2026-01-01", from: "2026-01-31" } }] });
    expect(dayShare(new Decimal(1), d("2026-01-01"), d("2026-01-31"), { start: d("2026-03-31"), end: d("2026-01-01") })).toMatchObject({ ok: false, issues: [{ code: "functions.period_reversed" }] });
  });

  it("rounds once to cents, half away from zero, never -0", () => {
    const day = { start: d("2026-01-01"), end: d("2026-01-02") };
    expect(value(dayShareCents(new Decimal("0.01"), d("2026-01-01"), d("2026-01-01"), day)).toFixed(2)).toBe("0.01");
    expect(value(dayShareCents(new Decimal("-0.01"), d("2026-01-01"), d("2026-01-01"), day)).toFixed(2)).toBe("-0.01");
    expect(Object.is(value(dayShareCents(new Decimal(-5), d("2026-04-01"), d("2026-04-30"), { start: d("2026-01-01"), end: d("2026-03-31") })).toNumber(), -0)).toBe(false);
  });

  it("the shares of consecutive day ranges add up to the share of their union, exactly in cents of a whole month", () => {
    const start = d("2026-01-01");
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 30 }), (cents, split) => {
        const amount = new Decimal(cents).dividedBy(100);
        const month = calendarMonthOf(start);
        const a = value(dayShare(amount, start, addDays(start, split)));
        const b = split < 30 ? value(dayShare(amount, addDays(start, split + 1), month.end)) : new Decimal(0);
        return a.plus(b).minus(amount).abs().lte("1e-25") && value(dayShareCents(amount, month.start, month.end)).eq(amount);
      }),
    );
  });
});
