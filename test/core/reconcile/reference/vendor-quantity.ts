// The straightforward implementation before the performance work (issue 11), kept as the reference
// the optimised one must agree with (test/core/reconcile/equivalence.test.ts). Not used by the product.
import type { IsoDate } from "../../../../src/core/date/iso-date";
import { IsoMonth, firstDayOf, lastDayOf } from "../../../../src/core/date/iso-month";
import { Decimal, ZERO } from "../../../../src/core/money/decimal";
import type { SeatLine } from "../../../../src/core/reconcile/seat-line";

/** Vendor seats of one group of lines (a subscription, or all subscriptions of a customer and SKU). */
export interface VendorQuantity {
  quantity: Decimal;
  /** The day the quantity was taken (PRODUCT.md §5.7). */
  day: IsoDate;
  /** ChargeStartDate of the latest quantity-changing line starting inside the month, else the month's first day. */
  effectiveDate: IsoDate;
  /** Cost per unit and month, weighted by the signed quantities of the lines counted; null when unknown. */
  unitCost: Decimal | null;
  /** Sum of the amounts of all lines of the group in the month (money actually charged). */
  amount: Decimal;
  rows: number[];
}

function overlapsMonth(l: SeatLine, from: IsoDate, to: IsoDate): l is SeatLine & { chargeFrom: IsoDate; chargeTo: IsoDate } {
  return l.chargeFrom !== null && l.chargeTo !== null && l.chargeFrom <= to && l.chargeTo >= from;
}

/**
 * The vendor quantity of one subscription for a month (PRODUCT.md §5.7): on day D, the sum of the
 * signed quantities of the lines whose charge period contains D, where D is the month's last day,
 * or the latest day within the month that any line covers. Null when no seat line touches the month.
 */
export function subscriptionQuantity(lines: readonly SeatLine[], month: IsoMonth): VendorQuantity | null {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const inMonth = lines.filter((l) => l.countsSeats && overlapsMonth(l, from, to)) as (SeatLine & { chargeFrom: IsoDate; chargeTo: IsoDate })[];
  if (inMonth.length === 0) return null;
  let day = from;
  for (const l of inMonth) {
    const last = l.chargeTo < to ? l.chargeTo : to;
    if (last > day) day = last;
  }
  let quantity = ZERO;
  let costWeighted = ZERO;
  let costQuantity = ZERO;
  const covering = inMonth.filter((l) => l.chargeFrom <= day && day <= l.chargeTo);
  // Issue 19: a line that sets the total (legacy "Cycle instance prorate") alone gives the seats on its days.
  const totals = covering.filter((l) => l.setsTotal);
  const latest = totals.reduce<(typeof totals)[number] | null>((b, l) => (b === null || l.chargeFrom >= b.chargeFrom ? l : b), null);
  const counted = latest ? [latest] : covering;
  for (const l of counted) {
    const q = new Decimal(l.quantity);
    quantity = quantity.plus(q);
    if (l.unitCost !== null) {
      costWeighted = costWeighted.plus(q.times(l.unitCost));
      costQuantity = costQuantity.plus(q);
    }
  }
  let effectiveDate = from;
  for (const l of inMonth) if (l.changesQuantity && l.chargeFrom >= from && l.chargeFrom > effectiveDate) effectiveDate = l.chargeFrom;
  const amount = lines.filter((l) => overlapsMonth(l, from, to) && l.amount !== null).reduce((s, l) => s.plus(l.amount!), ZERO);
  return {
    quantity,
    day,
    effectiveDate,
    unitCost: costQuantity.isZero() ? null : costWeighted.dividedBy(costQuantity),
    amount,
    rows: inMonth.map((l) => l.row),
  };
}

/**
 * Sums several subscriptions of one customer and article: quantities and amounts add up, the
 * effective date is the latest, the unit cost is weighted by quantity.
 */
export function combineQuantities(parts: readonly VendorQuantity[]): VendorQuantity | null {
  if (parts.length === 0) return null;
  let quantity = ZERO;
  let amount = ZERO;
  let costWeighted = ZERO;
  let costQuantity = ZERO;
  let day = parts[0]!.day;
  let effectiveDate = parts[0]!.effectiveDate;
  const rows: number[] = [];
  for (const p of parts) {
    quantity = quantity.plus(p.quantity);
    amount = amount.plus(p.amount);
    if (p.unitCost !== null) {
      costWeighted = costWeighted.plus(p.unitCost.times(p.quantity));
      costQuantity = costQuantity.plus(p.quantity);
    }
    if (p.day > day) day = p.day;
    if (p.effectiveDate > effectiveDate) effectiveDate = p.effectiveDate;
    rows.push(...p.rows);
  }
  return { quantity, amount, day, effectiveDate, unitCost: costQuantity.isZero() ? null : costWeighted.dividedBy(costQuantity), rows: rows.sort((a, b) => a - b) };
}
