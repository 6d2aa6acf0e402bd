import { IsoDate, addDays, daysBetween, daysInMonthOf, isoToYmd, ymdToIso } from "../../core/date/iso-date";
import { Decimal } from "../../core/money/decimal";

/**
 * The anniversary of `from` k months later: same day of month, clamped to the month's last day
 * (31 Jan + 1 month → 28/29 Feb).
 */
export function anniversary(from: IsoDate, k: number): IsoDate {
  const { y, m, d } = isoToYmd(from);
  const index = y * 12 + (m - 1) + k;
  const yy = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return ymdToIso(yy, mm, Math.min(d, daysInMonthOf(yy, mm)));
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
 */
export function coveredMonths(from: IsoDate, to: IsoDate): Decimal | null {
  if (to < from) return null;
  // Whole cycles: start from the calendar-month estimate and correct by at most a step or two.
  const a = isoToYmd(from);
  const b = isoToYmd(to);
  let n = Math.max(0, (b.y - a.y) * 12 + (b.m - a.m) - 1);
  while (n > 0 && addDays(anniversary(from, n), -1) > to) n--;
  while (addDays(anniversary(from, n + 1), -1) <= to) n++;
  const start = anniversary(from, n);
  const rest = daysBetween(start, to) + 1;
  const next = anniversary(from, n + 1);
  const len = daysBetween(start, next);
  if (rest <= 0 || rest >= len) return new Decimal(rest >= len ? n + 1 : n);
  return new Decimal(rest).div(len).plus(n);
}
