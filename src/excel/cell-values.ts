import { fromExcelSerial, parseIsoDate, toExcelSerial } from "../core/date/iso-date";
import { neutralizeFormula } from "../io/table/write-csv";
import type { ColumnKind, SheetCell } from "./gateway";

/**
 * Cells on their way into and out of Excel.
 *
 * Formula safety (PRODUCT.md §6.3): every string we write goes through `neutralizeFormula`, so text
 * starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe, which Excel takes as its
 * quote prefix (stores the rest as text, shows no apostrophe). Text and id columns additionally get
 * the Text number format `@`, set in the same batch *before* the values. Why both:
 * - `@` is what keeps ids such as `00123` and look-alikes such as `2026-10` or `1E5` as text, but
 *   Microsoft does not document that it also stops `Range.values` from taking `=…` as a formula;
 * - the apostrophe is Excel's documented input rule for "this is text", works in every column kind
 *   (a note in a money column too) and is the same rule as our CSV and xlsx writers, and our readers
 *   strip it again (`unneutralizeFormula`), so a round trip is stable either way.
 * Numbers are written as numbers (a negative amount is the number −12.5, never the text "-12.5").
 */

/** The Text number format. */
export const TEXT_FORMAT = "@";
/** Date formats by Office display language (number format codes are the invariant ones). */
export const DATE_FORMAT_DE = "dd.mm.yyyy";
export const DATE_FORMAT_ISO = "yyyy-mm-dd";

/** The date format for a display language (`de-DE`, `de-AT` … → German; anything else ISO). */
export function dateFormatFor(displayLanguage: string | undefined): string {
  return displayLanguage?.toLowerCase().startsWith("de") ? DATE_FORMAT_DE : DATE_FORMAT_ISO;
}

/** Number format of a column kind. */
export function numberFormatOf(kind: ColumnKind, dateFormat: string): string {
  switch (kind) {
    case "text":
    case "id":
      return TEXT_FORMAT;
    case "date":
      return dateFormat;
    case "money":
      return "#,##0.00";
    case "integer":
      return "0";
    case "decimal":
      return "General";
  }
}

/** A value for `Range.values`: numbers for numeric kinds, date serials for dates, safe text otherwise. */
export function toExcelValue(cell: SheetCell, kind: ColumnKind): string | number {
  const text = typeof cell === "string" ? cell : cell.number;
  switch (kind) {
    case "text":
    case "id":
      return neutralizeFormula(text);
    case "date": {
      const iso = parseIsoDate(text.trim());
      return iso ? toExcelSerial(iso) : neutralizeFormula(text);
    }
    default: {
      if (typeof cell === "string" && !/^-?\d+(\.\d+)?$/.test(cell.trim())) return neutralizeFormula(cell);
      const n = Number(text.trim());
      return text.trim() !== "" && Number.isFinite(n) ? n : neutralizeFormula(text);
    }
  }
}

const dateFormats = new Map<string, boolean>();

/** True for a number format that shows a date (`dd.mm.yyyy`, `m/d/yyyy`, `[$-407]yyyy-mm-dd` …). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General" || format === TEXT_FORMAT) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = showsDate(format);
    if (dateFormats.size < 1000) dateFormats.set(format, known);
  }
  return known;
}

function showsDate(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0]!;
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs0#]/i.test(bare));
}

/**
 * A value read from a date-formatted cell as text: the ISO day for a serial number (with ` HH:MM:SS`
 * when it has a time), else unchanged (a date the user typed that Excel kept as text stays text).
 */
export function dateCellValue(value: unknown): unknown {
  if (typeof value !== "number") return value;
  const day = fromExcelSerial(value);
  if (!day) return value;
  const seconds = Math.round((value - Math.floor(value)) * 86400);
  if (seconds === 0 || seconds === 86400) return day;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
