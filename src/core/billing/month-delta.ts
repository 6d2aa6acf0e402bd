import { IsoDate, ymdToIso } from "../date/iso-date";
import { IsoMonth, daysInMonth } from "../date/iso-month";
import { Decimal, ZERO, toStored } from "../money/decimal";
import { toExact } from "./exact-amount";
import type { LedgerEntry } from "./ledger";
import { monthlyNet } from "./proration";
import { BillingState, StateSegment, sameBillingState } from "./segments";

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
    runs.push(...own);
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

/** The displayed state whose monthly net is the change from the billed rate to the current one. */
function deltaState(seg: StateSegment | undefined, old: readonly LedgerEntry[]): { state: BillingState; rate: Decimal } | null {
  const oldRate = old.reduce((s, e) => s.plus(monthlyNet(e)), ZERO);
  const rate = (seg?.rate ?? ZERO).minus(oldRate);
  if (rate.isZero()) return null;
  if (seg && old.length === 0) return { state: seg.state, rate };
  const base = seg?.state ?? old[0]!;
  const { articleNo, description, vatPct } = base;
  const agg = aggregate(old);
  const show = (quantity: Decimal, unitPrice: Decimal, discountPct: Decimal): { state: BillingState; rate: Decimal } => ({
    state: { articleNo, description, vatPct, quantity: toStored(quantity), unitPrice: toStored(unitPrice), discountPct: toStored(discountPct) },
    rate,
  });
  if (agg && !seg) return show(agg.quantity.negated(), agg.unitPrice, agg.discountPct);
  if (agg && seg) {
    const q = new Decimal(seg.state.quantity);
    const p = new Decimal(seg.state.unitPrice);
    const d = new Decimal(seg.state.discountPct);
    if (p.equals(agg.unitPrice) && d.equals(agg.discountPct)) return show(q.minus(agg.quantity), p, d);
    if (q.equals(agg.quantity) && d.equals(agg.discountPct)) return show(q, p.minus(agg.unitPrice), d);
  }
  return show(new Decimal(1), rate, ZERO);
}

/** The billed entries of a day as one quantity, when they share price and discount. */
function aggregate(old: readonly LedgerEntry[]): { quantity: Decimal; unitPrice: Decimal; discountPct: Decimal } | null {
  const first = old[0];
  if (!first) return null;
  const unitPrice = new Decimal(first.unitPrice);
  const discountPct = new Decimal(first.discountPct);
  if (!old.every((e) => unitPrice.equals(e.unitPrice) && discountPct.equals(e.discountPct))) return null;
  return { quantity: old.reduce((s, e) => s.plus(e.quantity), ZERO), unitPrice, discountPct };
}
