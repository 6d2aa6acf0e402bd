import { MAX_DATE, addDays, isIsoDate, maxDate, type IsoDate } from "../date/iso-date";
import { addMonths, lastDayOf, monthOf, type IsoMonth } from "../date/iso-month";
import type { Contract } from "./model";

/**
 * `billed_until` (contract setting, README "Moving from another billing system"): the last day of the
 * last month an earlier billing system billed. Its months up to and including that one are settled
 * outside this program: the billing run charges no recurring amount for them and no difference, and a
 * billing period that straddles it is billed for its later months only, exactly as if the contract
 * started the day after (PRODUCT.md §5.2 day-exact proration per calendar month; the due date too).
 */

/** Why a billed_until value cannot be used with a contract start, or null. */
export type BilledUntilProblem = "not_month_end" | "before_start";

/**
 * The problem of a billed_until value: not the last day of a month, or earlier than the last day of
 * the month before the contract start's month (that value, "nothing billed elsewhere", is the
 * earliest accepted; anything before means nothing and is most likely a typo).
 */
export function billedUntilProblem(billedUntil: IsoDate, start: IsoDate): BilledUntilProblem | null {
  if (lastDayOf(monthOf(billedUntil)) !== billedUntil) return "not_month_end";
  if (billedUntil < earliestBilledUntil(start)) return "before_start";
  return null;
}

/** The earliest accepted billed_until of a contract starting on `start`: the last day of the month before. */
export function earliestBilledUntil(start: IsoDate): IsoDate {
  return lastDayOf(addMonths(monthOf(start), -1));
}

/** The last month settled outside this program, or undefined when the contract has no billed_until. */
export function settledOutside(contract: Pick<Contract, "billedUntil">): IsoMonth | undefined {
  const b = contract.billedUntil;
  return b !== undefined && isIsoDate(b) ? monthOf(b) : undefined;
}

/**
 * The contract as the due dates see it: starting the day after billed_until when that is later than
 * its start (a contract whose billed_until reaches its end has nothing left to bill: the start then
 * lies after the end). The same object when nothing is settled outside.
 */
export function billingView<C extends Pick<Contract, "start" | "billedUntil">>(contract: C): C {
  const b = contract.billedUntil;
  if (b === undefined || !isIsoDate(b) || b < contract.start) return contract;
  // 9999-12-31 has no next day: its month is left out by the callers all the same (settledOutside).
  return { ...contract, start: maxDate(contract.start, b >= MAX_DATE ? MAX_DATE : addDays(b, 1)) };
}
