/**
 * Reading custom-function arguments as Excel hands them over (pure; no Office runtime needed).
 *
 * - Dates: an Excel serial number (1900 date system; a time of day is ignored) or text
 *   `YYYY-MM-DD` / `DD.MM.YYYY`.
 * - Months: `YYYY-MM`, `MM.YYYY`, or any date (serial or text), meaning the month it lies in.
 * - Keys (customer, article, contract numbers): text, or a whole number as Excel passes a number
 *   typed into a cell (`10001` → "10001"). Numbers with leading zeros must be typed as text.
 * - Missing: `null`, `undefined` (Excel passes either for an omitted optional argument) or empty text.
 *
 * Problems raise {@link InputError} (#VALUE!) with a message code of the "functions" block.
 */
import { type IsoDate, fromDayNumber, isValidYmd, toDayNumber, ymdToIso } from "../core/date/iso-date";
import { type IsoMonth, monthOf, toIsoMonth } from "../core/date/iso-month";
import { InputError } from "./errors";

/** A date input as Excel hands it to a custom function: a serial number, text, or nothing. */
export type DateInput = number | string | boolean | null | undefined;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const SERIAL_UNIX_EPOCH = 25_569;
/** Excel serial of 9999-12-31, the last date Excel accepts. */
export const SERIAL_MAX = 2_958_465;

/** True for an omitted argument. */
export function isMissing(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Day number (days since 1970-01-01) of a valid calendar date from 1900 on, else undefined. */
function dayNumber(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || !isValidYmd(year, month, day)) return undefined;
  return toDayNumber(ymdToIso(year, month, day));
}

/** Formats a day number as YYYY-MM-DD (for messages). */
export function formatDay(day: number): string {
  return fromDayNumber(day);
}

/**
 * Converts an Excel 1900-system serial to a day number. Excel counts the non-existent 1900-02-29 as
 * serial 60, so serials above 60 are days since 1899-12-30 and serials 1..59 days since 1899-12-31.
 * A time-of-day fraction is ignored.
 */
export function serialToDay(serial: number, label: string): number {
  if (!Number.isFinite(serial)) throw new InputError("functions.not_a_date_value", { label, value: String(serial) });
  const whole = Math.floor(serial);
  if (whole < 1 || whole > SERIAL_MAX) throw new InputError("functions.serial_out_of_range", { label, value: serial, max: SERIAL_MAX });
  if (whole === 60) throw new InputError("functions.serial_nonexistent", { label });
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
    else if (text === "") throw new InputError("functions.value_missing", { label });
    else throw new InputError("functions.not_a_date", { label, value });
    if (day === undefined) throw new InputError("functions.invalid_calendar_date", { label, value });
    return day;
  }
  if (value === null || value === undefined) throw new InputError("functions.value_missing", { label });
  throw new InputError("functions.not_a_date_value", { label, value: String(value) });
}

/** A required date argument as an ISO date. */
export function parseDateArg(value: DateInput, label: string): IsoDate {
  return fromDayNumber(parseDateInput(value, label));
}

/** An optional date argument as an ISO date; `fallback` (e.g. today) when it is omitted. */
export function parseOptionalDateArg(value: DateInput, label: string, fallback: () => IsoDate): IsoDate {
  return isMissing(value) ? fallback() : parseDateArg(value, label);
}

const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const GERMAN_MONTH = /^(\d{1,2})\.(\d{4})$/;

/** A month argument: `YYYY-MM`, `MM.YYYY`, or a date (serial or text) meaning its month. */
export function parseMonthArg(value: DateInput, label: string): IsoMonth {
  if (typeof value === "string") {
    const text = value.trim();
    const iso = ISO_MONTH.exec(text);
    const german = GERMAN_MONTH.exec(text);
    const ym = iso ? [Number(iso[1]), Number(iso[2])] : german ? [Number(german[2]), Number(german[1])] : undefined;
    if (ym) {
      const [y, m] = ym as [number, number];
      if (y < 1900 || m < 1 || m > 12) throw new InputError("functions.not_a_month", { label, value });
      return toIsoMonth(y, m);
    }
    if (text !== "" && !ISO_DATE.test(text) && !GERMAN_DATE.test(text)) throw new InputError("functions.not_a_month", { label, value });
  }
  return monthOf(parseDateArg(value, label));
}

/** A key argument (customer, article or contract number) as text. */
export function parseKeyArg(value: unknown, label: string): string {
  if (isMissing(value)) throw new InputError("functions.value_missing", { label });
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  throw new InputError("functions.invalid_key", { label, value: String(value) });
}

/** The calendar month (first and last day numbers) containing a day number. */
export function calendarMonthOf(day: number): { start: number; end: number } {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    start: Date.UTC(year, month, 1) / MS_PER_DAY,
    end: Date.UTC(year, month + 1, 0) / MS_PER_DAY,
  };
}
