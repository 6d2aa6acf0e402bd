import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import { prorateMonth } from "../../../src/core/billing/proration";
import { BillingPeriod, monthsOfPeriod } from "../../../src/core/date/billing-period";
import { addDays } from "../../../src/core/date/iso-date";
import { IsoMonth, daysInMonth, firstDayOf } from "../../../src/core/date/iso-month";
import { Decimal, ZERO, roundCents } from "../../../src/core/money/decimal";

/**
 * A period's charge for one position (PRODUCT.md §5.2: "a period's charge is the sum of its
 * months"), unrounded.
 */
export function periodCharge(contract: Contract, versions: readonly PositionVersion[], period: BillingPeriod): Decimal {
  return monthsOfPeriod(period).reduce((s, m) => s.plus(prorateMonth(contract, versions, m).amount), ZERO);
}

/** The period's charge as an invoice line shows it: rounded once to cents, as a `12.34` string. */
export function periodCents(contract: Contract, versions: readonly PositionVersion[], period: BillingPeriod): string {
  return roundCents(periodCharge(contract, versions, period)).toFixed(2);
}

/** One month's charge rounded to cents, as a `12.34` string. */
export function monthCents(contract: Contract, versions: readonly PositionVersion[], month: string): string {
  return roundCents(prorateMonth(contract, versions, month as IsoMonth).amount).toFixed(2);
}

/**
 * The §5.2 formula taken literally, day by day, with no segments: Σ over the days d of the month on
 * which the contract runs of quantity(d) × price(d) × (1 − discount(d)/100), divided once by the
 * days in the month. The version of a day is found by scanning all versions (latest validFrom, then
 * highest seq), independently of src/core/contract.
 */
export function oracleMonth(contract: Contract, versions: readonly PositionVersion[], month: IsoMonth): Decimal {
  const dim = daysInMonth(month);
  let numerator = ZERO;
  for (let i = 0; i < dim; i++) {
    const day = addDays(firstDayOf(month), i);
    if (day < contract.start || (contract.end !== undefined && day > contract.end)) continue;
    let best: PositionVersion | undefined;
    for (const v of versions) {
      if (v.validFrom > day) continue;
      if (!best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.seq > best.seq)) best = v;
    }
    if (!best) continue;
    const discount = new Decimal(1).minus(new Decimal(best.discountPct).dividedBy(100));
    numerator = numerator.plus(new Decimal(best.quantity).times(best.unitPrice).times(discount));
  }
  return numerator.dividedBy(dim);
}
