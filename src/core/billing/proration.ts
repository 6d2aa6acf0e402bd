import { assert } from "../assert";
import type { Contract, PositionVersion } from "../contract/model";
import { compareVersions } from "../contract/state-on-day";
import { IsoDate, addDays, daysBetween, maxDate, minDate } from "../date/iso-date";
import { IsoMonth, daysInMonth, firstDayOf, lastDayOf } from "../date/iso-month";
import { Decimal, HUNDRED, ONE, ZERO } from "../money/decimal";

/** One stretch of days inside a month during which a position's state is constant. */
export interface ChargeSegment {
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
  days: number;
  version: PositionVersion;
  /** quantity × unit price × (1 − discount) × days / days in month, unrounded. */
  amount: Decimal;
}

/** The exact charge of one position for one calendar month, with the segments it is made of. */
export interface MonthCharge {
  month: IsoMonth;
  daysInMonth: number;
  segments: ChargeSegment[];
  /** Full-precision sum of the segments. */
  amount: Decimal;
}

/** Monthly net of one version: quantity × unit price × (1 − discount / 100). */
export function monthlyNet(v: Pick<PositionVersion, "quantity" | "unitPrice" | "discountPct">): Decimal {
  return new Decimal(v.quantity).times(v.unitPrice).times(ONE.minus(new Decimal(v.discountPct).dividedBy(HUNDRED)));
}

/**
 * Day-exact proration per calendar month (PRODUCT.md §5.2): the sum over the days d of `month` on
 * which the contract runs and the position is active of quantity(d) × price(d) × (1 − discount(d)) /
 * days in month. `versions` are the versions of one position, in any order. A full month at a
 * constant state is exactly quantity × price × (1 − discount). No rounding happens here.
 */
export function prorateMonth(contract: Contract, versions: readonly PositionVersion[], month: IsoMonth): MonthCharge {
  const dim = daysInMonth(month);
  const from = maxDate(firstDayOf(month), contract.start);
  const to = contract.end ? minDate(lastDayOf(month), contract.end) : lastDayOf(month);
  const segments: ChargeSegment[] = [];
  if (from > to) return { month, daysInMonth: dim, segments, amount: ZERO };

  const sorted = [...versions].sort(compareVersions);
  assert(sorted.every((v) => v.contractNo === contract.no), "prorateMonth got versions of another contract");
  // Keep only the winning version per validFrom (later entry wins on the same day).
  const effective: PositionVersion[] = [];
  for (const v of sorted) {
    if (effective.length > 0 && effective[effective.length - 1]!.validFrom === v.validFrom) effective.pop();
    effective.push(v);
  }
  for (let i = 0; i < effective.length; i++) {
    const v = effective[i]!;
    const next = effective[i + 1];
    const segFrom = maxDate(v.validFrom, from);
    const segTo = next ? minDate(addDays(next.validFrom, -1), to) : to;
    if (segFrom > segTo) continue;
    const days = daysBetween(segFrom, segTo) + 1;
    const net = monthlyNet(v);
    if (net.isZero()) continue;
    segments.push({ from: segFrom, to: segTo, days, version: v, amount: net.times(days).dividedBy(dim) });
  }
  // Divide once, so a constant full month is exactly the monthly net and parts add up to the whole.
  const dayWeighted = segments.reduce((s, seg) => s.plus(monthlyNet(seg.version).times(seg.days)), ZERO);
  const amount = dayWeighted.dividedBy(dim);
  return { month, daysInMonth: dim, segments, amount };
}
