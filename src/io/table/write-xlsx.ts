import ExcelJS from "exceljs";
import { maxOf } from "../../core/array";
import type { CsvCell } from "./write-csv";
import { neutralizeFormula } from "./write-csv";

/**
 * Writes one sheet as an .xlsx file: header row bold and frozen, an auto filter, numbers as numbers,
 * text as text (neutralised against formulas). For review tables and exports of modest size.
 */
export async function writeXlsxSheet(sheetName: string, rows: readonly (readonly CsvCell[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  for (const r of rows) {
    ws.addRow(r.map((c) => (typeof c === "string" ? neutralizeFormula(c) : Number(c.number))));
  }
  ws.getRow(1).font = { bold: true };
  const width = rows[0]?.length ?? 0;
  if (width > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length), column: width } };
  ws.columns.forEach((col, i) => {
    const longest = maxOf(rows.map((r) => String(typeof r[i] === "string" ? r[i] : (r[i] as { number: string } | undefined)?.number ?? "").length));
    col.width = Math.min(50, Math.max(8, longest + 2));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
