import fc from "fast-check";
import { decodeBytes } from "../../../src/io/table/decode";
import { readCsvText } from "../../../src/io/table/read-csv";
import { tableFromValues } from "../../../src/io/table/from-values";
import { createVendorReader, readVendorCsv, readVendorTable } from "../../../src/io/vendor/read-vendor";
import { allProfiles } from "../../../src/io/vendor/profiles/registry";
import { EXAMPLE_USER_PROFILES } from "../../../src/io/vendor/profiles/ingram-rde-short.example";
import { dailyUsageCsv, legacyCsv, nceCsv, utf8 } from "./fixtures";

/**
 * A file never crashes the reader: random bytes, truncated and mutated real layouts, broken quotes
 * and huge fields give issues, not exceptions; every issue names the file.
 */

const profiles = allProfiles(EXAMPLE_USER_PROFILES);
const samples = [nceCsv(), nceCsv({ locale: "german" }), legacyCsv(), dailyUsageCsv({ locale: "german" })];

function readAll(bytes: Uint8Array): void {
  const decoded = decodeBytes(bytes);
  const { table } = readCsvText(decoded.text, "fuzz.csv");
  const r = readVendorTable(table, { profiles, fileName: "fuzz.csv" });
  for (const i of r.issues) expect(i.where?.source).toBe("fuzz.csv");
  for (const l of r.lines) {
    expect(l.quantity).toMatch(/^-?\d+(\.\d+)?$/);
    if (l.amount !== null) expect(l.amount).toMatch(/^-?\d+(\.\d+)?$/);
  }
  const s = readVendorCsv(bytes, { profiles, fileName: "fuzz.csv" });
  expect(s.lines.length).toBeGreaterThanOrEqual(0);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom('"', '""', "\n", "\r", ";", ",", "\t", "\u0000", "ä", "E+99", "-", "1e5", "\uFEFF", "x".repeat(200_000)) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
);

type Mutation = { kind: "truncate"; at: number } | { kind: "insert" | "replace"; at: number; text: string } | { kind: "delete"; at: number; length: number };

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.kind === "truncate") t = t.slice(0, at);
    else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.length);
    else t = t.slice(0, at) + m.text + t.slice(at + m.text.length);
  }
  return t;
}

describe("fuzzing the vendor reader", () => {
  it("random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => readAll(bytes)), { numRuns: 300 });
  });

  it("random text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => readAll(utf8(text))), { numRuns: 300 });
  });

  it("real layouts, truncated and mutated (broken quotes, huge fields, stray separators)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => readAll(utf8(mutate(text, ms)))),
      { numRuns: 400 },
    );
  });

  it("random grids as Excel would give them", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("CustomerId", "ProductId", "SkuId", "SubscriptionId", "ChargeType", "ChargeStartDate", "ChargeEndDate", "Quantity", "Subtotal", "new", "1/2/2026", "-3,87"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }), (grid) => {
        const r = readVendorTable(tableFromValues(grid, "Sheet1"), { profiles });
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a file with one bad cell in every row caps the listed issues and counts the rest", () => {
    const header = nceCsv().split("\r\n")[0]!;
    const row = nceCsv().split("\r\n")[1]!.replace(",25.5,", ",x,");
    const text = [header, ...Array<string>(1000).fill(row)].join("\n");
    const r = readVendorCsv(utf8(text), { fileName: "bad.csv" });
    expect(r.lines).toEqual([]);
    expect(r.issues.filter((i) => i.code === "parse.invalid_number")).toHaveLength(200);
    expect(r.issues.at(-1)).toEqual({ code: "io.issues_truncated", severity: "warning", params: { count: 800, code: "parse.invalid_number" }, where: { source: "bad.csv" } });
  });
});

describe("incremental reading", () => {
  it("any chunking of the rows gives the same result as reading the whole table (property)", () => {
    const many = nceCsv({ title: ["Titel", ""] }) + nceCsv().split("\r\n").slice(1).join("\r\n").repeat(60);
    const { table } = readCsvText(many, "f.csv");
    const whole = readVendorTable(table, { fileName: "f.csv" });
    expect(whole.lines.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 10 }), (sizes) => {
        const reader = createVendorReader({ fileName: "f.csv" });
        let at = 0;
        let k = 0;
        while (at < table.rows.length) {
          const n = sizes[k++ % sizes.length]!;
          reader.push(table.rows.slice(at, at + n), table.firstRowNumber + at);
          at += n;
        }
        expect(reader.finish()).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });
});
