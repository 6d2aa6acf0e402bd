/**
 * Day-exact proration for =MSP.PRORATE (pure; no Office runtime needed).
 * Temporary home: this is meant to move onto src/core later.
 *
 * Semantics: `amount` is the charge for the whole period [periodStart, periodEnd] (both inclusive;
 * default: the calendar month of `from`). The result is
 *   amount × (days of [from, to] inside the period) / (days in the period),
 * computed with decimal.js at full precision and rounded once to cents, half away from zero.
 */
import Decimal from "decimal.js";
import { InputError } from "./errors";
import { type DateInput, calendarMonthOf, formatDay, isMissing, parseDateInput, serialToDay } from "./inputs";

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

export { calendarMonthOf, formatDay, parseDateInput, serialToDay };
export type { DateInput };

/** The exact (unrounded) prorated amount as a Decimal; see the module comment. */
export function prorateExact(
  amount: number | string,
  from: DateInput,
  to: DateInput,
  periodStart?: DateInput,
  periodEnd?: DateInput,
): Decimal {
  if (typeof amount === "number" && !Number.isFinite(amount)) throw new InputError("functions.not_a_number", { label: "amount", value: String(amount) });
  if (typeof amount !== "number" && (typeof amount !== "string" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(amount.trim()))) {
    throw new InputError("functions.not_a_number", { label: "amount", value: String(amount) });
  }
  const total = new D(typeof amount === "string" ? amount.trim() : amount);

  const fromDay = parseDateInput(from, "from");
  const toDay = parseDateInput(to, "to");
  if (toDay < fromDay) throw new InputError("functions.to_before_from", { to: formatDay(toDay), from: formatDay(fromDay) });

  const startMissing = isMissing(periodStart);
  const endMissing = isMissing(periodEnd);
  if (startMissing !== endMissing) {
    throw new InputError("functions.period_incomplete");
  }
  let start: number;
  let end: number;
  if (startMissing) {
    ({ start, end } = calendarMonthOf(fromDay));
  } else {
    start = parseDateInput(periodStart, "period_start");
    end = parseDateInput(periodEnd, "period_end");
    if (end < start) throw new InputError("functions.period_reversed", { end: formatDay(end), start: formatDay(start) });
  }

  const coveredFrom = Math.max(fromDay, start);
  const coveredTo = Math.min(toDay, end);
  const covered = coveredTo >= coveredFrom ? coveredTo - coveredFrom + 1 : 0;
  const periodDays = end - start + 1;
  return total.times(covered).dividedBy(periodDays);
}

/** Prorated amount rounded to cents, half away from zero ("kaufmännisch"), as a number. */
export function prorate(
  amount: number | string,
  from: DateInput,
  to: DateInput,
  periodStart?: DateInput,
  periodEnd?: DateInput,
): number {
  const exact = prorateExact(amount, from, to, periodStart, periodEnd);
  const cents = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  // Avoid returning -0 for a zero share of a negative amount.
  return cents.isZero() ? 0 : cents.toNumber();
}
