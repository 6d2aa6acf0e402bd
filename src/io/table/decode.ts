import * as iconv from "iconv-lite";

export type TextEncodingName = "utf-8" | "windows-1252";

/** The encodings a file is read with: UTF-16 only when its byte order mark (or its zero bytes) say so. */
export type DecodedEncodingName = TextEncodingName | "utf-16le" | "utf-16be";

/** Decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: DecodedEncodingName;
  hadBom: boolean;
}

/**
 * UTF-16 by its byte order mark (FF FE little endian, as Excel's "Unicode text" writes it; FE FF big
 * endian) or, without one, by a first two characters that are ASCII with a zero byte each (a header
 * starts with a letter, a quote or a digit, never with U+0000 or with CJK in both bytes).
 */
function utf16Of(bytes: Uint8Array): { encoding: "utf-16le" | "utf-16be"; bom: boolean } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: true };
  if (bytes.length < 4) return null;
  const ascii = (b: number | undefined) => b !== undefined && b >= 0x20 && b < 0x7f;
  if (ascii(bytes[0]) && bytes[1] === 0 && ascii(bytes[2]) && bytes[3] === 0) return { encoding: "utf-16le", bom: false };
  if (bytes[0] === 0 && ascii(bytes[1]) && bytes[2] === 0 && ascii(bytes[3])) return { encoding: "utf-16be", bom: false };
  return null;
}

/**
 * Decodes file bytes: UTF-16 (LE or BE) when a byte order mark or the zero bytes of ASCII say so (a
 * BOM wins over a forced encoding: it cannot be Windows-1252 text), UTF-8 (with or without BOM) when
 * the bytes are valid UTF-8, otherwise Windows-1252 (what German Excel writes as "CSV
 * (Trennzeichen-getrennt)"). A forced encoding wins otherwise. Invalid UTF-16 (an odd byte, a lone
 * surrogate) becomes U+FFFD, which the cell readers refuse where it matters.
 */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const utf16 = utf16Of(bytes);
  if (utf16 && (utf16.bom || forced === undefined)) {
    const body = utf16.bom ? bytes.subarray(2) : bytes;
    return { text: new TextDecoder(utf16.encoding).decode(body), encoding: utf16.encoding, hadBom: utf16.bom };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (forced === "windows-1252") return { text: iconv.decode(Buffer.from(body), "win1252"), encoding: forced, hadBom };
  if (forced === "utf-8") return { text: new TextDecoder("utf-8").decode(body), encoding: forced, hadBom };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", hadBom };
  } catch {
    return { text: iconv.decode(Buffer.from(body), "win1252"), encoding: "windows-1252", hadBom };
  }
}

/** Encodes text for a file; Windows-1252 replaces characters it cannot hold with `?`. */
export function encodeText(text: string, encoding: TextEncodingName, withBom = false): Uint8Array {
  if (encoding === "windows-1252") return new Uint8Array(iconv.encode(text, "win1252"));
  const body = new TextEncoder().encode(text);
  if (!withBom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Characters of `text` that Windows-1252 cannot represent (for reporting before an export). */
export function unencodableIn1252(text: string): string[] {
  const bad = new Set<string>();
  for (const ch of text) {
    const round = iconv.decode(iconv.encode(ch, "win1252"), "win1252");
    if (round !== ch) bad.add(ch);
  }
  return [...bad];
}
