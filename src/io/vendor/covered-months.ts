import { assert } from "../../core/assert";
import { IsoDate, dayNumberOf, daysInMonthOf, isoToYmd, ymdToIso } from "../../core/date/iso-date";
import { Decimal } from "../../core/money/decimal";

/**
 * The anniversary of `from` k months later: same day of month, clamped to the month's last day
 * (31 Jan + 1 month → 28/29 Feb).
 */
export function anniversary(from: IsoDate, k: number): IsoDate {
  const { y, m, d } = anniversaryYmd(from, k);
  return ymdToIso(y, m, d);
}

function anniversaryYmd(from: IsoDate, k: number): { y: number; m: number; d: number } {
  const { y, m, d } = isoToYmd(from);
  const index = y * 12 + (m - 1) + k;
  const yy = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return { y: yy, m: mm, d: Math.min(d, daysInMonthOf(yy, mm)) };
}

/** Day number of an anniversary; also past 9999-12-31, where no `YYYY-MM-DD` text exists. */
function anniversaryDay(from: IsoDate, k: number): number {
  const { y, m, d } = anniversaryYmd(from, k);
  return dayNumberOf(y, m, d);
}

/**
 * Months covered by a charge period `from … to` (both days included), as Microsoft's charge cycles
 * run from an anniversary day:
 *
 * ```
 * n    = the largest k ≥ 0 with anniversary(from, k) − 1 day ≤ to        (whole cycles)
 * rest = days from anniversary(from, n) to `to`, both included            (0 … cycle length − 1)
 * len  = days from anniversary(from, n) to anniversary(from, n + 1) − 1  (length of the next cycle)
 * coveredMonths = n + rest / len
 * ```
 *
 * A whole monthly cycle (10 Jun – 9 Jul, or 1 – 30 Jun) is exactly 1, an annual one 12, and a
 * 29-day proration starting 11 Jun is 29/30. Null when `to` is before `from`.
 *
 * NOTE: computed on day numbers, never by comparing date texts: the anniversary after a period that
 * ends on 9999-12-31 lies in year 10000, whose text sorts before "9999-…". n starts from the
 * calendar-month estimate, which is at most one cycle off, so the corrections take at most two steps
 * whatever the length of the period (an open end of 9999-12-31 is about 95,000 months).
 */
export function coveredMonths(from: IsoDate, to: IsoDate): Decimal | null {
  const a = isoToYmd(from);
  const b = isoToYmd(to);
  const toDay = dayNumberOf(b.y, b.m, b.d);
  if (toDay < dayNumberOf(a.y, a.m, a.d)) return null;
  let n = Math.max(0, (b.y - a.y) * 12 + (b.m - a.m) - 1);
  let steps = 0;
  while (n > 0 && anniversaryDay(from, n) - 1 > toDay) {
    n--;
    assert(++steps <= 2, "coveredMonths: estimate off by more than two cycles");
  }
  while (anniversaryDay(from, n + 1) - 1 <= toDay) {
    n++;
    assert(++steps <= 2, "coveredMonths: estimate off by more than two cycles");
  }
  const start = anniversaryDay(from, n);
  const rest = toDay - start + 1;
  const len = anniversaryDay(from, n + 1) - start;
  if (rest <= 0 || rest >= len) return new Decimal(rest >= len ? n + 1 : n);
  return new Decimal(rest).div(len).plus(n);
}
