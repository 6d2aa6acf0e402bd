/**
 * Issue 16: vendor files through every built-in profile, in every format the reader takes (CSV with
 * `,` and `;`, XLSX, Partner Center API v2 JSON as lines or a list, gzip-compressed CSV and JSON),
 * generated from real layouts by cell-level damage and by byte-level damage of the encoded file.
 * Whatever comes in: no exception escapes, every issue names the file, every line the reader
 * returns is within the documented bounds (numbers canonical, 15 digits before and 20 after the
 * point, no control characters in its texts), the rows read are bounded by the rows in the file (the
 * iteration bound), and the use cases on top (usage import, reconcile) change the store only when
 * they succeed.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { gzipSync } from "fflate";
import type { VendorFileRead } from "../../src/app/reconcile";
import { reconcileFiles } from "../../src/app/reconcile";
import { importUsage } from "../../src/app/usage";
import { hasControlCharacter } from "../../src/io/table/cell-reader";
import { BUILTIN_PROFILES } from "../../src/io/vendor/profiles/registry";
import { DAILY_USAGE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { LEGACY_LICENSE_HEADERS } from "../../src/io/vendor/profiles/microsoft-legacy-license.profile";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { type ReadVendorResult, readVendorCsv } from "../../src/io/vendor/read-vendor";
import { readVendorFile } from "../../src/io/vendor/read-vendor-file";
import type { VendorLine } from "../../src/io/vendor/vendor-line";
import { azureRecords } from "../app/usage-fixtures";
import { dailyUsageRecords, legacyRecords, nceRecords, type Rec } from "../io/vendor/fixtures";
import { storeState } from "../support/fail-injection";
import { testContext } from "../support/fixtures";
import { seedStore } from "../support/reconcile-scenario";
import { byteDamage, damageBytes, gridMutation, gridToCsv, gridToJson, located, mutateGrid } from "./fuzz-support";

const grid = (headers: readonly string[], recs: readonly Rec[]): string[][] => [[...headers], ...recs.map((r) => headers.map((h) => r[h] ?? ""))];

/** One real layout per built-in profile (the NCE invoice with Azure plan usage lines too). */
const LAYOUTS: Record<string, string[][]> = {
  "microsoft-nce-invoice": grid(NCE_INVOICE_HEADERS, [...nceRecords(), ...azureRecords()]),
  "microsoft-legacy-license": grid(LEGACY_LICENSE_HEADERS, legacyRecords()),
  "microsoft-nce-daily-usage": grid(DAILY_USAGE_HEADERS, dailyUsageRecords()),
};

it("every built-in profile has a layout here", () => {
  expect(Object.keys(LAYOUTS).sort()).toEqual(BUILTIN_PROFILES.map((p) => p.id).sort());
});

type TextFormat = "csv" | "csv;" | "json-lines" | "json-array" | "gzip-csv" | "gzip-json";
const TEXT_FORMATS: TextFormat[] = ["csv", "csv;", "json-lines", "json-array", "gzip-csv", "gzip-json"];

function encode(g: string[][], format: TextFormat): Uint8Array {
  const text =
    format === "csv" || format === "gzip-csv" ? gridToCsv(g)
    : format === "csv;" ? gridToCsv(g, ";")
    : gridToJson(g, format === "json-lines" ? "lines" : "array");
  const bytes = new TextEncoder().encode(text);
  return format.startsWith("gzip") ? gzipSync(bytes) : bytes;
}

