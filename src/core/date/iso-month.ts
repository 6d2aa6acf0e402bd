import { assert } from "../assert";
import { IsoDate, MAX_YEAR, MIN_YEAR, daysInMonthOf, ymdToIso } from "./iso-date";

/** A calendar month as `YYYY-MM`. */
export type IsoMonth = string & { readonly __brand?: "IsoMonth" };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses `YYYY-MM`; null when invalid or outside the accepted range (1900-01 … 9999-12). */
export function parseIsoMonth(text: string): IsoMonth | null {
  if (!MONTH.test(text)) return null;
  const y = Number(text.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR ? (text as IsoMonth) : null;
}

const MONTH_NAMES = {
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/** A month as a reader says it: "Oktober 2026" / "October 2026". */
export function monthName(month: IsoMonth, lang: "de" | "en"): string {
  const { y, m } = ym(month);
  return `${MONTH_NAMES[lang][m - 1]} ${y}`;
}

/** The month a date lies in. */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7) as IsoMonth;
}

function ym(month: IsoMonth): { y: number; m: number } {
  return { y: Number(month.slice(0, 4)), m: Number(month.slice(5, 7)) };
}

/** Builds a month from numbers. */
export function toIsoMonth(y: number, m: number): IsoMonth {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}` as IsoMonth;
}

/** First day of the month. */
export function firstDayOf(month: IsoMonth): IsoDate {
  return `${month}-01` as IsoDate;
}

/** Last day of the month. */
export function lastDayOf(month: IsoMonth): IsoDate {
  const { y, m } = ym(month);
  return ymdToIso(y, m, daysInMonthOf(y, m));
}

/** Number of days in the month. */
export function daysInMonth(month: IsoMonth): number {
  const { y, m } = ym(month);
  return daysInMonthOf(y, m);
}

/** month + n months; the result must lie in the years 0001–9999 (a month after 9999-12 is a bug of the caller). */
export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const { y, m } = ym(month);
  const index = y * 12 + (m - 1) + n;
  if (!(Number.isInteger(index) && index >= 12 && index < 10000 * 12)) assert(false, `${month} + ${n} months is outside the years 0001–9999`);
  return toIsoMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from a to b (b − a). */
export function monthsBetween(a: IsoMonth, b: IsoMonth): number {
  const p = ym(a);
  const q = ym(b);
  return (q.y - p.y) * 12 + (q.m - p.m);
}

/** Every month from `from` to `to`, both included (empty when to < from). */
export function monthRange(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  // Count the months rather than compare strings: after 9999-12 comes "10000-01", which sorts before it.
  const out: IsoMonth[] = [];
  const count = monthsBetween(from, to);
  for (let i = 0; i <= count; i++) out.push(addMonths(from, i));
  return out;
}
