import type { Contract } from "../contract/model";
import { IsoDate, toDayNumber } from "../date/iso-date";
import { firstDayOf } from "../date/iso-month";
import { periodContaining } from "../date/billing-period";
import { Decimal, ZERO, roundCents } from "../money/decimal";
import type { LedgerLineType } from "./ledger";
import type { DeltaRun } from "./month-delta";
import { BillingState, sameBillingState } from "./segments";

/** One month's share of a charge line (becomes one ledger entry). */
export interface LinePart {
  run: DeltaRun;
  /** Share of the line's rounded net; the shares add up exactly to the line's net. */
  rounded: Decimal;
}

/**
 * A proposed invoice line before it is numbered: one contract position, one billing period, one
 * constant displayed state, consecutive days.
 */
export interface ChargeLine {
  lineType: LedgerLineType;
  contractNo: string;
  customerNo: string;
  positionNo: number;
  /** First day of the calendar billing period the line belongs to. */
  periodStart: IsoDate;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  state: BillingState;
  /** Σ days / days in month over the line's months: quantity × price × (1 − discount) × factor = exact. */
  periodFactor: Decimal;
  /** Full-precision net (fixed exact scale). */
  exact: Decimal;
  /** Net rounded once to cents, half away from zero (PRODUCT.md §5.2). */
  net: Decimal;
  /** For a difference line: the invoice that first billed these months. */
  correctsRef?: string;
  parts: LinePart[];
}

/** A run with the invoice it corrects (difference lines only). */
export interface TaggedRun {
  run: DeltaRun;
  correctsRef?: string;
}

/**
 * Joins the runs of one contract position into invoice lines: runs of the same billing period, the
 * same displayed state and the same corrected invoice that follow each other day by day form one
 * line. So a quarter at a constant state is one line with period factor 3, and a quarter with a
 * change on 15 Feb is two lines (1 Jan–14 Feb, 15 Feb–31 Mar) whose quantity and price show each
 * state. Each line's net is rounded once; the ledger keeps the exact per-month amounts.
 */
export function runsToLines(
  lineType: LedgerLineType,
  contract: Contract,
  positionNo: number,
  runs: readonly TaggedRun[],
): ChargeLine[] {
  const sorted = runs.length > 1 ? [...runs].sort((a, b) => (a.run.from < b.run.from ? -1 : a.run.from > b.run.from ? 1 : 0)) : runs;
  const lines: ChargeLine[] = [];
  // Lines a run can continue, by billing period, corrected invoice and the day after their last day
  // (a day number: the day after 9999-12-31 has no text): one lookup per run, not a scan of all lines.
  const open = new Map<string, ChargeLine[]>();
  const keyOf = (periodStart: IsoDate, correctsRef: string | undefined, day: number) => `${periodStart}\u0000${correctsRef ?? "\u0001"}\u0000${day}`;
  const addOpen = (line: ChargeLine): void => {
    const key = keyOf(line.periodStart, line.correctsRef, toDayNumber(line.serviceTo) + 1);
    const list = open.get(key);
    if (list) list.push(line);
    else open.set(key, [line]);
  };
  for (const { run, correctsRef } of sorted) {
    const periodStart = periodStartOf(run.month, contract.interval);
    const factor = factorOf(run.days, run.daysInMonth);
    const candidates = open.get(keyOf(periodStart, correctsRef, toDayNumber(run.from)));
    const at = candidates ? candidates.findIndex((l) => sameBillingState(l.state, run.state)) : -1;
    if (candidates && at >= 0) {
      const line = candidates[at]!;
      candidates.splice(at, 1);
      line.serviceTo = run.to;
      line.periodFactor = line.periodFactor.plus(factor);
      line.parts.push({ run, rounded: ZERO });
      addOpen(line);
      continue;
    }
    const fresh: ChargeLine = {
      lineType,
      contractNo: contract.no,
      customerNo: contract.customerNo,
      positionNo,
      periodStart,
      serviceFrom: run.from,
      serviceTo: run.to,
      state: run.state,
      periodFactor: factor,
      exact: ZERO,
      net: ZERO,
      ...(correctsRef !== undefined ? { correctsRef } : {}),
      parts: [{ run, rounded: ZERO }],
    };
    lines.push(fresh);
    addOpen(fresh);
  }
  for (const line of lines) finishLine(line);
  return lines;
}

const PERIOD_STARTS = new Map<string, IsoDate>();
/** First day of the billing period a month belongs to (memoised: few distinct months per run). */
function periodStartOf(month: string, interval: Contract["interval"]): IsoDate {
  const key = `${interval}|${month}`;
  let start = PERIOD_STARTS.get(key);
  if (start === undefined) PERIOD_STARTS.set(key, (start = periodContaining(firstDayOf(month), interval).start));
  return start;
}

const FACTORS = new Map<number, Decimal>();
/** days / days in month (memoised; Decimals are immutable). */
function factorOf(days: number, daysInMonth: number): Decimal {
  const key = days * 100 + daysInMonth;
  let factor = FACTORS.get(key);
  if (factor === undefined) FACTORS.set(key, (factor = new Decimal(days).dividedBy(daysInMonth)));
  return factor;
}

/**
 * Sums the parts, rounds the net once and spreads the rounded cents over the months by cumulative
 * rounding (share i = round(Σ₁..ᵢ) − round(Σ₁..ᵢ₋₁)), which works for credits and mixed signs too.
 */
function finishLine(line: ChargeLine): void {
  if (line.parts.length === 1) {
    const part = line.parts[0]!;
    line.exact = ZERO.plus(part.run.amount);
    line.net = roundCents(line.exact);
    part.rounded = line.net.isZero() ? ZERO : line.net; // as round − 0 gives it: never −0
    return;
  }
  let cumulative = ZERO;
  let roundedBefore = ZERO;
  for (const part of line.parts) {
    cumulative = cumulative.plus(part.run.amount);
    const roundedNow = roundCents(cumulative);
    part.rounded = roundedNow.minus(roundedBefore);
    roundedBefore = roundedNow;
  }
  line.exact = cumulative;
  line.net = roundCents(cumulative);
}
