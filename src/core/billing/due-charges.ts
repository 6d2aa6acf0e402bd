import { assert } from "../assert";
import { pushAll } from "../array";
import { billingView, settledOutside } from "../contract/billed-until";
import type { Contract } from "../contract/model";
import { BillingPeriod, dueDate, intervalMonths, monthsOfPeriod, nextPeriod, periodContaining } from "../date/billing-period";
import { IsoDate, addDays, maxDate, minDate } from "../date/iso-date";
import { IsoMonth, lastDayOf, monthOf, monthsBetween } from "../date/iso-month";
import { ChargeInput, PositionIndex, indexPositions } from "./charge-input";
import { ChargeLine, TaggedRun, runsToLines } from "./charge-line";
import { LedgerIndex, indexLedger, standingEntries } from "./ledger";
import { segmentShapes, withAmounts } from "./segments";

/**
 * The billing periods of a contract that are due by the end of `runMonth`, from the contract start
 * on, each cut to the contract's start and end (PRODUCT.md §5.2). A contract with `billedUntil`
 * starts, for this, the day after it (src/core/contract/billed-until.ts).
 *
 * NOTE: the due date is taken from the cut period: in advance its first day (so a contract that
 * starts on 15 Feb is due on 15 Feb, not on 1 Jan of its quarter), in arrears the day after its last
 * day (so a contract that ends on 15 Feb is billed with the February run, not months later).
 */
export function duePeriods(contract: Contract, runMonth: IsoMonth): BillingPeriod[] {
  contract = billingView(contract);
  const limit = lastDayOf(runMonth);
  const out: BillingPeriod[] = [];
  if (contract.end !== undefined && contract.end < contract.start) return out;
  if (contract.start > limit) return out;
  const first = periodContaining(contract.start, contract.interval);
  // Step bound: one period per interval from the first period to the run month, and the one after.
  const bound = Math.floor(monthsBetween(monthOf(first.start), runMonth) / intervalMonths(contract.interval)) + 2;
  let steps = 0;
  for (let p: BillingPeriod | null = first; p !== null; p = nextPeriod(p, contract.interval)) {
    if (++steps > bound) assert(false, `duePeriods: more than ${bound} periods for contract ${contract.no}`);
    if (contract.end !== undefined && p.start > contract.end) break;
    const cut = { start: maxDate(p.start, contract.start), end: contract.end ? minDate(p.end, contract.end) : p.end };
    const due = dueDate(cut, contract.mode);
    if (due === null || due > limit) break;
    out.push(cut);
  }
  return out;
}

/**
 * The first due date on or after `day` of a contract's billing periods (calendar-aligned per its
 * interval, cut to its start and end; in advance the cut period's first day, in arrears the day after
 * its last day — as {@link duePeriods} computes them). Null when nothing falls due any more: the
 * contract has ended (or is billed elsewhere up to its end), or the next due date would come after
 * 9999-12-31. At most three periods are looked at.
 */
export function nextDueDate(contract: Contract, day: IsoDate): IsoDate | null {
  contract = billingView(contract);
  if (contract.end !== undefined && contract.end < contract.start) return null;
  // In arrears, the period before the day's period falls due the day after it ends, possibly on `day`.
  const from = day > contract.start ? addDays(day, -1) : contract.start;
  let steps = 0;
  for (let p: BillingPeriod | null = periodContaining(maxDate(contract.start, from), contract.interval); p !== null; p = nextPeriod(p, contract.interval)) {
    if (++steps > 3) assert(false, `nextDueDate: more than 3 periods for contract ${contract.no}`);
    if (contract.end !== undefined && p.start > contract.end) return null;
    const cut = { start: maxDate(p.start, contract.start), end: contract.end !== undefined ? minDate(p.end, contract.end) : p.end };
    const due = dueDate(cut, contract.mode);
    if (due === null) return null;
    if (due >= day) return due;
  }
  return null;
}

/**
 * Recurring charge lines for a billing run of `runMonth`: for every contract, position and month of
 * a due period (see {@link duePeriods}) that has no ledger entry of a standing invoice yet (a month
 * whose invoices are all cancelled counts as not billed), the day-exact charge. Missed
 * periods are caught up, so a contract entered late gets all its earlier due periods. Months that are
 * already in the ledger are left to differential billing, months up to a contract's `billedUntil`
 * are billed by no one (they were billed elsewhere). Lines come per contract, position, period and
 * constant state (see {@link runsToLines}).
 */
export function computeDueCharges(
  input: ChargeInput & { runMonth: IsoMonth },
  billed: LedgerIndex = indexLedger(standingEntries(input.ledger)),
  positions: PositionIndex = indexPositions(input.versions),
): ChargeLine[] {
  const lines: ChargeLine[] = [];
  // Contracts with the same dates, interval and mode are due in the same months.
  const dueMonths = new Map<string, IsoMonth[]>();
  for (const contract of input.contracts) {
    const own = positions.versions.get(contract.no);
    if (!own) continue;
    const key = `${contract.interval}|${contract.mode}|${contract.start}|${contract.end ?? ""}|${contract.billedUntil ?? ""}`;
    let months = dueMonths.get(key);
    if (!months) dueMonths.set(key, (months = duePeriods(contract, input.runMonth).flatMap(monthsOfPeriod)));
    const billedPositions = billed.get(contract.no);
    const settled = input.settledThrough?.get(contract.no);
    const outside = settledOutside(contract);
    for (const positionNo of own.keys()) {
      const billedMonths = billedPositions?.get(positionNo);
      const runs: TaggedRun[] = [];
      for (const month of months) {
        if (billedMonths?.has(month) || (settled !== undefined && month <= settled) || (outside !== undefined && month <= outside)) continue;
        // Nothing billed yet: the segments themselves are what to bill.
        for (const run of withAmounts(segmentShapes(positions.history(contract, positionNo), month))) runs.push({ run });
      }
      if (runs.length > 0) pushAll(lines, runsToLines("recurring", contract, positionNo, runs));
    }
  }
  return lines;
}

/**
 * The billing watermark a contract reaches with a complete run for `runMonth`: the last month of
 * its last period due by then (every earlier month is due, so the run billed it); undefined when
 * nothing is due yet.
 */
export function settledAfterRun(contract: Contract, runMonth: IsoMonth): IsoMonth | undefined {
  const due = duePeriods(contract, runMonth);
  const last = due[due.length - 1];
  return last ? monthsOfPeriod(last).pop() : undefined;
}
