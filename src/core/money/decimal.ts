import DecimalBase from "decimal.js";

/**
 * The one Decimal constructor of the project: 34 significant digits and ROUND_HALF_UP, which in
 * decimal.js rounds half away from zero ("kaufmännisch runden", symmetric for credits).
 * A local clone, so no other library's global Decimal settings can change our arithmetic.
 */
export const Decimal = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Creates a Decimal from a canonical decimal string, a Decimal or an integer. */
export function dec(value: string | number | Decimal): Decimal {
  return new Decimal(value);
}

/** Rounds to cents, half away from zero. */
export function roundCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Canonical string of a decimal for storage: no exponent, no trailing zeros (`12.5`, `-0.125`, `3`). */
export function toStored(value: Decimal): string {
  const s = value.toFixed();
  return s === "-0" ? "0" : s;
}

/** String with exactly two decimals, as money is shown in exports (`12.50`). */
export function toCentsString(value: Decimal): string {
  return roundCents(value).toFixed(2);
}

/** Sums decimals exactly. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

const CANONICAL = /^-?\d+(\.\d+)?$/;

/** True for a canonical stored decimal string (`-12.345`, no exponent, no separators). */
export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL.test(text);
}

/** A price with at least two decimals (`5` → `5.00`, `0.1234` stays), as invoices and notes show it. */
export function priceText(value: string): string {
  const [int, frac = ""] = value.split(".");
  return `${int}.${frac.padEnd(2, "0")}`;
}

/**
 * `1234.5` → `1.234,5`: a stored decimal string as German text prints it (digit grouping, decimal
 * comma, no rounding) — on invoice documents, in e-invoice notes and in invoice line texts alike.
 */
export function germanNumber(value: string): string {
  const neg = value.startsWith("-");
  const [int, frac] = (neg ? value.slice(1) : value).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg ? "-" : ""}${grouped}${frac !== undefined ? `,${frac}` : ""}`;
}
