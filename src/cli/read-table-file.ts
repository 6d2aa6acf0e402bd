import { Issue } from "../core/issues";
import { decodeBytes } from "../io/table/decode";
import type { RawTable } from "../io/table/raw-table";
import { readCsvText } from "../io/table/read-csv";
import { readXlsx } from "../io/table/read-xlsx";
import { looksLikeXlsx } from "../io/vendor/read-vendor-file";
import type { InputFile } from "../app/context";

/** A CSV or .xlsx file (recognised by its bytes) as a table of text cells. */
export async function readTableFile(file: InputFile): Promise<{ table: RawTable; issues: Issue[] }> {
  if (looksLikeXlsx(file.bytes)) {
    const r = await readXlsx(file.bytes, { source: file.name });
    return { table: r.table, issues: r.issues };
  }
  const r = readCsvText(decodeBytes(file.bytes).text, file.name);
  return { table: r.table, issues: r.issues };
}
