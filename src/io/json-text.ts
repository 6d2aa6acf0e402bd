import { Result, type Where, fail, issue, ok } from "../core/issues";

/**
 * Bounds of every JSON file the program reads (README "Input limits and hardening"): settings,
 * profiles and rules are small documents, so a larger or deeper text is a wrong or hostile file.
 * The depth is checked before parsing, so neither `JSON.parse` nor a validator walking the value
 * ever recurses deeper than this.
 */
export const JSON_MAX_CHARS = 10_000_000;
export const JSON_MAX_DEPTH = 64;

export interface JsonReadOptions {
  /** Message code for a syntax error; gets `detail` (the parser's text) and `params`. */
  invalidCode: string;
  /** Extra parameters of the syntax-error message (e.g. the file name). */
  params?: Record<string, string | number>;
  /** Where to locate the issues (the file name). */
  where?: Where;
  maxChars?: number;
  maxDepth?: number;
}

/**
 * Parses JSON text as every JSON reader does: a byte order mark is dropped, a text over
 * {@link JSON_MAX_CHARS} characters or nested deeper than {@link JSON_MAX_DEPTH} levels is refused
 * with `json.too_large` / `json.too_deep`, and a syntax error is an issue with the caller's code.
 * Never throws.
 */
export function parseJsonText(text: string, options: JsonReadOptions): Result<unknown> {
  const maxChars = options.maxChars ?? JSON_MAX_CHARS;
  const maxDepth = options.maxDepth ?? JSON_MAX_DEPTH;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > maxChars) return fail(issue("json.too_large", { size: body.length, limit: maxChars }, options.where));
  const deepAt = depthExceededAt(body, maxDepth);
  if (deepAt >= 0) return fail(issue("json.too_deep", { limit: maxDepth, at: deepAt + 1 }, options.where));
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (e) {
    return fail(issue(options.invalidCode, { ...options.params, detail: e instanceof Error ? e.message : String(e) }, options.where));
  }
}

/**
 * The index of the bracket that opens level `maxDepth + 1`, or −1: one pass over the text that
 * skips strings (with their escapes), so brackets inside texts do not count.
 */
export function depthExceededAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}
