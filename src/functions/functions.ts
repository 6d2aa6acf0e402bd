/**
 * Custom worksheet functions (namespace MSP, see manifest.xml).
 *
 * Metadata (functions.json) is generated from the JSDoc below by CustomFunctionsMetadataPlugin,
 * which also appends the `CustomFunctions.associate(ID, fn)` calls to this file at build time:
 * never call associate by hand. German descriptions: functions.de.ts (same functions, German JSDoc,
 * generated into functions-de.json). Keep the two in step; test/functions/functions-metadata.test.ts
 * checks that they match.
 *
 * Each function is a thin wrapper: read the arguments (src/functions/inputs.ts), ask the in-memory
 * lookup index (src/core/lookup, cached by src/app/lookup: built once per store change, so 10,000
 * cells share one read transaction), and turn problems into Excel errors with a message: #VALUE! for bad input, #N/A when
 * the customer, article or contract does not exist or nothing is there.
 *
 * Dates: Excel date serials or text YYYY-MM-DD / DD.MM.YYYY. An omitted date means today, the
 * computer's local date (read here, in the functions layer; src/core never reads the clock). These
 * functions are not volatile, so a default "today" is not recalculated at midnight: pass TODAY()
 * for a live date. Excel does not recalculate them when the store changes either: the index
 * refreshes itself, but the task pane has to trigger a recalculation after it writes (see
 * src/app/lookup/lookup-index.ts, LookupIndexCache.onInvalidate).
 */
import { billedIn, contractHolding, marginOn, nextDueDate, quantityOn, unitPriceOn, versionInForce } from "../core/lookup/queries";
import { toExcelSerial } from "../core/date/iso-date";
import { toCustomFunctionError } from "./errors";
import { functionsEnvironment } from "./environment";
import { parseKeyArg, parseMonthArg, parseOptionalDateArg } from "./inputs";
import { prorate as prorateAmount } from "./prorate";
import { excelCall, found, ledgerIndex, masterIndex, toExcelNumber } from "./store-access";

const today = () => functionsEnvironment().today();

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
    throw toCustomFunctionError(error, functionsEnvironment().language());
  }
}

/**
 * Total quantity of an article in a customer's contracts on a date (all positions of the article in contracts running that day).
 * @customfunction QTY
 * @param customer Customer number (text or a whole number).
 * @param article Article number.
 * @param [date] Day to look at: a date, or text YYYY-MM-DD or DD.MM.YYYY. Default: today (use TODAY() to have it recalculated daily).
 * @returns The quantity; 0 when the customer has no position of the article that day.
 */
export async function qty(customer: number | string, article: number | string, date?: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(customer, "customer");
    const a = parseKeyArg(article, "article");
    const day = parseOptionalDateArg(date, "date", today);
    return toExcelNumber(found(quantityOn(await masterIndex(), c, a, day)));
  });
}

/**
 * Net unit price per month after discount of a customer's article on a date; with several positions at different prices, the quantity-weighted average. Not rounded.
 * @customfunction PRICE
 * @param customer Customer number (text or a whole number).
 * @param article Article number.
 * @param [date] Day to look at: a date, or text YYYY-MM-DD or DD.MM.YYYY. Default: today (use TODAY() to have it recalculated daily).
 * @returns Unit price × (1 − discount %) per unit and month, not rounded.
 */
export async function price(customer: number | string, article: number | string, date?: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(customer, "customer");
    const a = parseKeyArg(article, "article");
    const day = parseOptionalDateArg(date, "date", today);
    return toExcelNumber(found(unitPriceOn(await masterIndex(), c, a, day)));
  });
}

/**
 * Number of the contract that holds the article at the customer today; if several do, the first by contract number.
 * @customfunction CONTRACT
 * @param customer Customer number (text or a whole number).
 * @param article Article number.
 * @returns The contract number.
 */
export async function contract(customer: number | string, article: number | string): Promise<string> {
  return excelCall(async () => {
    const c = parseKeyArg(customer, "customer");
    const a = parseKeyArg(article, "article");
    return found(contractHolding(await masterIndex(), c, a, today()));
  });
}

/**
 * Net amount billed for a contract in a month, from the billing ledger: the invoiced (rounded) amounts of its recurring and difference lines for that month.
 * @customfunction BILLED
 * @param contract Contract number.
 * @param month Month: text YYYY-MM or MM.YYYY, or any date in the month (a date, or text YYYY-MM-DD or DD.MM.YYYY).
 * @returns The billed net amount (a sum of invoiced cent amounts); 0 when nothing was billed for that month.
 */
export async function billed(contract: number | string, month: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(contract, "contract");
    const m = parseMonthArg(month, "month");
    const [master, ledger] = await Promise.all([masterIndex(), ledgerIndex()]);
    return toExcelNumber(found(billedIn(master, ledger, c, m)));
  });
}

/**
 * Margin per unit and month of a customer's article on a date: net unit price after discount (as MSP.PRICE) minus the article's purchase price. Not rounded.
 * @customfunction MARGIN
 * @param customer Customer number (text or a whole number).
 * @param article Article number.
 * @param [date] Day to look at: a date, or text YYYY-MM-DD or DD.MM.YYYY. Default: today (use TODAY() to have it recalculated daily).
 * @returns Net unit price minus purchase price, per unit and month, not rounded.
 */
export async function margin(customer: number | string, article: number | string, date?: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(customer, "customer");
    const a = parseKeyArg(article, "article");
    const day = parseOptionalDateArg(date, "date", today);
    return toExcelNumber(found(marginOn(await masterIndex(), c, a, day)));
  });
}

/**
 * Valid-from date of the latest contract version in force on a date: the last day on or before the date on which a position of the contract changed.
 * @customfunction VERSION
 * @param contract Contract number.
 * @param [date] Day to look at: a date, or text YYYY-MM-DD or DD.MM.YYYY. Default: today (use TODAY() to have it recalculated daily).
 * @returns The valid-from date as an Excel date serial number (format the cell as a date).
 */
export async function version(contract: number | string, date?: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(contract, "contract");
    const day = parseOptionalDateArg(date, "date", today);
    return toExcelSerial(found(versionInForce(await masterIndex(), c, day)));
  });
}

/**
 * Next due date of a contract's billing on or after a date, from its billing interval and mode: in advance the first day of a billing period, in arrears the day after its last day.
 * @customfunction NEXTBILL
 * @param contract Contract number.
 * @param [date] Day to start from (a period due on this day counts): a date, or text YYYY-MM-DD or DD.MM.YYYY. Default: today.
 * @returns The due date as an Excel date serial number (format the cell as a date).
 */
export async function nextbill(contract: number | string, date?: number | string): Promise<number> {
  return excelCall(async () => {
    const c = parseKeyArg(contract, "contract");
    const day = parseOptionalDateArg(date, "date", today);
    return toExcelSerial(found(nextDueDate(await masterIndex(), c, day)));
  });
}
