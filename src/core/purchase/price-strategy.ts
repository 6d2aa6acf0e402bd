import { Decimal, HUNDRED, ONE, roundCents, toStored } from "../money/decimal";

/**
 * How a price update proposes the new unit price (list price per unit and month, before the
 * position's discount, which stays as it is). With p = current price, d = discount / 100,
 * c = current cost per unit, c' = new cost per unit (see unit-cost.ts):
 * - `keep-margin`: p × c' / c. Keeps net price ÷ cost, hence the margin % (margin ÷ net price)
 *   and the markup %. Needs c > 0.
 * - `pass-through`: p + (c' − c) / (1 − d). The customer's *net* price moves by exactly the cost
 *   difference, so the margin amount per unit stays (a 10 % discount does not eat part of the
 *   increase). Needs d < 100 %.
 * - `fixed:P`: P.
 * - `percent:P`: p × (1 + P / 100) (P > −100).
 * The exact result is then rounded once (see {@link roundPrice}).
 */
export type PriceStrategy =
  | { kind: "keep-margin" }
  | { kind: "pass-through" }
  | { kind: "fixed"; price: Decimal }
  | { kind: "percent"; pct: Decimal };

/**
 * `cents`: to cents, half away from zero. `ending`: to cents first, then up to the next price whose
 * cents are the ending (`ending:0.90`: 2.72 → 2.90, 2.90 → 2.90, 3.00 → 3.90), so the price never
 * falls below what the strategy asked for.
 */
export type PriceRounding = { kind: "cents" } | { kind: "ending"; ending: Decimal };

const NUMBER = /^-?\d+([.,]\d+)?$/;
const num = (text: string): Decimal | null => (NUMBER.test(text) ? new Decimal(text.replace(",", ".")) : null);

/** Parses `keep-margin | pass-through | fixed:PRICE | percent:P`; null when invalid. */
export function parseStrategy(text: string): PriceStrategy | null {
  const t = text.trim().toLowerCase();
  if (t === "keep-margin") return { kind: "keep-margin" };
  if (t === "pass-through") return { kind: "pass-through" };
  const m = /^(fixed|percent):(.+)$/.exec(t);
  const value = m ? num(m[2]!.trim()) : null;
  if (!m || !value) return null;
  if (m[1] === "fixed") return value.isNegative() ? null : { kind: "fixed", price: value };
  return value.lte(-100) ? null : { kind: "percent", pct: value };
}

/** Parses `cents | ending:0.90` (an ending from 0.00 to 0.99); null when invalid. */
export function parseRounding(text: string): PriceRounding | null {
  const t = text.trim().toLowerCase();
  if (t === "cents") return { kind: "cents" };
  const m = /^ending:(0?[.,]\d{1,2}|0)$/.exec(t);
  return m ? { kind: "ending", ending: new Decimal(m[1]!.replace(",", ".")) } : null;
}

/** The strategy as written on the command line and in the proposal. */
export function strategyText(s: PriceStrategy): string {
  return s.kind === "fixed" ? `fixed:${toStored(s.price)}` : s.kind === "percent" ? `percent:${toStored(s.pct)}` : s.kind;
}

/** The rounding as written on the command line and in the proposal. */
export function roundingText(r: PriceRounding): string {
  return r.kind === "cents" ? "cents" : `ending:${r.ending.toFixed(2)}`;
}

export interface PriceInput {
  currentPrice: Decimal;
  discountPct: Decimal;
  currentCost: Decimal;
  newCost: Decimal;
}

/** The exact new price by a strategy, or the reason it has none (`price.no_cost`, `price.full_discount`). */
export function exactNewPrice(input: PriceInput, s: PriceStrategy): { price: Decimal } | { problem: string } {
  switch (s.kind) {
    case "keep-margin":
      if (input.currentCost.lte(0)) return { problem: "price.no_cost" };
      return { price: input.currentPrice.times(input.newCost).dividedBy(input.currentCost) };
    case "pass-through": {
      const share = ONE.minus(input.discountPct.dividedBy(HUNDRED));
      if (share.lte(0)) return { problem: "price.full_discount" };
      return { price: input.currentPrice.plus(input.newCost.minus(input.currentCost).dividedBy(share)) };
    }
    case "fixed":
      return { price: s.price };
    case "percent":
      return { price: input.currentPrice.times(ONE.plus(s.pct.dividedBy(HUNDRED))) };
  }
}

/** Rounds an exact price once, by the chosen rounding. */
export function roundPrice(exact: Decimal, r: PriceRounding): Decimal {
  const cents = roundCents(exact);
  if (r.kind === "cents") return cents;
  return cents.minus(r.ending).ceil().plus(r.ending);
}
