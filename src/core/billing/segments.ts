import type { Contract, DecimalString, PositionVersion } from "../contract/model";
import { IsoDate, addDays } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";
import { Decimal } from "../money/decimal";
import { toExact } from "./exact-amount";
import { monthlyNet, prorateMonth } from "./proration";

/** The commercial state of a position as it appears on an invoice line. */
export interface BillingState {
  articleNo: string;
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  discountPct: DecimalString;
  vatPct: DecimalString;
}

/** A stretch of days inside one month with one billing state, and its exact charge. */
export interface StateSegment {
  month: IsoMonth;
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
  days: number;
  daysInMonth: number;
  state: BillingState;
  /** Monthly net rate: quantity × unit price × (1 − discount). */
  rate: Decimal;
  /** rate × days / days in month, at the fixed exact scale. */
  amount: Decimal;
}

/** True when two billing states are the same (numbers compared by value, `10` = `10.00`). */
export function sameBillingState(a: BillingState, b: BillingState): boolean {
  return (
    a.articleNo === b.articleNo &&
    a.description === b.description &&
    new Decimal(a.quantity).equals(b.quantity) &&
    new Decimal(a.unitPrice).equals(b.unitPrice) &&
    new Decimal(a.discountPct).equals(b.discountPct) &&
    new Decimal(a.vatPct).equals(b.vatPct)
  );
}

function stateOf(v: PositionVersion): BillingState {
  const { articleNo, description, quantity, unitPrice, discountPct, vatPct } = v;
  return { articleNo, description, quantity, unitPrice, discountPct, vatPct };
}

/**
 * The charged segments of one position in one month (PRODUCT.md §5.2), built on
 * {@link prorateMonth}: days outside the contract and days at quantity 0 or price 0 are left out.
 *
 * NOTE: adjacent stretches with the same billing state are merged, so a version that repeats the
 * previous state changes nothing (same segments, same amounts, same invoice lines).
 */
export function monthSegments(contract: Contract, versions: readonly PositionVersion[], month: IsoMonth): StateSegment[] {
  const charge = prorateMonth(contract, versions, month);
  const merged: { from: IsoDate; to: IsoDate; days: number; state: BillingState; rate: Decimal }[] = [];
  for (const seg of charge.segments) {
    const state = stateOf(seg.version);
    const last = merged[merged.length - 1];
    if (last && addDays(last.to, 1) === seg.from && sameBillingState(last.state, state)) {
      last.to = seg.to;
      last.days += seg.days;
    } else {
      merged.push({ from: seg.from, to: seg.to, days: seg.days, state, rate: monthlyNet(seg.version) });
    }
  }
  return merged.map((m) => ({
    month,
    ...m,
    daysInMonth: charge.daysInMonth,
    amount: toExact(m.rate.times(m.days).dividedBy(charge.daysInMonth)),
  }));
}
