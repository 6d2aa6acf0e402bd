import type { Contract } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { firstDayOf, lastDayOf, monthOf, monthRange } from "../date/iso-month";
import { Decimal, ZERO } from "../money/decimal";
import type { ContingentRule } from "./rules";

/**
 * Hours credited to a prepaid contingent up to and including `until`: every dated credit on or before
 * it, plus `monthlyHours` for every month the contract runs whose first day (or the contract start,
 * in the first month) is on or before it. Balances carry over from month to month.
 */
export function creditedHours(rule: ContingentRule | undefined, contract: Contract | undefined, until: IsoDate): Decimal {
  if (!rule) return ZERO;
  let total = ZERO;
  for (const c of rule.credits ?? []) if (c.date <= until) total = total.plus(c.hours);
  if (rule.monthlyHours !== undefined && contract && contract.start <= until) {
    for (const m of monthRange(monthOf(contract.start), monthOf(until))) {
      const creditDay = firstDayOf(m) < contract.start ? contract.start : firstDayOf(m);
      const ended = contract.end !== undefined && contract.end < firstDayOf(m);
      if (!ended && creditDay <= until && creditDay <= lastDayOf(m)) total = total.plus(rule.monthlyHours);
    }
  }
  return total;
}
