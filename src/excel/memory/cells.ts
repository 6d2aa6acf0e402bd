import { isValidYmd, toExcelSerial, ymdToIso } from "../../core/date/iso-date";
import { invalidArgument } from "./errors";

/** One cell of the in-memory workbook. */
export interface CellModel {
  value: string | number | boolean;
  /** Set when the cell holds a formula (the fake does not evaluate it). */
  formula?: string;
  numberFormat: string;
  fill?: string;
  /** Excel's quote prefix: the text was entered with a leading apostrophe. */
  quotePrefix?: boolean;
}

/**
 * What `values` reads for a formula cell: the fake does not calculate, and this marker (not a real
 * Excel error) makes an accidental formula impossible to mistake for the text it came from.
 */
export const FORMULA_RESULT = "#FORMULA!";

export function newCell(): CellModel {
  return { value: "", numberFormat: "General" };
}

const API_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function startsFormula(text: string): boolean {
  if (text.length < 2) return false;
  if (text[0] === "=") return true;
  return (text[0] === "+" || text[0] === "-" || text[0] === "@") && !API_NUMBER.test(text);
}

// Fields are set to undefined rather than deleted: `delete` makes V8 objects slow, and the fake
// holds hundreds of thousands of cells in the 20,000-row tests.
function setText(cell: CellModel, text: string, quotePrefix: boolean): void {
  cell.value = text;
  cell.formula = undefined;
  cell.quotePrefix = quotePrefix || undefined;
}

function setFormula(cell: CellModel, text: string): void {
  cell.formula = text[0] === "=" ? text : `=${text}`;
  cell.value = FORMULA_RESULT;
  cell.quotePrefix = undefined;
}

function setNumber(cell: CellModel, n: number | boolean, defaultFormat?: string): void {
  setText(cell, "", false);
  cell.value = n;
  if (defaultFormat && cell.numberFormat === "General") cell.numberFormat = defaultFormat;
}

/**
 * A value written through `Range.values`, as Excel takes it (the docs: text starting with `=`, `+`
 * or `-` is a formula; locale-shaped dates stay text, ISO dates become dates):
 * - null leaves the cell unchanged; numbers and booleans are stored as they are;
 * - `'text` is text with a quote prefix (the apostrophe is not part of the value);
 * - `=…`, and `+…`/`-…`/`@…` that are not numbers, become formulas. Deliberately strict: also in a
 *   Text-formatted (`@`) cell, since Microsoft does not document that `@` prevents it;
 * - in a `@` cell everything else is text; otherwise numeric text becomes a number (`00123` → 123),
 *   `YYYY-MM-DD` a date serial, `TRUE`/`FALSE` booleans.
 */
export function applyApiValue(cell: CellModel, input: unknown, where: string): void {
  if (input === null || input === undefined) return;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidArgument(`${input} is not a valid cell value`, where);
    return setNumber(cell, input);
  }
  if (typeof input === "boolean") return setNumber(cell, input);
  if (typeof input !== "string") throw invalidArgument(`${typeof input} is not a valid cell value`, where);
  if (input.startsWith("'")) return setText(cell, input.slice(1), true);
  if (startsFormula(input)) return setFormula(cell, input);
  if (cell.numberFormat === "@" || input === "") return setText(cell, input, false);
  if (API_NUMBER.test(input)) return setNumber(cell, Number(input));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (iso && isValidYmd(+iso[1]!, +iso[2]!, +iso[3]!)) return setNumber(cell, toExcelSerial(input), "yyyy-mm-dd");
  if (/^(true|false)$/i.test(input)) return setNumber(cell, input.toLowerCase() === "true");
  setText(cell, input, false);
}

/**
 * What a user typing `text` into a cell gets, in the workbook's locale: as {@link applyApiValue},
 * but numbers and dates in the local form (`de`: `12,5`, `15.10.2026`; `en`: `12.5`, `10/15/2026`).
 * A date that is no calendar day (`31.02.2026`) stays text, as in Excel.
 */
export function applyUserInput(cell: CellModel, text: string, locale: "de" | "en"): void {
  if (text.startsWith("'") || startsFormula(text) || cell.numberFormat === "@" || text === "") return applyApiValue(cell, text, "");
  const t = text.trim();
  const n = locale === "de" ? /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$/ : /^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+-]?\d+(\.\d+)?$/;
  if (n.test(t)) return setNumber(cell, Number(locale === "de" ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "")));
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const en = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const ymd = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : locale === "de" && de ? [+de[3]!, +de[2]!, +de[1]!] : locale === "en" && en ? [+en[3]!, +en[1]!, +en[2]!] : null;
  if (ymd && isValidYmd(ymd[0]!, ymd[1]!, ymd[2]!)) return setNumber(cell, toExcelSerial(ymdToIso(ymd[0]!, ymd[1]!, ymd[2]!)), locale === "de" ? "dd.mm.yyyy" : "m/d/yyyy");
  applyApiValue(cell, t, "");
}

/** What `Range.formulas` reads: the formula, else the value. */
export function formulaOf(cell: CellModel | undefined): string | number | boolean {
  return cell?.formula ?? cell?.value ?? "";
}
