/**
 * Shared pieces of the fuzz suites (issue 16): nasty cell values, grid mutations, and the checks
 * every reader's answer must pass whatever the input.
 */
import fc from "fast-check";
import type { Issue } from "../../src/core/issues";

/** Every issue names where it happened. */
export function located(issues: readonly Issue[]): boolean {
  return issues.every((i) => i.where !== undefined && (i.where.source !== undefined || i.where.cell !== undefined));
}

/** Cell values that broke or could break a reader: damage, bounds, injections, odd encodings. */
export const NASTY = [
  "", " ", "\u0000", "a\u0007b", "\u001b[31m", "\u007f", "1".repeat(38), "0." + "1".repeat(25), "1E-300", "1e999", "-0", "NaN", "Infinity", "-Infinity",
  "9999-12-31", "10000-01-01", "0001-01-01", "1899-12-31", "31.02.2026", "2/30/2026", "13/13/2026", "2026-02-29", "45000", "-1",
  "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1", "-", ".", ",", "(1.234,56)", "1.234.567,89", "12,5-", "1 234,5", "١٢٣", "１２", "€12", "12%",
  "\uFEFF", "\uFFFD", "ä", "\uD800", '"', '""', "\r\n", "\t", "null", "[]", "{}", "true", "__proto__", "constructor", "x".repeat(100_000),
];

export const nastyValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

export type GridMutation =
  | { kind: "cell"; row: number; col: number; value: string }
  | { kind: "dropColumn"; col: number }
  | { kind: "dropRow"; row: number }
  | { kind: "repeatRow"; row: number; times: number }
  | { kind: "header"; col: number; value: string }
  | { kind: "truncateRow"; row: number; length: number };

export const gridMutation: fc.Arbitrary<GridMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("cell" as const), row: fc.nat(), col: fc.nat(), value: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropColumn" as const), col: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropRow" as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("repeatRow" as const), row: fc.nat(), times: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("header" as const), col: fc.nat(), value: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncateRow" as const), row: fc.nat(), length: fc.nat(40) }) },
);

/** Applies mutations to a header row plus data rows (row 0 is the header). */
export function mutateGrid(grid: readonly (readonly string[])[], ms: readonly GridMutation[]): string[][] {
  let g = grid.map((r) => [...r]);
  for (const m of ms) {
    const rows = g.length;
    const cols = Math.max(1, ...g.map((r) => r.length));
    if (m.kind === "cell" && rows > 1) {
      const r = 1 + (m.row % (rows - 1));
      g[r]![m.col % cols] = m.value;
    } else if (m.kind === "header" && rows > 0) g[0]![m.col % cols] = m.value;
    else if (m.kind === "dropColumn") g = g.map((r) => r.filter((_, i) => i !== m.col % cols));
    else if (m.kind === "dropRow" && rows > 1) g.splice(1 + (m.row % (rows - 1)), 1);
    else if (m.kind === "repeatRow" && rows > 1) {
      const r = g[1 + (m.row % (rows - 1))]!;
      for (let i = 0; i < m.times; i++) g.push([...r]);
    } else if (m.kind === "truncateRow" && rows > 0) {
      const r = m.row % rows;
      g[r] = g[r]!.slice(0, m.length);
    }
  }
  return g;
}

/** A grid as CSV text (quoted where needed). */
export function gridToCsv(grid: readonly (readonly string[])[], delimiter = ","): string {
  const q = (v: string) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  return grid.map((r) => r.map(q).join(delimiter)).join("\r\n") + "\r\n";
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A grid as Partner Center API v2 JSON: camelCase names, number-like cells as JSON numbers (exact text), empty cells null. */
export function gridToJson(grid: readonly (readonly string[])[], layout: "lines" | "array"): string {
  const [header = [], ...rows] = grid;
  const names = header.map((h) => (h === "" ? h : h.charAt(0).toLowerCase() + h.slice(1)));
  const record = (r: readonly string[]) =>
    "{" + names.map((n, i) => { const v = r[i] ?? ""; return `${JSON.stringify(n)}:${v === "" ? "null" : JSON_NUMBER.test(v) && v.length < 40 ? v : JSON.stringify(v)}`; }).join(",") + "}";
  return layout === "lines" ? rows.map(record).join("\n") + "\n" : `[${rows.map(record).join(",\n")}]`;
}

/** Byte-level damage to a whole file: truncation, a flipped byte, an inserted run. */
export const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
);

export type ByteDamage = { kind: "truncate"; at: number } | { kind: "flip"; at: number; xor: number } | { kind: "insert"; at: number; bytes: Uint8Array };

export function damageBytes(bytes: Uint8Array, d: ByteDamage): Uint8Array {
  const at = d.at % (bytes.length + 1);
  if (d.kind === "truncate") return bytes.slice(0, at);
  if (d.kind === "flip") {
    const out = bytes.slice();
    if (out.length > 0) out[at % out.length] = out[at % out.length]! ^ d.xor;
    return out;
  }
  const out = new Uint8Array(bytes.length + d.bytes.length);
  out.set(bytes.subarray(0, at));
  out.set(d.bytes, at);
  out.set(bytes.subarray(at), at + d.bytes.length);
  return out;
}
