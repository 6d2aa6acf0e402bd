/**
 * What the vendor profile editor needs of a file no profile recognised: the file itself (bytes, or
 * the sheet's table) kept with the source, its head (header and first rows) for the column choices
 * and preview, and a re-read of such sources once a profile is saved.
 */
import type { RawTable } from "../../io/table/raw-table";
import { decodeBytes } from "../../io/table/decode";
import type { Delimiter } from "../../io/table/read-csv";
import { csvHead, fileHead, type FileHead } from "../../io/vendor/profile-draft";
import type { UserProfile } from "../../io/vendor/user-profile";
import type { ParsedVendorFile, VendorParser } from "../parse/vendor-parser";
import { looksLikeXlsx } from "../parse/parse-vendor";
import { readXlsxTable } from "../parse/xlsx-table";

/** The file as read, for a second read with a new profile. */
export type RawSource = { kind: "table"; table: RawTable } | { kind: "bytes"; bytes: Uint8Array };

/** True when the file was read but no profile knows its columns (the editor's case). */
export function needsProfile(parsed: ParsedVendorFile): boolean {
  return parsed.profile === null && parsed.issues.some((i) => i.code === "vendor.no_profile");
}

/** Bytes of CSV text looked at for the head: enough for hundreds of rows, never a whole large file. */
const HEAD_BYTES = 256 * 1024;

/** What the clerk picked in the editor: the header row and (CSV) the delimiter; absent = guessed. */
export interface HeadOptions {
  headerRow?: number;
  delimiter?: Delimiter;
}

/** The header and first rows of a kept file (null: no header row, or an unreadable xlsx). */
export async function headOf(name: string, raw: RawSource, options: HeadOptions = {}): Promise<FileHead | null> {
  const at = options.headerRow === undefined ? {} : { headerRow: options.headerRow };
  if (raw.kind === "table") return fileHead(raw.table, at);
  if (looksLikeXlsx(raw.bytes)) {
    const read = await readXlsxTable(raw.bytes, name);
    return read.ok ? fileHead(read.table, at) : null;
  }
  let text = decodeBytes(raw.bytes.subarray(0, HEAD_BYTES)).text;
  // A cut file ends mid-row: drop the last, partial line.
  if (raw.bytes.length > HEAD_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf("\n")));
  return csvHead(text, name, { ...at, ...(options.delimiter ? { delimiter: options.delimiter } : {}) }).head;
}

export interface KeptSource {
  name: string;
  sha256: string;
  parsed: ParsedVendorFile;
  raw?: RawSource;
}

/**
 * Reads the sources that had no profile again with the saved profiles (the others stay as read); a
 * source keeps its file while it still has none.
 */
export async function rereadSources<S extends KeptSource>(sources: readonly S[], parser: VendorParser, userProfiles: readonly UserProfile[], signal?: AbortSignal): Promise<S[]> {
  const out: S[] = [];
  for (const source of sources) {
    signal?.throwIfAborted();
    if (!source.raw) {
      out.push(source);
      continue;
    }
    const request = { name: source.name, userProfiles };
    const parsed = source.raw.kind === "table" ? await parser.parseTable(source.raw.table, request, { signal }) : await parser.parseBytes(source.raw.bytes, request, { signal });
    const { raw: _raw, ...rest } = source;
    out.push((needsProfile(parsed) ? { ...rest, parsed, raw: source.raw } : { ...rest, parsed }) as S);
  }
  return out;
}
