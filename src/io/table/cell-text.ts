import { Decimal, toStored } from "../../core/money/decimal";

/**
 * Spreadsheet cell values as text, the way every reader hands them on: no JavaScript number leaves
 * this file, so amounts and ids are parsed later by the same text rules as CSV cells.
 */

const SAFE_INTEGER_DIGITS = /^-?\d{1,15}$/;

/**
 * A number as a plain decimal string without exponent, rounded to 15 significant digits as Excel
 * shows and saves it (`0.1 + 0.2` → `0.3`, `1e-7` → `0.0000001`, `1e21` → `1000000000000000000000`).
 * Not-finite values give an empty string.
 */
export function numberToPlainText(n: number): string {
  if (!Number.isFinite(n)) return "";
  const plain = String(n);
  if (SAFE_INTEGER_DIGITS.test(plain)) return plain;
  return toStored(new Decimal(n.toPrecision(15)));
}

/** A Date as an ISO day (UTC fields, as exceljs and Excel serials produce), with the time when not midnight. */
export function dateToIsoText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const pad = (v: number, n = 2): string => String(v).padStart(n, "0");
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/**
 * Any cell value as text: strings as they are, numbers via {@link numberToPlainText}, booleans as
 * `TRUE`/`FALSE`, dates as ISO, exceljs rich text / hyperlink / formula / error objects by their
 * visible text; null and undefined as an empty string.
 */
export function cellToText(value: unknown): string {
  if (value == null) return "";
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return numberToPlainText(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "bigint":
      return value.toString();
    case "object":
      return objectCellToText(value);
    default:
      return "";
  }
}

function objectCellToText(value: object): string {
  if (value instanceof Date) return dateToIsoText(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((r: unknown) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : "")).join("");
  if ("result" in v || "formula" in v || "sharedFormula" in v) return cellToText(v.result);
  if (typeof v.text === "string") return v.text; // hyperlink
  if (v.text && typeof v.text === "object") return cellToText(v.text); // hyperlink over rich text
  if (typeof v.error === "string") return v.error;
  return "";
}
