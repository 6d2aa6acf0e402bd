import { Decimal, ZERO, toStored } from "../money/decimal";
import type { LedgerEntry } from "./ledger";
import { monthlyNet } from "./proration";
import type { BillingState, StateSegment } from "./segments";

/**
 * How a change of the billed rate on a day is shown on a difference line: the displayed quantity,
 * unit price and discount multiply out to the change of the monthly net (`rate`).
 * - nothing billed yet: the current state itself;
 * - same price and discount: the quantity difference (−2 × 20.60);
 * - same quantity and discount: the price difference (10 × 2.50);
 * - position ended: minus the billed quantity;
 * - anything else: 1 × the change of the monthly net.
 * Null when the rate did not change. `seg` is the current segment covering the day, `old` the
 * ledger entries covering it (same article and VAT rate).
 */
export function deltaState(seg: StateSegment | undefined, old: readonly LedgerEntry[]): { state: BillingState; rate: Decimal } | null {
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
