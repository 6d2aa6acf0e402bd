/**
 * What kind of file a user handed us, from its first bytes, before anything is decoded as text:
 * billing data comes as CSV, `.xlsx`, JSON (Partner Center API v2 exports, line-delimited or a list)
 * and gzip-compressed JSON; anything else binary gets a clear message instead of decoded garbage.
 */

export type FileKind =
  | "text" // CSV or another delimited text
  | "json" // JSON (a list of records, or one record per line)
  | "gzip"
  | "zip" // .xlsx (and any other zip archive)
  | "pdf"
  | "xls" // Excel 97–2003 (OLE2 compound file)
  | "utf16" // text in UTF-16, as Excel's "Unicode text" saves it
  | "binary"; // anything else that is not text

const SNIFF_BYTES = 4096;

/** The kind of a file from its leading bytes (a UTF-8 BOM is skipped). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  const at = (i: number): number => bytes[i] ?? -1;
  if (at(0) === 0x1f && at(1) === 0x8b) return "gzip";
  if (at(0) === 0x50 && at(1) === 0x4b && (at(2) === 0x03 || at(2) === 0x05 || at(2) === 0x07)) return "zip";
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) return "pdf"; // %PDF
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return "xls";
  if ((at(0) === 0xff && at(1) === 0xfe) || (at(0) === 0xfe && at(1) === 0xff)) return "utf16";
  // UTF-16 without a BOM, as decode.ts recognises it: ASCII text with every other byte zero.
  const ascii = (b: number) => b >= 0x09 && b < 0x80;
  if ((ascii(at(0)) && at(1) === 0 && ascii(at(2)) && at(3) === 0) || (at(0) === 0 && ascii(at(1)) && at(2) === 0 && ascii(at(3)))) return "utf16";
  let start = at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf ? 3 : 0;
  const end = Math.min(bytes.length, start + SNIFF_BYTES);
  let control = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    // Tab, line feed, carriage return and form feed belong in text; other control bytes (NUL too) do
    // not. A few of them are damage in a cell, which the reader names by row and column; many mean
    // the file is no text at all.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > 0 && control * 100 >= end - start) return "binary";
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
  const first = bytes[start];
  return first === 0x7b || first === 0x5b ? "json" : "text"; // { or [
}
