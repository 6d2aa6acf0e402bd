/**
 * Custom worksheet functions (namespace MSP, see manifest.xml).
 *
 * Metadata (functions.json) is generated from the JSDoc below by CustomFunctionsMetadataPlugin,
 * which also appends the `CustomFunctions.associate(ID, fn)` calls to this file at build time:
 * never call associate by hand. Each function stays a thin wrapper around a pure helper and turns
 * helper errors into Excel errors with a message (shown in the cell's tooltip).
 *
 * Only pure functions for now; store-backed ones (QTY, PRICE, CONTRACT, BILLED, MARGIN) follow.
 */
import { toCustomFunctionError } from "./errors";
import { prorate as prorateAmount } from "./prorate";

/**
 * Day-exact share of a periodic charge: amount × covered days / days in the period, rounded to cents.
 * @customfunction PRORATE
 * @param amount Charge for the whole period (net), e.g. the monthly price.
 * @param from First day of service: a date, or text YYYY-MM-DD or DD.MM.YYYY.
 * @param to Last day of service (inclusive): a date, or text YYYY-MM-DD or DD.MM.YYYY.
 * @param [period_start] First day of the period the amount is charged for. Default: first day of the month of from.
 * @param [period_end] Last day of that period (inclusive). Default: last day of the month of from.
 * @returns The prorated amount, rounded to cents (half away from zero).
 */
export function prorate(
  amount: number,
  from: number | string,
  to: number | string,
  period_start?: number | string,
  period_end?: number | string,
): number {
  try {
    return prorateAmount(amount, from, to, period_start, period_end);
  } catch (error) {
    throw toCustomFunctionError(error);
  }
}
