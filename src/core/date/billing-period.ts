import { IsoDate, addDays } from "./iso-date";
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

/** Length of an interval in months. */
export function intervalMonths(interval: BillingInterval): number {
  return { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 }[interval];
}

/** The calendar-aligned period (month, Jan–Mar quarter, half-year, year) that contains `date`. */
export function periodContaining(date: IsoDate, interval: BillingInterval): BillingPeriod {
  const len = intervalMonths(interval);
  const month = monthOf(date);
  const m = Number(month.slice(5, 7));
  const first = addMonths(month, -((m - 1) % len));
  return { start: firstDayOf(first), end: lastDayOf(addMonths(first, len - 1)) };
}

/** The period that follows `period`. */
export function nextPeriod(period: BillingPeriod, interval: BillingInterval): BillingPeriod {
  return periodContaining(addDays(period.end, 1), interval);
}

/** The calendar months a period covers, in order. */
export function monthsOfPeriod(period: BillingPeriod): IsoMonth[] {
  return monthRange(monthOf(period.start), monthOf(period.end));
}

/** Due date of a period: its first day in advance, the day after its last day in arrears. */
export function dueDate(period: BillingPeriod, mode: BillingMode): IsoDate {
  return mode === "advance" ? period.start : addDays(period.end, 1);
}
