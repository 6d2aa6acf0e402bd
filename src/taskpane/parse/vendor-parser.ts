import type { RawTable } from "../../io/table/raw-table";
import { parseVendorBytes, parseVendorTable, type ParseRequest, type ParseRun, type ParsedVendorFile } from "./parse-vendor";

export type { ParseRequest, ParseRun, ParsedVendorFile } from "./parse-vendor";

/**
 * Turns vendor files into vendor lines. The add-in uses the Web Worker implementation
 * (worker-parser.ts), so 100,000 rows never block Excel's UI thread; this inline one is the
 * fallback where no worker can be started, and what jsdom tests use.
 */
export interface VendorParser {
  /** Whether parsing runs off the UI thread. */
  readonly offThread: boolean;
  parseTable(table: RawTable, request: ParseRequest, run?: ParseRun): Promise<ParsedVendorFile>;
  parseBytes(bytes: Uint8Array, request: ParseRequest, run?: ParseRun): Promise<ParsedVendorFile>;
}

/** Parses on the calling thread, yielding between batches (readVendorTableAsync). */
export function inlineParser(): VendorParser {
  return {
    offThread: false,
    parseTable: (table, request, run) => parseVendorTable(table, request, run),
    parseBytes: (bytes, request, run) => parseVendorBytes(bytes, request, run),
  };
}
