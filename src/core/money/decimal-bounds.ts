import { type Expectation, expecting } from "../expectation";

/**
 * The bounds of every decimal the program reads from a file (README "Limits and hardening"): a
 * value outside is refused naming where it is, never rounded.
 */

/** Quantities and amounts have at most 15 digits before the decimal point. */
export const MAX_INTEGER_DIGITS = 15;

/**
 * Digits after the decimal point, per kind of value. Percentages (VAT, discounts, surcharges) need
 * few; prices, costs and quantities typed by people get the precision of a computed unit cost (10);
 * machine-written vendor numbers (Azure usage quantities such as 0.005001 or 0.000277777777777778,
 * rates such as 0.0209951014286867) up to 20, the scale the store and its backups keep. With at most
 * 15 digits before the point, sums of such values stay exact in the 34 significant digits of the
 * core's Decimal.
 */
export const MAX_DECIMALS = { percent: 6, price: 10, quantity: 10, vendor: 20 } as const;
export type DecimalKind = keyof typeof MAX_DECIMALS;

/** Digits after the point of a canonical decimal text (`12.50` → 2, `-3` → 0). */
export function fractionDigits(canonical: string): number {
  const dot = canonical.indexOf(".");
  return dot < 0 ? 0 : canonical.length - dot - 1;
}

/** Digits before the point of a canonical decimal text, leading zeros and sign not counted. */
export function integerDigits(canonical: string): number {
  const body = canonical.charCodeAt(0) === 45 ? canonical.slice(1) : canonical;
  const dot = body.indexOf(".");
  const int = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+/, "");
  return int.length;
}

/**
 * What a JSON settings file's decimal must look like beyond being one, or null when it fits its
 * kind: the bounds above, and no JSON number of 16 or more significant digits (`JSON.parse` has
 * rounded it already to a binary float; such a value must be written as a text, `"0.12345678901234567"`).
 */
export function jsonDecimalProblem(value: unknown, canonical: string, kind: DecimalKind): Expectation | null {
  if (typeof value === "number" && canonical.replace(/^-?0*\.?0*/, "").replace(".", "").length >= 16) return expecting("decimal_as_text");
  if (integerDigits(canonical) > MAX_INTEGER_DIGITS) return expecting("max_integer_digits", { digits: MAX_INTEGER_DIGITS });
  if (fractionDigits(canonical) > MAX_DECIMALS[kind]) return expecting("max_fraction_digits", { digits: MAX_DECIMALS[kind] });
  return null;
}
