import type { Contract } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { monthOf, monthsBetween } from "../date/iso-month";
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
    // Every month from the start month on is credited (on its first day, or the start) up to the
    // month of `until` and, with an end, the month of the end: counted, not walked (a contract from
    // 1900 on has over a million months to 9999).
    const untilMonth = monthOf(until);
    const last = contract.end !== undefined && monthOf(contract.end) < untilMonth ? monthOf(contract.end) : untilMonth;
    const months = monthsBetween(monthOf(contract.start), last) + 1;
    if (months > 0) total = total.plus(new Decimal(rule.monthlyHours).times(months));
  }
  return total;
}
