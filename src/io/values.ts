import { IsoDate, fromExcelSerial, isAcceptedYmd, isValidYmd, ymdToIso } from "../core/date/iso-date";
import { Decimal } from "../core/money/decimal";

export type DecimalSeparator = "," | "." | "auto";

const PLAIN = /^[+-]?\d+([.,]\d+)?$/;
/** The common machine-written case (`-3.87`, `12`), read without further checks. */
const FAST_POINT = /^-?\d{1,30}(\.\d{1,40})?$/;
/** Scientific notation as programs write tiny usage quantities (`4.2E-05`); exponent kept small. */
const EXPONENT = /^(\d+)(?:[.,](\d+))?[eE]([+-]?\d{1,3})$/;

/**
 * Reads a number written by a person or a spreadsheet: decimal comma or point, thousands separators
 * (`1.234,56`, `1,234.56`, `1 234,56`, `1'234.56`), a leading sign or trailing minus, optional € or
 * % sign, and scientific notation (`4.2E-05`, exponent of at most three digits). With `auto`, a single separator followed by exactly three digits is ambiguous; it is read
 * as a thousands separator only when the other separator also appears. Null when not a number.
 */
export function parseDecimalText(raw: string, separator: DecimalSeparator = "auto"): Decimal | null {
  // With "auto" a lone point is a decimal point, so the fast path agrees with the full rules below.
  if (separator !== "," && FAST_POINT.test(raw)) return new Decimal(raw);
  let s = raw.trim().replace(/[\u00a0\u202f ']/g, "").replace(/^€|€$|EUR$/i, "").replace(/%$/, "");
  if (s === "") return null;
  let negative = false;
  if (s.endsWith("-")) {
    negative = true;
    s = s.slice(0, -1);
  }
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  const exp = EXPONENT.exec(s);
  if (exp) {
    if (exp[2] !== undefined && separator !== "auto" && s.charAt(exp[1]!.length) !== separator) return null;
    const value = new Decimal(`${exp[1]}${exp[2] !== undefined ? "." + exp[2] : ""}e${exp[3]}`);
    return negative ? value.negated() : value;
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const decimalSep = separator === "auto" ? guessDecimalSeparator(s) : separator;
  const thousandsSep = decimalSep === "," ? "." : ",";
  const parts = s.split(decimalSep);
  if (parts.length > 2) return null;
  const intPart = parts[0]!;
  if (intPart.includes(thousandsSep)) {
    const groups = intPart.split(thousandsSep);
    if (groups[0] === "" || groups.slice(1).some((g) => g.length !== 3)) return null;
  }
  const normalized = intPart.split(thousandsSep).join("") + (parts.length === 2 ? "." + parts[1] : "");
  if (!PLAIN.test(normalized) || normalized.endsWith(".")) return null;
  const value = new Decimal(normalized);
  return negative ? value.negated() : value;
}

function guessDecimalSeparator(s: string): "," | "." {
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "," : ".";
  const sep = lastComma >= 0 ? "," : ".";
  const occurrences = s.split(sep).length - 1;
  if (occurrences > 1) return sep === "," ? "." : ","; // 1.234.567 → dots are thousands
  return sep;
}

export type DateOrder = "dmy" | "mdy" | "auto";

/**
 * Reads a date: ISO `YYYY-MM-DD` (optionally with a time) or `YYYY/MM/DD`, German `DD.MM.YYYY`, slash dates
 * (`M/D/YYYY` as Microsoft writes them, or `D/M/YYYY` when `order` is `dmy`), each with an optional
 * time part, and Excel serial numbers. Null when it is not a real calendar day or lies outside the
 * supported dates (1900-01-01 … 9999-12-31; see {@link isDateTextOutsideRange} to tell the two apart).
 */
export function parseDateText(raw: string, order: DateOrder = "auto"): IsoDate | null {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n < 2958466 ? fromExcelSerial(n) : null;
  }
  const ymd = dateTextYmd(s, order);
  return ymd && isAcceptedYmd(ymd.y, ymd.m, ymd.d) ? ymdToIso(ymd.y, ymd.m, ymd.d) : null;
}

/** True when `raw` is a real calendar day that {@link parseDateText} refuses only for lying outside 1900-01-01 … 9999-12-31. */
export function isDateTextOutsideRange(raw: string, order: DateOrder = "auto"): boolean {
  const ymd = dateTextYmd(raw.trim(), order);
  return ymd !== null && !isAcceptedYmd(ymd.y, ymd.m, ymd.d);
}

/** The message code for a date cell {@link parseDateText} refused: out of range, or `fallback` (not a date). */
export function dateProblemCode(raw: string, order: DateOrder, fallback: string): string {
  return isDateTextOutsideRange(raw, order) ? "parse.date_out_of_range" : fallback;
}

function dateTextYmd(s: string, order: DateOrder): { y: number; m: number; d: number } | null {
  if (s === "" || s.length > 64) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[T ][\d:.]+)?$/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+[\d:]+)?$/.exec(s);
  if (m) return ymd(fullYear(m[3]!), +m[2]!, +m[1]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (order === "dmy") return ymd(y, b, a);
    if (order === "mdy" || a <= 12) return ymd(y, a, b);
    return ymd(y, b, a); // 25/3/2026 can only be day/month
  }
  return null;
}

/**
 * {@link parseDateText} for a column whose dotted dates are swapped: a US file (`10/3/2026`, 3 October)
 * opened in Excel with German settings turns the dates that read as D/M into `10.03.2026` (10 March)
 * and leaves the others as text (`10/13/2026`). In such a column a dotted date is read month first.
 */
export function parseDateCell(raw: string, order: DateOrder, swapDotted: boolean): IsoDate | null {
  if (swapDotted) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+[\d:]+)?$/.exec(raw.trim());
    if (m) {
      const y = fullYear(m[3]!);
      return isAcceptedYmd(y, +m[1]!, +m[2]!) ? ymdToIso(y, +m[1]!, +m[2]!) : null;
    }
  }
  return parseDateText(raw, order);
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function ymd(y: number, m: number, d: number): { y: number; m: number; d: number } | null {
  return isValidYmd(y, m, d) ? { y, m, d } : null;
}
