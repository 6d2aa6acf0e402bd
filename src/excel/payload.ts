/**
 * Request payload estimates. Excel on the web rejects a request (one `context.sync()`) over 5 MB
 * with `RequestPayloadSizeLimitExceeded`; the payload is the JSON of the queued calls, proxies and
 * values. We size chunks by the UTF-8 bytes their values and formats serialise to, plus a fixed
 * allowance per queued operation, and stay well under the limit.
 */

/** Excel on the web's request limit. */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Default budget per sync: under a third of the limit, so a bad estimate still fits. */
export const DEFAULT_PAYLOAD_BUDGET = 1_500_000;
/** Allowance per queued operation (object path, action, ids), generous on purpose. */
export const OPERATION_BYTES = 256;

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a value adds to a JSON array (value plus its comma). */
export function jsonValueBytes(value: unknown): number {
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "string") return jsonStringBytes(value) + 1;
  return utf8Length(JSON.stringify(value) ?? "null") + 1;
}

/** JSON bytes of a string including quotes and escapes, without building it for plain text. */
function jsonStringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /["\\\u0000-\u001f]/.test(text) ? utf8Length(JSON.stringify(text)) : utf8Length(text) + 2;
}

/** Bytes of one row of a 2D array in JSON (brackets, values, commas). */
export function jsonRowBytes(row: readonly unknown[]): number {
  let bytes = 3;
  for (const v of row) bytes += jsonValueBytes(v);
  return bytes;
}

/** JSON bytes of a whole 2D array. */
export function json2dBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const r of rows) bytes += jsonRowBytes(r);
  return bytes;
}

/**
 * Splits rows into consecutive chunks `[start, end)` whose byte sum plus `fixedBytes` stays within
 * `budget` (a chunk always holds at least one row, even when that row alone is larger).
 */
export function planChunks(rowBytes: readonly number[], budget: number, fixedBytes = 0, from = 0, to = rowBytes.length): [number, number][] {
  const chunks: [number, number][] = [];
  let start = from;
  let sum = fixedBytes;
  for (let i = from; i < to; i++) {
    const b = rowBytes[i] ?? 0;
    if (i > start && sum + b > budget) {
      chunks.push([start, i]);
      start = i;
      sum = fixedBytes;
    }
    sum += b;
  }
  if (start < to) chunks.push([start, to]);
  return chunks;
}
