/**
 * `.xlsx` files picked in the task pane, read with exceljs's browser build (loaded on first use as
 * its own chunk, so the pane does not pay for it until someone opens an xlsx file). Reads the first
 * worksheet into a RawTable with the row numbers Excel shows. In Node the CLI uses the streaming
 * reader in src/io/table/read-xlsx.ts instead.
 */
import { cellToText } from "../../io/table/cell-text";
import type { RawTable } from "../../io/table/raw-table";

export type XlsxTableRead = { ok: true; table: RawTable } | { ok: false; detail: string };

export async function readXlsxTable(bytes: Uint8Array, source: string): Promise<XlsxTableRead> {
  try {
    const ExcelJS = (await import(/* webpackChunkName: "exceljs" */ "exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, detail: "no worksheet" };
    const rows: string[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      while (rows.length < rowNumber - 1) rows.push([]);
      const cells: string[] = new Array<string>(width);
      for (let c = 1; c <= width; c++) cells[c - 1] = cellToText(row.getCell(c).value);
      rows.push(cells);
    });
    return { ok: true, table: { source, rows, firstRowNumber: 1 } };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
