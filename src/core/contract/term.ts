import { IsoDate, addDays, daysInMonthOf, isoToYmd, ymdToIso } from "../date/iso-date";

/**
 * NCE commitment terms (issue 19, research/domain.md A1.1): a subscription is bought for a term (one
 * month, one year, three years) and billed monthly, annually or once per term. Seats can be reduced
 * or the subscription cancelled with a (prorated) refund only within 168 hours (7 days) after the
 * purchase or a renewal; after that the partner owes Microsoft the seats until the term ends.
 */

/** Commitment term as an ISO-8601 duration, or `trial`. */
export type TermLength = "P1M" | "P1Y" | "P3Y" | "trial";
export const TERM_LENGTHS: readonly TermLength[] = ["P1M", "P1Y", "P3Y", "trial"];

/** How often the vendor bills a subscription (annual term billed monthly is `monthly`). */
export type BillingFrequency = "monthly" | "annual" | "triennial" | "one_time";
export const BILLING_FREQUENCIES: readonly BillingFrequency[] = ["monthly", "annual", "triennial", "one_time"];

/** Microsoft's cancellation window after a purchase or renewal: 168 hours. */
export const CANCELLATION_WINDOW_DAYS = 7;

/** Months of a term (a trial is one month). */
export function termMonths(term: TermLength): number {
  return term === "P3Y" ? 36 : term === "P1Y" ? 12 : 1;
}

/** The date `months` months after `date`, clamped to the last day of a shorter month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = isoToYmd(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymdToIso(ny, nm, Math.min(d, daysInMonthOf(ny, nm)));
}

/**
 * The first day of the term that contains `day`, given the day the commitment ends (its last day)
 * and the term length: terms run back from the end (end + 1 day − term, and further back by whole
 * terms while that is after `day`). Null when `day` is after the commitment end.
 */
export function termStartOn(day: IsoDate, commitmentEnd: IsoDate, term: TermLength): IsoDate | null {
  if (day > commitmentEnd) return null;
  const months = termMonths(term);
  const next = addDays(commitmentEnd, 1);
  let k = 1;
  let start = addMonths(next, -months);
  while (start > day) start = addMonths(next, -months * ++k);
  return start;
}

/** The last day a seat reduction or cancellation is still refunded: 7 days after the term started, the start day counted as day 0. */
export function refundWindowEnd(termStart: IsoDate): IsoDate {
  // 168 hours from the purchase at some time of day T on the start day end at T on day 7; on that
  // day the window may already be closed, so day 6 is the last day that is surely inside.
  return addDays(termStart, CANCELLATION_WINDOW_DAYS - 1);
}

/**
 * True when a reduction effective on `day` is outside the window of its term, so the vendor does not
 * refund it (the partner keeps paying until the commitment ends). Null when the term is unknown.
 */
export function reductionNotRefundable(day: IsoDate, termStart: IsoDate | null): boolean | null {
  if (termStart === null) return null;
  return day > refundWindowEnd(termStart);
}

/** True for billing frequencies that do not charge every month (the vendor file of a month may not show the subscription). */
export function billedLessThanMonthly(f: BillingFrequency | undefined): boolean {
  return f === "annual" || f === "triennial" || f === "one_time";
}
