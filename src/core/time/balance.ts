import type { Contract } from "../contract/model";
import { IsoMonth, addMonths, lastDayOf, monthOf } from "../date/iso-month";
import { Decimal, ZERO } from "../money/decimal";
import { creditedHours } from "./contingent";
import { type TimeEntry, isBilled } from "./model";
import { type Rules, effectiveTimeRules } from "./rules";

/** Hours of a contract in one month (ConnectWise calls them Starting, Used, Remaining, Overrun). */
export interface ContingentBalance {
  contractNo: string;
  month: IsoMonth;
  /** Contingent balance at the start of the month. */
  start: Decimal;
  /** Hours credited during the month. */
  credited: Decimal;
  /** Contingent hours used by the month's entries. */
  used: Decimal;
  /** start + credited − used. */
  remaining: Decimal;
  /** Hours of the month charged beyond included hours and contingent. */
  overrun: Decimal;
  /** Included hours of the month and how many the month's entries used. */
  included: Decimal;
  includedUsed: Decimal;
}

/**
 * The balance report of a contract for a month (PRODUCT.md §5.4), from what active runs recorded on the
 * entries. Usage is counted by the entry's month; pass entries with a provisional `billing` to preview.
 */
export function contingentBalance(contract: Contract, rules: Rules, entries: readonly TimeEntry[], activeRuns: ReadonlySet<string>, month: IsoMonth): ContingentBalance {
  const r = effectiveTimeRules(rules, contract.no);
  const hours = (units: number, unitMinutes: number) => new Decimal(units * unitMinutes).dividedBy(60);
  let usedBefore = ZERO;
  let used = ZERO;
  let overrun = ZERO;
  let includedUsed = ZERO;
  for (const e of entries) {
    const b = e.billing;
    if (!b || b.contractNo !== contract.no || !isBilled(e, activeRuns)) continue;
    const m = monthOf(e.date);
    if (m < month) usedBefore = usedBefore.plus(hours(b.contingent, b.unitMinutes));
    if (m !== month) continue;
    used = used.plus(hours(b.contingent, b.unitMinutes));
    overrun = overrun.plus(hours(b.charged, b.unitMinutes));
    includedUsed = includedUsed.plus(hours(b.included, b.unitMinutes));
  }
  const creditedBefore = creditedHours(r.contingent, contract, lastDayOf(addMonths(month, -1)));
  const start = creditedBefore.minus(usedBefore);
  const credited = creditedHours(r.contingent, contract, lastDayOf(month)).minus(creditedBefore);
  return { contractNo: contract.no, month, start, credited, used, remaining: start.plus(credited).minus(used), overrun, included: new Decimal(r.includedHoursPerMonth ?? 0), includedUsed };
}
