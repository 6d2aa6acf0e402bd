/**
 * Day-exact proration for =MSP.PRORATE (pure; no Office runtime needed).
 * Temporary home: this is meant to move onto src/core later.
 *
 * Semantics: `amount` is the charge for the whole period [periodStart, periodEnd] (both inclusive;
 * default: the calendar month of `from`). The result is
 *   amount × (days of [from, to] inside the period) / (days in the period),
 * computed with decimal.js at full precision and rounded once to cents, half away from zero.
 */
import Decimal from "decimal.js";
import { InputError } from "./errors";

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const SERIAL_UNIX_EPOCH = 25_569;
/** Excel serial of 9999-12-31, the last date Excel accepts. */
const SERIAL_MAX = 2_958_465;

/** A date input as Excel hands it to a custom function: a serial number, text, or nothing. */
export type DateInput = number | string | boolean | null | undefined;

/** Day number (days since 1970-01-01, UTC) of a valid calendar date, else undefined. */
function dayNumber(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** Formats a day number as YYYY-MM-DD (for messages). */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Converts an Excel 1900-system serial to a day number. Excel counts the non-existent 1900-02-29 as
 * serial 60, so serials above 60 are days since 1899-12-30 and serials 1..59 days since 1899-12-31.
 * A time-of-day fraction is ignored.
 */
export function serialToDay(serial: number, label: string): number {
  if (!Number.isFinite(serial)) throw new InputError(`${label}: ${serial} is not a date.`);
  const whole = Math.floor(serial);
  if (whole < 1 || whole > SERIAL_MAX) {
    throw new InputError(`${label}: serial ${serial} is outside Excel's date range (1 = 1900-01-01 … ${SERIAL_MAX} = 9999-12-31).`);
  }
  if (whole === 60) throw new InputError(`${label}: serial 60 is 1900-02-29, a date that does not exist.`);
  return whole > 60 ? whole - SERIAL_UNIX_EPOCH : whole - SERIAL_UNIX_EPOCH + 1;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Parses a date given as serial number or as text `YYYY-MM-DD` / `DD.MM.YYYY` into a day number. */
export function parseDateInput(value: DateInput, label: string): number {
  if (typeof value === "number") return serialToDay(value, label);
  if (typeof value === "string") {
    const text = value.trim();
    let day: number | undefined;
    const iso = ISO_DATE.exec(text);
    const german = GERMAN_DATE.exec(text);
    if (iso) day = dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    else if (german) day = dayNumber(Number(german[3]), Number(german[2]), Number(german[1]));
    else throw new InputError(`${label}: "${value}" is not a date (use a date cell, YYYY-MM-DD or DD.MM.YYYY).`);
    if (day === undefined) throw new InputError(`${label}: "${value}" is not a valid calendar date.`);
    return day;
  }
  if (value === null || value === undefined) throw new InputError(`${label} is missing.`);
  throw new InputError(`${label}: ${String(value)} is not a date.`);
}

function isMissing(value: DateInput): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** First and last day (day numbers) of the calendar month containing `day`. */
export function calendarMonthOf(day: number): { start: number; end: number } {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    start: Date.UTC(year, month, 1) / MS_PER_DAY,
    end: Date.UTC(year, month + 1, 0) / MS_PER_DAY,
  };
}

/** The exact (unrounded) prorated amount as a Decimal; see the module comment. */
export function prorateExact(
  amount: number | string,
  from: DateInput,
  to: DateInput,
  periodStart?: DateInput,
  periodEnd?: DateInput,
): Decimal {
  if (typeof amount === "number" && !Number.isFinite(amount)) throw new InputError(`amount: ${amount} is not a number.`);
  if (typeof amount !== "number" && (typeof amount !== "string" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(amount.trim()))) {
    throw new InputError(`amount: ${String(amount)} is not a number.`);
  }
  const total = new D(typeof amount === "string" ? amount.trim() : amount);

  const fromDay = parseDateInput(from, "from");
  const toDay = parseDateInput(to, "to");
  if (toDay < fromDay) throw new InputError(`to (${formatDay(toDay)}) is before from (${formatDay(fromDay)}).`);

  const startMissing = isMissing(periodStart);
  const endMissing = isMissing(periodEnd);
  if (startMissing !== endMissing) {
    throw new InputError("period_start and period_end must be given together (or both left out for the calendar month of from).");
  }
  let start: number;
  let end: number;
  if (startMissing) {
    ({ start, end } = calendarMonthOf(fromDay));
  } else {
    start = parseDateInput(periodStart, "period_start");
    end = parseDateInput(periodEnd, "period_end");
    if (end < start) throw new InputError(`period_end (${formatDay(end)}) is before period_start (${formatDay(start)}).`);
  }

  const coveredFrom = Math.max(fromDay, start);
  const coveredTo = Math.min(toDay, end);
  const covered = coveredTo >= coveredFrom ? coveredTo - coveredFrom + 1 : 0;
  const periodDays = end - start + 1;
  return total.times(covered).dividedBy(periodDays);
}

/** Prorated amount rounded to cents, half away from zero ("kaufmännisch"), as a number. */
export function prorate(
  amount: number | string,
  from: DateInput,
  to: DateInput,
  periodStart?: DateInput,
  periodEnd?: DateInput,
): number {
  const exact = prorateExact(amount, from, to, periodStart, periodEnd);
  const cents = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  // Avoid returning -0 for a zero share of a negative amount.
  return cents.isZero() ? 0 : cents.toNumber();
}
