import { type IsoDate, addDays, isoToYmd, isoWeekday } from "../date/iso-date";
import { Issue, issue } from "../issues";
import { publicHolidays } from "../time/holidays";

/**
 * The TARGET2 (T2) calendar, by which SEPA direct debits are settled: open Monday to Friday except
 * New Year's Day, Good Friday, Easter Monday, 1 May and 25 and 26 December (ECB). Easter comes from
 * the German holiday package the project already uses (Good Friday and Easter Monday are holidays in
 * every Bundesland).
 */
const easterCache = new Map<number, ReadonlySet<string>>();

function easterClosings(year: number): ReadonlySet<string> {
  let days = easterCache.get(year);
  if (!days) {
    days = new Set([...publicHolidays(year, "BE")].filter(([, name]) => name === "KARFREITAG" || name === "OSTERMONTAG").map(([date]) => date));
    easterCache.set(year, days);
  }
  return days;
}

/** True when TARGET2 settles on `date`. */
export function isTarget2BusinessDay(date: IsoDate): boolean {
  if (isoWeekday(date) >= 6) return false;
  const md = date.slice(5);
  if (md === "01-01" || md === "05-01" || md === "12-25" || md === "12-26") return false;
  return !easterClosings(isoToYmd(date).y).has(date);
}

/** The first TARGET2 business day on or after `date`. */
export function nextTarget2BusinessDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isTarget2BusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The n-th TARGET2 business day after `date` (n ≥ 1; `date` itself is not counted). */
export function addTarget2BusinessDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isTarget2BusinessDay(d)) left--;
  }
  return d;
}

/**
 * Business days the file must reach the bank before the collection date. Since the rulebooks of
 * November 2016 CORE (the former COR1 lead time) and B2B both need one TARGET2 business day (D-1);
 * banks set their own cut-off times on that day or ask for a day more, which the creditor settings
 * can add.
 */
export const SCHEME_LEAD_DAYS = { CORE: 1, B2B: 1 } as const;

/**
 * The earliest collection date for a file handed to the bank `today`: a file given in on a closing
 * day counts from the next business day, then the lead days are added.
 */
export function earliestCollectionDate(today: IsoDate, leadDays: number): IsoDate {
  return addTarget2BusinessDays(nextTarget2BusinessDay(today), Math.max(1, leadDays));
}

/**
 * Checks a requested collection date: a TARGET2 business day, and not before the earliest date the
 * lead time allows for a file handed in `today`.
 */
export function collectionDateIssues(date: IsoDate, today: IsoDate, leadDays: number): Issue[] {
  const issues: Issue[] = [];
  if (!isTarget2BusinessDay(date)) issues.push(issue("sepa.collection_not_business_day", { date, next: nextTarget2BusinessDay(date) }));
  const earliest = earliestCollectionDate(today, leadDays);
  if (date < earliest) issues.push(issue("sepa.collection_too_early", { date, earliest, today, days: leadDays }));
  return issues;
}
