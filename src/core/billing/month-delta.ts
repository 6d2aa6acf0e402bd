import { pushAll } from "../array";
import { IsoDate, ymdToIso } from "../date/iso-date";
import { IsoMonth, daysInMonth } from "../date/iso-month";
import { Decimal, ZERO, toStored } from "../money/decimal";
import { toExact } from "./exact-amount";
import type { LedgerEntry } from "./ledger";
import { deltaState } from "./delta-state";
import { BillingState, SegmentShape, StateSegment, sameBillingState } from "./segments";

/**
 * A stretch of days in one month over which the billed rate must change by a constant amount,
 * shown as the invoice line will show it: `state` holds the quantity, unit price and discount whose
 * monthly net is that change (quantity −2 at the old price, or the new price difference, or 1 × the
 * rate difference when both changed).
 */
export interface DeltaRun {
  month: IsoMonth;
  from: IsoDate;
  to: IsoDate;
  days: number;
  daysInMonth: number;
  state: BillingState;
  /** The exact amount to bill (negative = credit), at the fixed exact scale. */
  amount: Decimal;
}

interface Group {
  segments: StateSegment[];
  billed: LedgerEntry[];
  diff: Decimal;
}

const day = (date: IsoDate): number => Number(date.slice(8, 10));

/**
 * What must be billed for one position and month so that the ledger matches the current charge:
 * `segments` are the current charge ({@link monthSegments}), `billed` the ledger entries of the same
 * contract, position and month. With nothing billed yet the runs are the segments themselves.
 *
 * NOTE: the comparison is done per (article, VAT rate): a change of article or VAT rate credits the
 * old one and bills the new one. The exact amounts are authoritative: per article and rate the runs
 * add up exactly to `current − billed` (a sub-cent residue of the day split goes to the last run), so
 * after billing them the next comparison is exactly zero and nothing drifts.
 */
export function monthDelta(month: IsoMonth, segments: readonly StateSegment[], billed: readonly LedgerEntry[]): DeltaRun[] {
  const groups = new Map<string, Group>();
  const group = (articleNo: string, vatPct: string): Group => {
    const key = `${articleNo}\u0000${toStored(new Decimal(vatPct))}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { segments: [], billed: [], diff: ZERO }));
    return g;
  };
  for (const s of segments) {
    const g = group(s.state.articleNo, s.state.vatPct);
    g.segments.push(s);
    g.diff = g.diff.plus(s.amount);
  }
  for (const e of billed) {
    const g = group(e.articleNo, e.vatPct);
    g.billed.push(e);
    g.diff = g.diff.minus(e.exactAmount);
  }
  const runs: DeltaRun[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    if (g.diff.isZero()) continue;
    const own = groupRuns(month, g);
    // NOTE: without runs the current and billed day rates agree and the diff is a sub-cent residue.
    if (own.length === 0) continue;
    const residual = g.diff.minus(own.reduce((s, r) => s.plus(r.amount), ZERO));
    const last = own[own.length - 1]!;
    last.amount = last.amount.plus(residual);
    pushAll(runs, own);
  }
  return runs;
}

function groupRuns(month: IsoMonth, g: Group): DeltaRun[] {
  const dim = daysInMonth(month);
  const cuts = new Set<number>([1, dim + 1]);
  for (const s of g.segments) cuts.add(day(s.from)).add(day(s.to) + 1);
  for (const e of g.billed) cuts.add(day(e.serviceFrom)).add(day(e.serviceTo) + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const out: { fromDay: number; toDay: number; state: BillingState; rate: Decimal }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]! - 1;
    const seg = g.segments.find((s) => day(s.from) <= a && a <= day(s.to));
    const old = g.billed.filter((e) => day(e.serviceFrom) <= a && a <= day(e.serviceTo));
    const delta = deltaState(seg, old);
    if (!delta) continue;
    const prev = out[out.length - 1];
    if (prev && prev.toDay + 1 === a && sameBillingState(prev.state, delta.state)) prev.toDay = b;
    else out.push({ fromDay: a, toDay: b, ...delta });
  }
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return out.map((r) => {
    const days = r.toDay - r.fromDay + 1;
    return {
      month,
      from: ymdToIso(y, m, r.fromDay),
      to: ymdToIso(y, m, r.toDay),
      days,
      daysInMonth: dim,
      state: r.state,
      amount: toExact(r.rate.times(days).dividedBy(dim)),
    };
  });
}

/**
 * Quick check that a month is billed exactly as it stands: one recurring entry per current segment
 * with the same days and the same state strings. Such entries were computed from the same shapes, so
 * their exact amounts match too and {@link monthDelta} would return nothing. Saves the decimal
 * arithmetic for the common case of an unchanged month.
 */
export function billedAsShaped(shapes: readonly SegmentShape[], billed: readonly LedgerEntry[]): boolean {
  if (shapes.length !== billed.length) return false;
  const entries = billed.length > 1 ? [...billed].sort((a, b) => (a.serviceFrom < b.serviceFrom ? -1 : 1)) : billed;
  return entries.every((e, i) => {
    const s = shapes[i]!;
    const st = s.state;
    return (
      e.lineType === "recurring" &&
      e.serviceFrom === s.from &&
      e.serviceTo === s.to &&
      e.articleNo === st.articleNo &&
      e.description === st.description &&
      e.quantity === st.quantity &&
      e.unitPrice === st.unitPrice &&
      e.discountPct === st.discountPct &&
      e.vatPct === st.vatPct
    );
  });
}
