/**
 * Formula-injection guard for every export (CSV files and worksheet cells alike, PRODUCT.md §6.3):
 * a text that starts with `=`, `+`, `-`, `@`, tab or carriage return could be run as a formula by
 * Excel, LibreOffice or Google Sheets ("CSV injection"). Such a text gets a leading apostrophe, which
 * spreadsheets show as a text marker. Apply it to text cells only: numbers are written as numbers and
 * never neutralised, so a credit stays `-12.50`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could read the text as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text, with a leading `'` when it could be read as a formula. */
export function neutralizeText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * The guard for one-line text fields (DATEV): line breaks and tabs become single spaces and leading
 * and trailing spaces are dropped before {@link neutralizeText}, so a carriage return or space in
 * front of `=` cannot hide the formula behind a blank.
 */
export function neutralizeLineText(text: string): string {
  return neutralizeText(text.replace(/[\r\n\t]+/g, " ").trim());
}

/** Reverses {@link neutralizeText} when one of our own exports is read back. */
export function unneutralizeText(text: string): string {
  return text.length > 1 && text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}
