/**
 * Reading a distributor billing file for the task pane: a table read from a sheet, a CSV or an
 * `.xlsx` file picked from disk. The same functions run in the Web Worker (vendor-worker.ts) and,
 * where no worker can be started, on the UI thread (inline-parser.ts).
 */
import { issue } from "../../core/issues";
import type { RawTable } from "../../io/table/raw-table";
import { readVendorCsv, readVendorTableAsync, type ReadVendorResult } from "../../io/vendor/read-vendor";
import { allProfiles } from "../../io/vendor/profiles/registry";
import type { UserProfile } from "../../io/vendor/user-profile";
import { readXlsxTable } from "./xlsx-table";

export interface ParseRequest {
  /** File or sheet name, for issue locations. */
  name: string;
  /** The user's saved vendor profiles (plain JSON data). */
  userProfiles: readonly UserProfile[];
  /** Force a profile instead of recognising one by the headers. */
  profileId?: string;
}

export interface ParseRun {
  signal?: AbortSignal;
  /** Rows done and total rows (null while the total is unknown). */
  onProgress?: (done: number, total: number | null) => void;
}

/** What the pane shows about a vendor file, and what reconcileFiles needs. Plain data (clonable). */
export interface ParsedVendorFile extends ReadVendorResult {
  kind: "sheet" | "csv" | "xlsx";
  encoding?: string;
  delimiter?: string;
}

/** Rows per step: small enough that progress moves and cancel answers quickly. */
const BATCH_ROWS = 2000;

/** True when the bytes start like a zip archive (`.xlsx`), whatever the file name says. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Maps a table (a sheet's used range or an xlsx sheet) to vendor lines, in steps with progress. */
export async function parseVendorTable(table: RawTable, request: ParseRequest, run: ParseRun = {}, kind: ParsedVendorFile["kind"] = "sheet"): Promise<ParsedVendorFile> {
  const result = await readVendorTableAsync(
    table,
    { profiles: allProfiles(request.userProfiles), fileName: request.name, profileId: request.profileId },
    { batchRows: BATCH_ROWS, onProgress: run.onProgress, signal: run.signal },
  );
  return { ...result, kind };
}

/** Reads file bytes: `.xlsx` (first sheet) by its zip signature, anything else as CSV. */
export async function parseVendorBytes(bytes: Uint8Array, request: ParseRequest, run: ParseRun = {}): Promise<ParsedVendorFile> {
  if (looksLikeXlsx(bytes)) {
    run.onProgress?.(0, null);
    const read = await readXlsxTable(bytes, request.name);
    if (!read.ok) return emptyResult("xlsx", read.detail, request.name);
    return parseVendorTable(read.table, request, run, "xlsx");
  }
  run.onProgress?.(0, null);
  run.signal?.throwIfAborted();
  const result = readVendorCsv(bytes, { profiles: allProfiles(request.userProfiles), fileName: request.name, profileId: request.profileId });
  return { ...result, kind: "csv" };
}

function emptyResult(kind: ParsedVendorFile["kind"], detail: string, name: string): ParsedVendorFile {
  return {
    kind,
    profile: null,
    lines: [],
    issues: [issue("file.unreadable", { file: name, detail }, { source: name })],
    periodFound: null,
    rowCount: 0,
    headerRow: null,
    decimalSeparator: null,
    dateOrder: null,
  };
}
