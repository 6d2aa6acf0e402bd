import type { Contract } from "../contract/model";
import { BillingPeriod, dueDate, monthsOfPeriod, nextPeriod, periodContaining } from "../date/billing-period";
import { maxDate, minDate } from "../date/iso-date";
import { IsoMonth, lastDayOf } from "../date/iso-month";
import { ChargeInput, PositionIndex, indexPositions } from "./charge-input";
import { ChargeLine, TaggedRun, runsToLines } from "./charge-line";
import { LedgerIndex, indexLedger } from "./ledger";
import { segmentShapes, withAmounts } from "./segments";

/**
 * The billing periods of a contract that are due by the end of `runMonth`, from the contract start
 * on, each cut to the contract's start and end (PRODUCT.md §5.2).
 *
 * NOTE: the due date is taken from the cut period: in advance its first day (so a contract that
 * starts on 15 Feb is due on 15 Feb, not on 1 Jan of its quarter), in arrears the day after its last
 * day (so a contract that ends on 15 Feb is billed with the February run, not months later).
 */
export function duePeriods(contract: Contract, runMonth: IsoMonth): BillingPeriod[] {
  const limit = lastDayOf(runMonth);
  const out: BillingPeriod[] = [];
  if (contract.end !== undefined && contract.end < contract.start) return out;
  for (let p = periodContaining(contract.start, contract.interval); ; p = nextPeriod(p, contract.interval)) {
    if (contract.end !== undefined && p.start > contract.end) break;
    const cut = { start: maxDate(p.start, contract.start), end: contract.end ? minDate(p.end, contract.end) : p.end };
    if (dueDate(cut, contract.mode) > limit) break;
    out.push(cut);
  }
  return out;
}

/**
 * Recurring charge lines for a billing run of `runMonth`: for every contract, position and month of
 * a due period (see {@link duePeriods}) that has no ledger entry yet, the day-exact charge. Missed
 * periods are caught up, so a contract entered late gets all its earlier due periods. Months that are
 * already in the ledger are left to differential billing. Lines come per contract, position, period
 * and constant state (see {@link runsToLines}).
 */
export function computeDueCharges(
  input: ChargeInput & { runMonth: IsoMonth },
  billed: LedgerIndex = indexLedger(input.ledger),
  positions: PositionIndex = indexPositions(input.versions),
): ChargeLine[] {
  const lines: ChargeLine[] = [];
  // Contracts with the same dates, interval and mode are due in the same months.
  const dueMonths = new Map<string, IsoMonth[]>();
  for (const contract of input.contracts) {
    const own = positions.versions.get(contract.no);
    if (!own) continue;
    const key = `${contract.interval}|${contract.mode}|${contract.start}|${contract.end ?? ""}`;
    let months = dueMonths.get(key);
    if (!months) dueMonths.set(key, (months = duePeriods(contract, input.runMonth).flatMap(monthsOfPeriod)));
    const billedPositions = billed.get(contract.no);
    const settled = input.settledThrough?.get(contract.no);
    for (const positionNo of own.keys()) {
      const billedMonths = billedPositions?.get(positionNo);
      const runs: TaggedRun[] = [];
      for (const month of months) {
        if (billedMonths?.has(month) || (settled !== undefined && month <= settled)) continue;
        // Nothing billed yet: the segments themselves are what to bill.
        for (const run of withAmounts(segmentShapes(positions.history(contract, positionNo), month))) runs.push({ run });
      }
      if (runs.length > 0) lines.push(...runsToLines("recurring", contract, positionNo, runs));
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
