/** How the preview shows and edits cells of the in-memory workbook, roughly as Excel would. */
import { fromExcelSerial } from "../core/date/iso-date";
import { isDateFormat } from "../excel/cell-values";
import type { CellModel } from "../excel/memory/cells";

export type Locale = "de" | "en";

function dateText(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return locale === "de" ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/** The text a cell shows in the grid (number format applied). */
export function displayText(cell: CellModel | undefined, locale: Locale): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "boolean") return locale === "de" ? (v ? "WAHR" : "FALSCH") : v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return v;
  const tag = locale === "de" ? "de-DE" : "en-GB";
  if (isDateFormat(cell.numberFormat)) {
    const iso = fromExcelSerial(v);
    if (iso) return dateText(iso, locale);
  }
  if (cell.numberFormat === "#,##0.00") return new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
  if (cell.numberFormat === "0") return new Intl.NumberFormat(tag, { maximumFractionDigits: 0, useGrouping: false }).format(v);
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 10, useGrouping: false }).format(v);
}

/** The text a user edits (what Excel's formula bar shows): local numbers and dates, formulas. */
export function editText(cell: CellModel | undefined, locale: Locale): string {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (typeof v === "number") {
    if (isDateFormat(cell.numberFormat)) {
      const iso = fromExcelSerial(v);
      if (iso) return dateText(iso, locale);
    }
    return locale === "de" ? String(v).replace(".", ",") : String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return cell.quotePrefix ? `'${v}` : v;
}

/** Numbers are right-aligned, as in Excel. */
export function isNumeric(cell: CellModel | undefined): boolean {
  return typeof cell?.value === "number";
}
