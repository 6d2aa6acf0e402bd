import { cellToText } from "./cell-text";
import { RawTable } from "./raw-table";

/** A cell as Excel's `Range.values` gives it (dates arrive as serial numbers). */
export type RangeCell = string | number | boolean | null | undefined;

/**
 * Turns a 2D array of cell values (Excel's `Range.values`, or any grid) into a RawTable: numbers
 * become plain decimal strings (15 significant digits, no exponent), booleans `TRUE`/`FALSE`, empty
 * cells "". Text cells stay as they are, so ids entered as text keep their leading zeros. Date cells
 * arrive from Excel as serial numbers; the date parser reads those.
 * `firstRowNumber` is the sheet row of `values[0]` (the range's first row), for issue locations.
 */
export function tableFromValues(values: ReadonlyArray<ReadonlyArray<RangeCell | unknown>>, source: string, firstRowNumber = 1): RawTable {
  const rows: string[][] = new Array<string[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const row = values[i] ?? [];
    const out = new Array<string>(row.length);
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      out[j] = typeof cell === "string" ? cell : cellToText(cell);
    }
    rows[i] = out;
  }
  return { source, rows, firstRowNumber };
}
