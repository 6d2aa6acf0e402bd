/** Excel's rules for sheet and table names, checked before anything is sent to Excel. */

/** Sheet names: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`, not "History". */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/**
 * Table names: start with a letter, `_` or `\`, then letters, digits, `_`, `.`, `\`; at most 255
 * characters; not `C`/`R` and not a cell reference such as `A1` or `R1C1`.
 */
export function isValidTableName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) &&
    !/^[CcRr]$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}

/** A valid table name derived from a sheet name: `Abgleich 2026-10 NCE` → `Abgleich_2026_10_NCE`. */
export function tableNameFor(sheet: string): string {
  let name = sheet.normalize("NFC").replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/^_+|_+$/g, "");
  if (!/^[\p{L}_]/u.test(name)) name = `T_${name}`;
  if (!isValidTableName(name)) name = `T_${name}`;
  return name.slice(0, 255);
}
