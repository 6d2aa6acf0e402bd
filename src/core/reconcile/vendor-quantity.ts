import { pushAll } from "../array";
import type { IsoDate } from "../date/iso-date";
import { IsoMonth, firstDayOf, lastDayOf } from "../date/iso-month";
import { Decimal, ZERO } from "../money/decimal";
import { ExactSum, parsePlain } from "./exact-sum";

/** Reads a plain decimal (see {@link parsePlain}); a caller may pass a cached one. */
export type PlainParser = (text: string) => { digits: bigint; scale: number } | null;
import type { SeatLine } from "./seat-line";

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
 *
 * NOTE: the sums are taken exactly on scaled integers (see ExactSum), two passes over the lines and
 * no decimal.js allocation per line; lines with a number that is not a plain decimal take the decimal
 * path below. Both give the same values. `parse` is {@link parsePlain} or a cached version of it.
 */
export function subscriptionQuantity(lines: readonly SeatLine[], month: IsoMonth, parse: PlainParser = parsePlain): VendorQuantity | null {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  let day = from;
  let any = false;
  let anyTotal = false;
  for (const l of lines) {
    if (!l.countsSeats || !overlapsMonth(l, from, to)) continue;
    any = true;
    if (l.setsTotal) anyTotal = true;
    const last = l.chargeTo < to ? l.chargeTo : to;
    if (last > day) day = last;
  }
  if (!any) return null;
  const total = anyTotal ? totalLineOn(lines, day) : null;
  const quantity = new ExactSum();
  const costWeighted = new ExactSum();
  const costQuantity = new ExactSum();
  const amount = new ExactSum();
  let effectiveDate = from;
  const rows: number[] = [];
  for (const l of lines) {
    if (!overlapsMonth(l, from, to)) continue;
    if (l.amount !== null) {
      const a = parse(l.amount);
      if (!a) return subscriptionQuantityDecimal(lines, month);
      amount.add(a);
    }
    if (!l.countsSeats) continue;
    rows.push(l.row);
    if (l.changesQuantity && l.chargeFrom >= from && l.chargeFrom > effectiveDate) effectiveDate = l.chargeFrom;
    if (!(l.chargeFrom <= day && day <= l.chargeTo)) continue;
    if (total !== null && l !== total) continue;
    const q = parse(l.quantity);
    if (!q) return subscriptionQuantityDecimal(lines, month);
    quantity.add(q);
    if (l.unitCost !== null) {
      const c = parse(l.unitCost);
      if (!c) return subscriptionQuantityDecimal(lines, month);
      costWeighted.addProduct(q, c);
      costQuantity.add(q);
    }
  }
  return {
    quantity: quantity.toDecimal(),
    day,
    effectiveDate,
    unitCost: costQuantity.isZero() ? null : costWeighted.toDecimal().dividedBy(costQuantity.toDecimal()),
    amount: amount.toDecimal(),
    rows,
  };
}

/** {@link subscriptionQuantity} with decimal.js throughout (for numbers that are not plain decimals). */
function subscriptionQuantityDecimal(lines: readonly SeatLine[], month: IsoMonth): VendorQuantity | null {
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
  const total = totalLineOn(inMonth, day);
  const counted = total ? [total] : inMonth.filter((l) => l.chargeFrom <= day && day <= l.chargeTo);
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
 * The line that sets the seat total on `day` (see `SeatLine.setsTotal`): of the seat lines covering
 * the day that set a total, the one starting last (the latest change), the last in file order on a tie.
 */
export function totalLineOn<L extends SeatLine>(lines: readonly L[], day: IsoDate): L | null {
  let best: L | null = null;
  for (const l of lines) {
    if (!l.setsTotal || !l.countsSeats || l.chargeFrom === null || l.chargeTo === null) continue;
    if (l.chargeFrom > day || l.chargeTo < day) continue;
    if (best === null || l.chargeFrom >= best.chargeFrom!) best = l;
  }
  return best;
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
    pushAll(rows, p.rows);
  }
  return { quantity, amount, day, effectiveDate, unitCost: costQuantity.isZero() ? null : costWeighted.dividedBy(costQuantity), rows: rows.sort((a, b) => a - b) };
}
