import { Decimal } from "../money/decimal";

/**
 * Decimal places of every "exact" amount the billing core keeps (ledger `exactAmount`, line
 * `exactAmount`). Day-exact proration divides by the days of a month, which gives endless decimals
 * (100 / 31); decimal.js then cuts at 34 significant digits, so sums and differences of such values
 * would depend on their order and could leave a residue of 1e-30 after "new − billed".
 *
 * NOTE: fixing the scale makes all later sums and differences exact (fixed-point arithmetic) as long
 * as amounts stay below 10^14 (34 digits − 20 decimals). 20 decimals are far below a cent, so rounding
 * to cents is never affected for realistic prices.
 */
export const EXACT_DECIMALS = 20;

/** Brings a full-precision amount to the fixed exact scale (half away from zero). */
export function toExact(value: Decimal): Decimal {
  return value.toDecimalPlaces(EXACT_DECIMALS, Decimal.ROUND_HALF_UP);
}
