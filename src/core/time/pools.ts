import type { IsoDate } from "../date/iso-date";
import { IsoMonth, lastDayOf, monthOf } from "../date/iso-month";
import { Decimal } from "../money/decimal";
import type { ContractGroup } from "./bill-time";
import { creditedHours } from "./contingent";
import type { TimeEntry } from "./model";

/** The hours that cover work units before they are charged: included per month, then the contingent. */
export interface Pools {
  /** Takes up to `units` from the included hours of the month of `date`; returns how many it took. */
  takeIncluded(date: IsoDate, units: number): number;
  /** Takes up to `units` from the contingent as credited by the end of the month of `date`. */
  takeContingent(date: IsoDate, units: number): number;
}

/**
 * Opens a contract's pools as left by the runs so far (PRODUCT.md §5.4): included hours are per
 * calendar month of the entry's day and do not carry over; the contingent is one running balance
 * (credits so far minus everything active runs took from it). Pools are counted in minutes, so a
 * change of the unit size between runs keeps the balances right. No contract, no pools.
 */
export function openPools(g: ContractGroup, billed: readonly TimeEntry[]): Pools {
  const contract = g.contract;
  const unit = g.rules.unitMinutes;
  const includedMinutes = g.rules.includedHoursPerMonth !== undefined ? new Decimal(g.rules.includedHoursPerMonth).times(60).toNumber() : 0;
  const usedIncluded = new Map<IsoMonth, number>();
  let usedContingent = 0;
  for (const e of billed) {
    const b = e.billing!;
    if (!contract || b.contractNo !== contract.no) continue;
    const m = monthOf(e.date);
    usedIncluded.set(m, (usedIncluded.get(m) ?? 0) + b.included * b.unitMinutes);
    usedContingent += b.contingent * b.unitMinutes;
  }
  const take = (leftMinutes: number, units: number) => Math.max(0, Math.min(units, Math.floor(leftMinutes / unit)));
  return {
    takeIncluded(date, units) {
      if (!contract || includedMinutes === 0 || units <= 0) return 0;
      const m = monthOf(date);
      const n = take(includedMinutes - (usedIncluded.get(m) ?? 0), units);
      usedIncluded.set(m, (usedIncluded.get(m) ?? 0) + n * unit);
      return n;
    },
    takeContingent(date, units) {
      if (!contract || !g.rules.contingent || units <= 0) return 0;
      const credited = creditedHours(g.rules.contingent, contract, lastDayOf(monthOf(date))).times(60).toNumber();
      const n = take(credited - usedContingent, units);
      usedContingent += n * unit;
      return n;
    },
  };
}
