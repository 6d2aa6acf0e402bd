/**
 * Reading the values a worksheet cell hands to a custom function (MSP.*), as Excel passes them:
 *
 * - Dates: an Excel serial number (1900 date system; a time of day is ignored) or text
 *   `YYYY-MM-DD` / `DD.MM.YYYY` (years from 1900, as Excel's).
 * - Months: `YYYY-MM`, `MM.YYYY`, or any date (serial or text), meaning the month it lies in.
 * - Keys (customer, article, contract numbers): text, or a whole number as Excel passes a number
 *   typed into a cell (`10001` → "10001"). Numbers with leading zeros must be typed as text.
 * - Amounts: a number cell or decimal text.
 * - Missing: `null`, `undefined` (Excel passes either for an omitted optional argument) or empty text.
 *
 * Problems are issues with a message code of the "functions" block; `label` names the argument the
 * user has to fix (the host may translate it).
 */
import { type IsoDate, fromExcelSerial, isValidYmd, ymdToIso } from "../date/iso-date";
import { type IsoMonth, monthOf, toIsoMonth } from "../date/iso-month";
import { type Result, fail, issue, ok } from "../issues";
import { Decimal } from "../money/decimal";

/** A value as Excel hands it to a custom function: a number, text, a boolean, or nothing. */
export type CellValue = number | string | boolean | null | undefined;

/** Excel serial of 9999-12-31, the last date Excel accepts. */
export const EXCEL_SERIAL_MAX = 2_958_465;

/** True for an omitted argument: `null`, `undefined` or blank text. */
export function isMissing(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The day of an Excel 1900-system serial (see {@link fromExcelSerial}); a time-of-day fraction is
 * ignored. Serial 60 (the non-existent 1900-02-29) and serials outside 1 … 9999-12-31 are issues.
 */
export function dateFromSerial(serial: number, label: string): Result<IsoDate> {
  if (!Number.isFinite(serial)) return fail(issue("functions.not_a_date_value", { label, value: String(serial) }));
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_SERIAL_MAX) return fail(issue("functions.serial_out_of_range", { label, value: serial, max: EXCEL_SERIAL_MAX }));
  if (whole === 60) return fail(issue("functions.serial_nonexistent", { label }));
  return ok(fromExcelSerial(whole)!);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function calendarDay(y: number, m: number, d: number): IsoDate | undefined {
  return y >= 1900 && isValidYmd(y, m, d) ? ymdToIso(y, m, d) : undefined;
}

/** A date given as a serial number or as text `YYYY-MM-DD` / `DD.MM.YYYY` (required). */
export function readDate(value: CellValue, label: string): Result<IsoDate> {
  if (typeof value === "number") return dateFromSerial(value, label);
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return fail(issue("functions.value_missing", { label }));
    const iso = ISO_DATE.exec(text);
    const german = GERMAN_DATE.exec(text);
    if (!iso && !german) return fail(issue("functions.not_a_date", { label, value }));
    const day = iso ? calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : calendarDay(Number(german![3]), Number(german![2]), Number(german![1]));
    return day === undefined ? fail(issue("functions.invalid_calendar_date", { label, value })) : ok(day);
  }
  if (value === null || value === undefined) return fail(issue("functions.value_missing", { label }));
  return fail(issue("functions.not_a_date_value", { label, value: String(value) }));
}

/** An optional date: `fallback()` (e.g. today) when it is omitted. */
export function readOptionalDate(value: CellValue, label: string, fallback: () => IsoDate): Result<IsoDate> {
  return isMissing(value) ? ok(fallback()) : readDate(value, label);
}

const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const GERMAN_MONTH = /^(\d{1,2})\.(\d{4})$/;

/** A month: `YYYY-MM`, `MM.YYYY`, or a date (serial or text) meaning its month. */
export function readMonth(value: CellValue, label: string): Result<IsoMonth> {
  if (typeof value === "string") {
    const text = value.trim();
    const iso = ISO_MONTH.exec(text);
    const german = GERMAN_MONTH.exec(text);
    const ym = iso ? [Number(iso[1]), Number(iso[2])] : german ? [Number(german[2]), Number(german[1])] : undefined;
    if (ym) {
      const [y, m] = ym as [number, number];
      return y < 1900 || m < 1 || m > 12 ? fail(issue("functions.not_a_month", { label, value })) : ok(toIsoMonth(y, m));
    }
    if (text !== "" && !ISO_DATE.test(text) && !GERMAN_DATE.test(text)) return fail(issue("functions.not_a_month", { label, value }));
  }
  const day = readDate(value, label);
  return day.ok ? ok(monthOf(day.value)) : day;
}

/** A key (customer, article or contract number) as text. */
export function readKey(value: unknown, label: string): Result<string> {
  if (isMissing(value)) return fail(issue("functions.value_missing", { label }));
  if (typeof value === "string") return ok(value.trim());
  if (typeof value === "number" && Number.isSafeInteger(value)) return ok(String(value));
  return fail(issue("functions.invalid_key", { label, value: String(value) }));
}

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * An amount: a finite number (taken as the decimal Excel shows, e.g. 12.34 → 12.34, not its binary
 * expansion) or decimal text with a point.
 */
export function readAmount(value: unknown, label: string): Result<Decimal> {
  if (typeof value === "number" && Number.isFinite(value)) return ok(new Decimal(value));
  if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) return ok(new Decimal(value.trim()));
  return fail(issue("functions.not_a_number", { label, value: String(value) }));
}
