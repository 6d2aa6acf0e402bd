import { Issue } from "../../core/issues";
import type { DecodedEncodingName } from "../table/decode";
import { Delimiter } from "../table/read-csv";
import { streamXlsxRows } from "../table/read-xlsx";
import { ReadVendorCsvOptions, ReadVendorResult, createVendorReader, readVendorCsv } from "./read-vendor";

/** Node only (exceljs streaming): reading a vendor file from disk bytes, CSV or `.xlsx`. */

export interface ReadVendorFileOptions extends ReadVendorCsvOptions {
  /** Sheet of an `.xlsx` file; the first sheet when absent. */
  sheet?: string;
}

export interface ReadVendorFileResult extends ReadVendorResult {
  kind: "csv" | "xlsx";
  encoding?: DecodedEncodingName;
  delimiter?: Delimiter;
  sheet?: string | null;
}

/** True when the bytes start like a zip archive (`.xlsx`), whatever the file name says. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a vendor billing file: `.xlsx` (by its zip signature) through exceljs's streaming reader,
 * anything else as CSV. Rows go to the vendor reader in batches as they are parsed.
 */
export async function readVendorFile(bytes: Uint8Array, options: ReadVendorFileOptions = {}): Promise<ReadVendorFileResult> {
  if (!looksLikeXlsx(bytes)) return { ...readVendorCsv(bytes, options), kind: "csv" };
  const source = options.fileName ?? "";
  const reader = createVendorReader({ ...options, source });
  const x = await streamXlsxRows(bytes, { source, sheet: options.sheet, batchRows: options.batchRows }, (rows, first) => reader.push(rows, first));
  const result = reader.finish();
  // A broken workbook already says so; do not add "empty file" on top.
  const issues: Issue[] = x.issues.length > 0 ? [...x.issues, ...result.issues.filter((i) => i.code !== "csv.empty_file")] : result.issues;
  return { ...result, issues, kind: "xlsx", sheet: x.sheet };
}
