import { assert } from "../assert";
import { Decimal, ZERO, roundCents, sum } from "./decimal";

export type Currency = "EUR" | "USD" | "GBP" | "CHF";

/** An immutable amount of money in one currency, at full precision until it is rounded. */
export interface Money {
  readonly amount: Decimal;
  readonly currency: Currency;
}

/** Creates money; a string is read as a canonical decimal (`12.34`). */
export function money(amount: string | number | Decimal, currency: Currency = "EUR"): Money {
  return { amount: new Decimal(amount), currency };
}

function sameCurrency(a: Money, b: Money): void {
  assert(a.currency === b.currency, `cannot mix ${a.currency} and ${b.currency}`);
}

/** a + b (same currency). */
export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

/** a − b (same currency). */
export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.minus(b.amount), currency: a.currency };
}

/** a × factor, exact. */
export function multiply(a: Money, factor: Decimal | string | number): Money {
  return { amount: a.amount.times(factor), currency: a.currency };
}

/** Rounds to cents, half away from zero. */
export function round(a: Money): Money {
  return { amount: roundCents(a.amount), currency: a.currency };
}

/** Equality of amount and currency. */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount.equals(b.amount);
}

/**
 * Splits money (rounded to cents first) into shares proportional to `ratios`, in cents, so that the
 * shares add up exactly to the rounded total. Leftover cents go to the largest remainders (ties to the
 * earlier share); negative totals are split symmetrically.
 */
export function allocate(total: Money, ratios: ReadonlyArray<Decimal | string | number>): Money[] {
  assert(ratios.length > 0, "allocate needs at least one ratio");
  const weights = ratios.map((r) => new Decimal(r));
  assert(weights.every((w) => w.gte(0)), "allocate ratios must not be negative");
  const weightSum = sum(weights);
  const cents = roundCents(total.amount).times(100);
  const sign = cents.isNegative() ? -1 : 1;
  const absCents = cents.abs();
  if (weightSum.isZero()) {
    assert(absCents.isZero(), "cannot allocate a non-zero amount over zero ratios");
    return weights.map(() => ({ amount: ZERO, currency: total.currency }));
  }
  const exact = weights.map((w) => absCents.times(w).dividedBy(weightSum));
  const floors = exact.map((e) => e.floor());
  let left = absCents.minus(sum(floors)).toNumber(); // a small integer count of cents
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(floors[i] as Decimal) }))
    .sort((x, y) => y.rest.comparedTo(x.rest) || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as Decimal).plus(1);
    left -= 1;
  }
  return floors.map((f) => ({ amount: f.times(sign).dividedBy(100), currency: total.currency }));
}
