/**
 * Day-exact share of a periodic charge (MSP.PRORATE): `amount` is the charge for a whole period
 * (both ends inclusive; by default the calendar month of `from`), the share is
 *   amount × (days of [from, to] inside the period) / (days in the period),
 * computed at full precision; {@link dayShareCents} rounds it once to cents, half away from zero.
 */
import { type IsoDate, daysBetween, maxDate, minDate } from "../date/iso-date";
import { firstDayOf, lastDayOf, monthOf } from "../date/iso-month";
import { type Result, fail, issue, ok } from "../issues";
import { type Decimal, roundCents } from "../money/decimal";

/** A stretch of days, both ends inclusive. */
export interface DayPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** The calendar month a day lies in, as a period. */
export function calendarMonthOf(day: IsoDate): DayPeriod {
  const month = monthOf(day);
  return { start: firstDayOf(month), end: lastDayOf(month) };
}

/**
 * The exact (unrounded) share of `amount` for the days of [from, to] inside `period` (default: the
 * calendar month of `from`). Days outside the period count nothing, so the share never exceeds the
 * amount in magnitude. Issues: `to` before `from`, period end before its start.
 */
export function dayShare(amount: Decimal, from: IsoDate, to: IsoDate, period: DayPeriod = calendarMonthOf(from)): Result<Decimal> {
  if (to < from) return fail(issue("functions.to_before_from", { to, from }));
  if (period.end < period.start) return fail(issue("functions.period_reversed", { end: period.end, start: period.start }));
  const coveredFrom = maxDate(from, period.start);
  const coveredTo = minDate(to, period.end);
  const covered = coveredTo >= coveredFrom ? daysBetween(coveredFrom, coveredTo) + 1 : 0;
  return ok(amount.times(covered).dividedBy(daysBetween(period.start, period.end) + 1));
}

/** {@link dayShare} rounded to cents, half away from zero ("kaufmännisch"), never -0. */
export function dayShareCents(amount: Decimal, from: IsoDate, to: IsoDate, period?: DayPeriod): Result<Decimal> {
  const exact = dayShare(amount, from, to, period);
  if (!exact.ok) return exact;
  const cents = roundCents(exact.value);
  return ok(cents.isZero() ? cents.abs() : cents);
}
