import type { Contract, DecimalString, PositionVersion } from "../contract/model";
import { compareVersions } from "../contract/state-on-day";
import { IsoDate, maxDate, minDate } from "../date/iso-date";
import { IsoMonth, daysInMonth, firstDayOf, lastDayOf } from "../date/iso-month";
import { Decimal } from "../money/decimal";
import { toExact } from "./exact-amount";
import { monthlyNet } from "./proration";

/** The commercial state of a position as it appears on an invoice line. */
export interface BillingState {
  articleNo: string;
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  discountPct: DecimalString;
  vatPct: DecimalString;
}

/** A stretch of days inside one month with one billing state (no amount yet). */
export interface SegmentShape {
  month: IsoMonth;
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
  days: number;
  daysInMonth: number;
  state: BillingState;
  /** The version the state comes from (internal: carries the cached rate). */
  source: PreparedVersion;
}

/** A segment with its exact charge: rate × days / days in month, at the fixed exact scale. */
export interface StateSegment extends SegmentShape {
  /** Monthly net rate: quantity × unit price × (1 − discount). */
  rate: Decimal;
  amount: Decimal;
}

/** One version in a {@link PositionHistory}; its rate and amounts are computed when first needed. */
interface PreparedVersion {
  from: IsoDate;
  state: BillingState;
  /** True when quantity or price is 0 or the discount is 100 %: the position is not charged. */
  zero: boolean;
  rate?: Decimal;
  /** Exact amounts by days × 100 + days in month (a whole month at one state recurs every month). */
  amounts?: Map<number, Decimal>;
}

/** One position's history prepared for many months: effective versions in order. */
export interface PositionHistory {
  contract: Contract;
  versions: PreparedVersion[];
}

const ZERO_TEXT = /^[-+]?0*\.?0*$/;
const FULL_DISCOUNT = /^\+?100(\.0*)?$/;
const rateOf = (v: PreparedVersion): Decimal => (v.rate ??= monthlyNet(v.state));

/** rate × days / days in month at the exact scale, remembered per version (Decimals are immutable). */
function amountOf(v: PreparedVersion, days: number, dim: number): Decimal {
  const amounts = (v.amounts ??= new Map());
  const key = days * 100 + dim;
  let amount = amounts.get(key);
  if (amount === undefined) {
    const rate = rateOf(v);
    amounts.set(key, (amount = toExact(days === dim ? rate : rate.times(days).dividedBy(dim))));
  }
  return amount;
}

const dayOf = (date: IsoDate): number => Number(date.slice(8, 10));

const MONTHS = new Map<IsoMonth, { first: IsoDate; last: IsoDate; dim: number }>();
/** First day, last day and length of a month, memoised (billing asks for the same months often). */
function monthInfo(month: IsoMonth): { first: IsoDate; last: IsoDate; dim: number } {
  let info = MONTHS.get(month);
  if (!info) MONTHS.set(month, (info = { first: firstDayOf(month), last: lastDayOf(month), dim: daysInMonth(month) }));
  return info;
}

const sameNumber = (a: string, b: string): boolean => a === b || new Decimal(a).equals(b);

/** True when two billing states are the same (numbers compared by value, `10` = `10.00`). */
export function sameBillingState(a: BillingState, b: BillingState): boolean {
  return (
    a.articleNo === b.articleNo &&
    a.description === b.description &&
    sameNumber(a.quantity, b.quantity) &&
    sameNumber(a.unitPrice, b.unitPrice) &&
    sameNumber(a.discountPct, b.discountPct) &&
    sameNumber(a.vatPct, b.vatPct)
  );
}

/**
 * Prepares the versions of one position (any order) for {@link segmentShapes}: sorted by validFrom,
 * the latest entry winning on the same day, as in {@link prorateMonth}.
 */
export function preparePosition(contract: Contract, versions: readonly PositionVersion[]): PositionHistory {
  const out: PositionHistory["versions"] = [];
  for (const v of [...versions].sort(compareVersions)) {
    if (out.length > 0 && out[out.length - 1]!.from === v.validFrom) out.pop();
    const { articleNo, description, quantity, unitPrice, discountPct, vatPct } = v;
    const zero = ZERO_TEXT.test(quantity) || ZERO_TEXT.test(unitPrice) || FULL_DISCOUNT.test(discountPct);
    out.push({ from: v.validFrom, state: { articleNo, description, quantity, unitPrice, discountPct, vatPct }, zero });
  }
  return { contract, versions: out };
}

/**
 * The charged stretches of one position in one month, the same days as {@link prorateMonth} counts:
 * days outside the contract and days at a zero rate (quantity 0 ends a position) are left out.
 *
 * NOTE: adjacent stretches with the same billing state are merged, so a version that repeats the
 * previous state changes nothing (same segments, same amounts, same invoice lines).
 */
export function segmentShapes(history: PositionHistory, month: IsoMonth): SegmentShape[] {
  const { contract, versions } = history;
  const { first, last: lastDay, dim } = monthInfo(month);
  const from = maxDate(first, contract.start);
  const to = contract.end !== undefined ? minDate(lastDay, contract.end) : lastDay;
  const out: SegmentShape[] = [];
  if (from > to) return out;
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    const next = versions[i + 1];
    if (next && next.from <= from) continue;
    if (v.from > to) break;
    if (v.zero) continue;
    const segFrom = maxDate(v.from, from);
    // next.from lies after `from`, so the day before it is in the same month.
    const segTo = next && next.from <= to ? `${month}-${String(dayOf(next.from) - 1).padStart(2, "0")}` : to;
    const days = dayOf(segTo) - dayOf(segFrom) + 1;
    const last = out[out.length - 1];
    if (last && dayOf(last.to) + 1 === dayOf(segFrom) && sameBillingState(last.state, v.state)) {
      last.to = segTo;
      last.days += days;
    } else {
      out.push({ month, from: segFrom, to: segTo, days, daysInMonth: dim, state: v.state, source: v });
    }
  }
  return out;
}

/** Adds the exact charge to each shape. */
export function withAmounts(shapes: readonly SegmentShape[]): StateSegment[] {
  return shapes.map((s) => ({
    month: s.month,
    from: s.from,
    to: s.to,
    days: s.days,
    daysInMonth: s.daysInMonth,
    state: s.state,
    source: s.source,
    rate: rateOf(s.source),
    amount: amountOf(s.source, s.days, s.daysInMonth),
  }));
}

/**
 * The charged segments of one position in one month with their exact amounts (PRODUCT.md §5.2):
 * the day-exact proration of {@link prorateMonth}, split by billing state.
 */
export function monthSegments(contract: Contract, versions: readonly PositionVersion[], month: IsoMonth): StateSegment[] {
  return withAmounts(segmentShapes(preparePosition(contract, versions), month));
}
