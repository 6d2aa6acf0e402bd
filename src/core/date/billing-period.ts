import { assert } from "../assert";
import { IsoDate, MAX_DATE, addDays } from "./iso-date";
import { IsoMonth, addMonths, firstDayOf, lastDayOf, monthOf, monthRange } from "./iso-month";

export type BillingInterval = "monthly" | "quarterly" | "semiannual" | "annual";
export type BillingMode = "advance" | "arrears";

export const BILLING_INTERVALS: readonly BillingInterval[] = ["monthly", "quarterly", "semiannual", "annual"];
export const BILLING_MODES: readonly BillingMode[] = ["advance", "arrears"];

/** A calendar-aligned billing period; `end` is the last day, inclusive. */
export interface BillingPeriod {
  start: IsoDate;
  end: IsoDate;
}

const INTERVAL_MONTHS: Readonly<Record<BillingInterval, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** True for an interval the program knows (a value from the store or a backup may be anything). */
export function isBillingInterval(value: unknown): value is BillingInterval {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(INTERVAL_MONTHS, value);
}

/** True for a billing mode the program knows. */
export function isBillingMode(value: unknown): value is BillingMode {
  return value === "advance" || value === "arrears";
}

/**
 * Length of an interval in months. An unknown interval is a bug of the caller (readers and the
 * billing run refuse such contracts first): without a length, period arithmetic would not advance.
 */
export function intervalMonths(interval: BillingInterval): number {
  const months = isBillingInterval(interval) ? INTERVAL_MONTHS[interval] : undefined;
  if (months === undefined) assert(false, `unknown billing interval ${JSON.stringify(interval)}`);
  return months;
}

/** The calendar-aligned period (month, Jan–Mar quarter, half-year, year) that contains `date`. */
export function periodContaining(date: IsoDate, interval: BillingInterval): BillingPeriod {
  const len = intervalMonths(interval);
  const month = monthOf(date);
  const m = Number(month.slice(5, 7));
  const first = addMonths(month, -((m - 1) % len));
  return { start: firstDayOf(first), end: lastDayOf(addMonths(first, len - 1)) };
}

/** The period that follows `period`; null after the period that ends on {@link MAX_DATE} (the end of the calendar). */
export function nextPeriod(period: BillingPeriod, interval: BillingInterval): BillingPeriod | null {
  return period.end >= MAX_DATE ? null : periodContaining(addDays(period.end, 1), interval);
}

/** The calendar months a period covers, in order. */
export function monthsOfPeriod(period: BillingPeriod): IsoMonth[] {
  return monthRange(monthOf(period.start), monthOf(period.end));
}

/**
 * Due date of a period: its first day in advance, the day after its last day in arrears. Null for a
 * period in arrears that ends on {@link MAX_DATE}: it falls due after the last date there is.
 */
export function dueDate(period: BillingPeriod, mode: BillingMode): IsoDate | null {
  if (mode === "advance") return period.start;
  return period.end >= MAX_DATE ? null : addDays(period.end, 1);
}