async function xlsxOf(g: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Recon");
  for (const r of g) ws.addRow(r.map((v) => v.slice(0, 32_000))); // Excel's cell limit
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CANONICAL = /^-?\d{1,15}(\.\d{1,20})?$/;
const TEXT_FIELDS = ["vendorCustomerId", "vendorCustomerName", "vendorArticleKey", "vendorArticleName", "subscriptionId", "chargeType", "currency", "meter", "unit", "termAndBillingCycle", "billingFrequency"] as const;

/** What every answer of the vendor reader must satisfy, whatever the input. */
function checkRead(r: ReadVendorResult, source: string, maxRows: number): void {
  expect(located(r.issues)).toBe(true);
  for (const i of r.issues) expect(i.where?.source).toBe(source);
  // The iteration bound: the reader never reads more rows than the file has.
  expect(r.rowCount).toBeLessThanOrEqual(maxRows);
  expect(r.lines.length).toBeLessThanOrEqual(maxRows);
  for (const l of r.lines) checkLine(l, source);
}

function checkLine(l: VendorLine, source: string): void {
  expect(l.source).toBe(source);
  expect(l.quantity).toMatch(CANONICAL);
  if (l.amount !== null) expect(l.amount).toMatch(CANONICAL);
  if (l.vendorUnitPrice !== undefined) expect(l.vendorUnitPrice).toMatch(CANONICAL);
  for (const f of TEXT_FIELDS) {
    const v = l[f];
    if (typeof v === "string") expect(hasControlCharacter(v)).toBe(false);
  }
  if (l.chargeFrom !== null) expect(l.chargeFrom >= "1900-01-01" && l.chargeFrom <= "9999-12-31").toBe(true);
  if (l.chargeTo !== null) expect(l.chargeTo >= "1900-01-01" && l.chargeTo <= "9999-12-31").toBe(true);
}

/** Rows a file can have at most: its line breaks (CSV, JSON lines) or records, plus one. */
function maxRowsOf(g: string[][]): number {
  return g.length + g.reduce((n, r) => n + r.reduce((m, c) => m + (c.match(/[\r\n]/g)?.length ?? 0), 0), 0);
}

const layout = fc.constantFrom(...Object.keys(LAYOUTS));
const mutations = fc.array(gridMutation, { minLength: 1, maxLength: 6 });

/** Inputs tried per property (the report of issue 16 lists them). */
const RUNS = { text: 100, bytes: 80, xlsx: 15, xlsxBytes: 25, app: 30 };

describe("vendor files: every built-in profile, every format", () => {
  it(`cell-level damage, as CSV, JSON and gzip (${RUNS.text} files)`, () => {
    fc.assert(
      fc.property(layout, mutations, fc.constantFrom(...TEXT_FORMATS), (id, ms, format) => {
        const g = mutateGrid(LAYOUTS[id]!, ms);
        const r = readVendorCsv(encode(g, format), { fileName: "fuzz.csv" });
        checkRead(r, "fuzz.csv", maxRowsOf(g));
      }),
      { numRuns: RUNS.text },
    );
  });

  it(`byte-level damage of the encoded file (${RUNS.bytes} files)`, () => {
    fc.assert(
      fc.property(layout, fc.constantFrom(...TEXT_FORMATS), fc.array(byteDamage, { minLength: 1, maxLength: 4 }), (id, format, ds) => {
        let bytes = encode(LAYOUTS[id]!, format);
        for (const d of ds) bytes = damageBytes(bytes, d);
        const r = readVendorCsv(bytes, { fileName: "fuzz.json" });
        checkRead(r, "fuzz.json", bytes.length + 1);
      }),
      { numRuns: RUNS.bytes },
    );
  });

  it(`cell-level damage as XLSX (${RUNS.xlsx} workbooks)`, async () => {
    await fc.assert(
      fc.asyncProperty(layout, mutations, async (id, ms) => {
        const g = mutateGrid(LAYOUTS[id]!, ms);
        const r = await readVendorFile(await xlsxOf(g), { fileName: "fuzz.xlsx" });
        expect(r.kind).toBe("xlsx");
        checkRead(r, "fuzz.xlsx", g.length);
      }),
      { numRuns: RUNS.xlsx },
    );
  });

  it(`byte-level damage of a workbook (${RUNS.xlsxBytes} workbooks)`, async () => {
    const workbooks = Object.fromEntries(await Promise.all(Object.entries(LAYOUTS).map(async ([id, g]) => [id, await xlsxOf(g)] as const)));
    await fc.assert(
      fc.asyncProperty(layout, fc.array(byteDamage, { minLength: 1, maxLength: 3 }), async (id, ds) => {
        let bytes = workbooks[id]!;
        for (const d of ds) bytes = damageBytes(bytes, d);
        const r = await readVendorFile(bytes, { fileName: "fuzz.xlsx" });
        checkRead(r, "fuzz.xlsx", LAYOUTS[id]!.length + 1);
      }),
      { numRuns: RUNS.xlsxBytes },
    );
  });
});

describe("use cases on damaged vendor files change the store only when they succeed", () => {
  it(`usage import and reconcile (${RUNS.app} files each)`, async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(layout, mutations, fc.constantFrom(...TEXT_FORMATS), async (id, ms, format) => {
        const g = mutateGrid(LAYOUTS[id]!, ms);
        const read: VendorFileRead = { name: "fuzz.csv", sha256: "f".repeat(64), result: readVendorCsv(encode(g, format), { fileName: "fuzz.csv" }) };
        const before = await storeState(ctx);
        const rec = await reconcileFiles(ctx, [read], "2026-11");
        if (!rec.ok) expect(located(rec.issues)).toBe(true);
        expect(await storeState(ctx)).toBe(before); // reconcile only reads
        const u = await importUsage(ctx, [read]);
        if (!u.ok) {
          refused++;
          expect(located(u.issues)).toBe(true);
          expect(await storeState(ctx)).toBe(before);
        }
      }),
      { numRuns: RUNS.app },
    );
    expect(refused).toBeGreaterThan(0);
    await ctx.store.close();
  });
});

describe("a gzip file that unpacks to more than the reader takes (a zip bomb)", () => {
  const nce = LAYOUTS["microsoft-nce-invoice"]!;
  const big = new TextEncoder().encode(gridToCsv([nce[0]!, ...Array.from({ length: 2_000 }, () => nce.slice(1)).flat()])); // about 6 MB
  const gz = gzipSync(big, { level: 9 });

  it("is refused with a message once the limit is passed, without unpacking the rest", () => {
    const r = readVendorCsv(gz, { fileName: "bomb.csv.gz", maxBytes: 1_000_000 });
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.params.limit])).toEqual([["file.too_large", 1_000_000]]);
    expect(r.compressed).toBe("gzip");
  });

  it("the same file within the limit is read; a plain file over it is refused the same way", () => {
    expect(readVendorCsv(gz, { fileName: "big.csv.gz" }).issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(readVendorCsv(big, { fileName: "big.csv", maxBytes: 1_000_000 }).issues.map((i) => i.code)).toEqual(["file.too_large"]);
  });

  it("a gzip trailer claiming 4 GB does not make the reader allocate 4 GB", () => {
    const small = gzipSync(new TextEncoder().encode(gridToCsv(LAYOUTS["microsoft-nce-invoice"]!)));
    const lying = small.slice();
    lying.set([0xff, 0xff, 0xff, 0xff], lying.length - 4);
    const r = readVendorCsv(lying, { fileName: "lying.csv.gz" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.lines.length).toBeGreaterThan(0);
  });
});
