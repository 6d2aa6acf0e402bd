/**
 * Calendar dates as `YYYY-MM-DD` strings, computed with integer day numbers (no `Date`, no time
 * zones, no daylight-saving jumps). Day numbers count days since 1970-01-01.
 */
import { assert } from "../assert";

export type IsoDate = string & { readonly __brand?: "IsoDate" };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates the program accepts from any input (README "Input limits and hardening"): from the first
 * day Excel can show to the "open end" vendors write. Every calendar computation is correct and
 * terminates for dates in this range; readers refuse anything outside with a message.
 */
export const MIN_DATE = "1900-01-01" as IsoDate;
export const MAX_DATE = "9999-12-31" as IsoDate;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** True when y-m-d is a real calendar day. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonthOf(y, m);
}

/** True when y-m-d is a real calendar day inside the accepted range {@link MIN_DATE} … {@link MAX_DATE}. */
export function isAcceptedYmd(y: number, m: number, d: number): boolean {
  return isValidYmd(y, m, d) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Leap year in the Gregorian calendar. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month m (1–12) of year y. */
export function daysInMonthOf(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : DAYS_IN_MONTH[m - 1] ?? 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses a strict ISO date; null when it is not a real day or outside the accepted range. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return isAcceptedYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? (text as IsoDate) : null;
}

/** True for a valid `YYYY-MM-DD` inside the accepted range. */
export function isIsoDate(text: string): text is IsoDate {
  return parseIsoDate(text) !== null;
}

/** Formats year, month, day as an ISO date. */
export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as IsoDate;
}

/** Splits an ISO date into numbers. */
export function isoToYmd(date: IsoDate): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = isoToYmd(date);
  return dayNumberOf(y, m, d);
}

// Howard Hinnant's days-from-civil algorithm, exact for the proleptic Gregorian calendar.
/** Day number (days since 1970-01-01) of year, month and day, for any year (no text in between). */
export function dayNumberOf(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const LAST_DAY_NUMBER = dayNumberOf(9999, 12, 31);
const FIRST_DAY_NUMBER = dayNumberOf(1, 1, 1);

/**
 * ISO date of a day number. Only years 0001–9999 have a `YYYY-MM-DD` text that sorts like the
 * dates it stands for ("10000-01-01" sorts before "9999-12-31"), so a day outside them is a bug of
 * the caller (it must stop at {@link MAX_DATE}), not a date.
 */
export function fromDayNumber(n: number): IsoDate {
  // The message is built only on failure: this runs for every day computed.
  if (!(Number.isInteger(n) && n >= FIRST_DAY_NUMBER && n <= LAST_DAY_NUMBER)) assert(false, `day number ${n} is outside the years 0001–9999`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return ymdToIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** date + n days. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Days from a to b (b − a); 0 when equal. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

const EXCEL_EPOCH_DAY = toDayNumber("1899-12-30" as IsoDate);

/**
 * Converts an Excel serial number (1900 date system) to an ISO date. Serials 1–59 are before
 * Excel's phantom 29 Feb 1900, so they are shifted by one day; a time fraction is dropped.
 */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 does not exist
  return fromDayNumber(EXCEL_EPOCH_DAY + whole + (whole < 60 ? 1 : 0));
}

/** Excel serial number (1900 date system) of an ISO date. */
export function toExcelSerial(date: IsoDate): number {
  const n = toDayNumber(date) - EXCEL_EPOCH_DAY;
  return n < 61 ? n - 1 : n;
}

/** `2026-01-31` → `31.01.2026`, as German invoices and texts write a date. */
export function germanDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
