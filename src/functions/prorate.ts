/**
 * =MSP.PRORATE: reads the arguments (src/core/input/cell-values.ts) and computes the day-exact share
 * in core (src/core/billing/day-share.ts). Problems throw {@link InputError} (#VALUE!).
 */
import { dayShareCents } from "../core/billing/day-share";
import { isMissing, readAmount, readDate } from "../core/input/cell-values";
import { InputError } from "./errors";
import { type DateInput, valueOrThrow } from "./inputs";

/**
 * `amount` (the charge for the whole period [period_start, period_end], default the calendar month
 * of `from`) × covered days / days in the period, rounded to cents half away from zero, as the
 * number Excel shows.
 */
export function prorate(amount: number | string, from: DateInput, to: DateInput, periodStart?: DateInput, periodEnd?: DateInput): number {
  const total = valueOrThrow(readAmount(amount, "amount"));
  const fromDay = valueOrThrow(readDate(from, "from"));
  const toDay = valueOrThrow(readDate(to, "to"));
  if (isMissing(periodStart) !== isMissing(periodEnd)) throw new InputError("functions.period_incomplete");
  const period = isMissing(periodStart) ? undefined : { start: valueOrThrow(readDate(periodStart, "period_start")), end: valueOrThrow(readDate(periodEnd, "period_end")) };
  return valueOrThrow(dayShareCents(total, fromDay, toDay, period)).toNumber();
}
