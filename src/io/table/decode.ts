import * as iconv from "iconv-lite";

export type TextEncodingName = "utf-8" | "windows-1252";

/** Decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  hadBom: boolean;
}

/**
 * Decodes file bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)"). A forced encoding wins.
 */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
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
