/**
 * Issue 16: the mappings file, the mandates CSV and reviews read back from `.xlsx` (reconcile review
 * and time review), each through its use case: cell-level damage of a real file and byte-level
 * damage of the encoded one. Asserted: no exception escapes, every issue names where it happened,
 * and a refused import or apply leaves the store exactly as it was (a backup dump before and after).
 */
import fc from "fast-check";
import { applyReview } from "../../src/app/apply-review";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { importMandates } from "../../src/app/mandates";
import { importTime } from "../../src/app/time";
import { applyTimeDecisions, reviewTimeEntries } from "../../src/app/time-review";
import { hasErrors } from "../../src/core/issues";
import { reviewTableRows, readReviewTable } from "../../src/io/reconcile/review-table";
import { readTimeReviewTable, timeReviewTableRows } from "../../src/io/time/review-table";
import { readXlsx } from "../../src/io/table/read-xlsx";
import type { CsvCell } from "../../src/io/table/write-csv";
import { writeXlsxSheet } from "../../src/io/table/write-xlsx";
import { TIME_CSV } from "../app/time-fixtures";
import { MANDATES_CSV } from "../app/sepa/sepa-fixtures";
import { storeState } from "../support/fail-injection";
import { testContext, textFile } from "../support/fixtures";
import { MASTER_MAPPINGS, octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";
import { type ByteDamage, byteDamage, damageBytes, gridMutation, gridToCsv, located, mutateGrid } from "./fuzz-support";
import { seedTimeMaster } from "./use-cases";

const gridOf = (csv: string, delimiter: string) => csv.split("\n").map((l) => l.split(delimiter));
const cellText = (c: CsvCell) => (typeof c === "string" ? c : c.number);
const sha = "e".repeat(64);

/** A damaged file: its grid mutated cell by cell, or its bytes damaged. */
function damagedFile(seed: string[][], delimiter: string) {
  return fc.oneof(
    fc.array(gridMutation, { minLength: 1, maxLength: 6 }).map((ms) => new TextEncoder().encode(gridToCsv(mutateGrid(seed, ms), delimiter))),
    fc.array(byteDamage, { minLength: 1, maxLength: 4 }).map((ds) => ds.reduce((b: Uint8Array, d: ByteDamage) => damageBytes(b, d), new TextEncoder().encode(gridToCsv(seed, delimiter)))),
  );
}

/** Runs an import on damaged files against one store; a refusal must leave it unchanged. */
async function fuzzImport(ctx: AppContext, files: fc.Arbitrary<Uint8Array>, run: (bytes: Uint8Array) => Promise<{ ok: boolean; issues?: readonly import("../../src/core/issues").Issue[] }>, numRuns: number) {
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(files, async (bytes) => {
      const before = await storeState(ctx);
      const r = await run(bytes);
      if (!r.ok) {
        refused++;
        expect(located(r.issues ?? [])).toBe(true);
        expect(await storeState(ctx)).toBe(before);
      }
    }),
    { numRuns },
  );
  return refused;
}

/** Inputs tried per property (the report of issue 16 lists them). */
const RUNS = { mappings: 60, mandates: 60, reviewXlsx: 15, reviewXlsxBytes: 20, timeReviewXlsx: 12 };

describe("imports of damaged files change nothing, or import", () => {
  it(`the mappings file (import-master) (${RUNS.mappings} files)`, async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const refused = await fuzzImport(ctx, damagedFile(gridOf(MASTER_MAPPINGS, ","), ","), (bytes) => importMaster(ctx, [{ name: "mappings.csv", bytes }]), RUNS.mappings);
    expect(refused).toBeGreaterThan(0);
    await ctx.store.close();
  });

  it(`the mandates CSV (${RUNS.mandates} files)`, async () => {
    const ctx = await testContext();
    expect((await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV))).ok).toBe(true);
    const refused = await fuzzImport(ctx, damagedFile(gridOf(MANDATES_CSV, ";"), ";"), (bytes) => importMandates(ctx, { name: "mandates.csv", bytes }), RUNS.mandates);
    expect(refused).toBeGreaterThan(0);
    await ctx.store.close();
  });
});

describe("reviews read back from .xlsx", () => {
  it(`a reconcile review with damaged cells: located issues, or applied; a refused apply changes nothing (${RUNS.reviewXlsx} workbooks)`, async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const grid = reviewTableRows(await reconcile(ctx, octoberCsv())).map((r) => r.map(cellText));
    await fc.assert(
      fc.asyncProperty(fc.array(gridMutation, { minLength: 1, maxLength: 5 }), async (ms) => {
        const bytes = await writeXlsxSheet("Abgleich", mutateGrid(grid, ms).map((r) => r.map((v) => v.slice(0, 32_000))));
        const read = await readXlsx(bytes, { source: "review.xlsx" });
        const { decisions, issues } = readReviewTable(read.table);
        const all = [...read.issues, ...issues];
        expect(located(all)).toBe(true);
        if (hasErrors(all)) return;
        const before = await storeState(ctx);
        const r = await applyReview(ctx, decisions, { name: "review.xlsx", sha256: sha });
        if (!r.ok) {
          expect(located(r.issues)).toBe(true);
          expect(await storeState(ctx)).toBe(before);
        }
      }),
      { numRuns: RUNS.reviewXlsx },
    );
    await ctx.store.close();
  });

  it(`a damaged review workbook: a message, never an exception or a stall (${RUNS.reviewXlsxBytes} workbooks)`, async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const good = await writeXlsxSheet("Abgleich", reviewTableRows(await reconcile(ctx, octoberCsv())));
    await ctx.store.close();
    let damaged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(byteDamage, { minLength: 1, maxLength: 3 }), async (ds) => {
        const bytes = ds.reduce((b: Uint8Array, d) => damageBytes(b, d), good);
        const read = await readXlsx(bytes, { source: "review.xlsx" });
        if (read.issues.length > 0) damaged++;
        const { issues } = readReviewTable(read.table);
        expect(located([...read.issues, ...issues])).toBe(true);
      }),
      { numRuns: RUNS.reviewXlsxBytes },
    );
    expect(damaged).toBeGreaterThan(0);
  });

  it(`a time review with damaged cells: located issues, or applied; a refused apply changes nothing (${RUNS.timeReviewXlsx} workbooks)`, async () => {
    const ctx = await testContext();
    await seedTimeMaster(ctx);
    expect((await importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV))).ok).toBe(true);
    const grid = timeReviewTableRows((await reviewTimeEntries(ctx, "2026-06")).rows, "de", { header: "abrechnen", yes: "Ja", no: "Nein" }).map((r) => r.map(cellText));
    await fc.assert(
      fc.asyncProperty(fc.array(gridMutation, { minLength: 1, maxLength: 5 }), async (ms) => {
        const bytes = await writeXlsxSheet("Zeiten 2026-06", mutateGrid(grid, ms).map((r) => r.map((v) => v.slice(0, 32_000))));
        const read = await readXlsx(bytes, { source: "Zeiten 2026-06.xlsx" });
        const { decisions, issues } = readTimeReviewTable(read.table);
        const all = [...read.issues, ...issues];
        expect(located(all)).toBe(true);
        if (hasErrors(all)) return;
        const before = await storeState(ctx);
        const r = await applyTimeDecisions(ctx, decisions, { name: "Zeiten 2026-06.xlsx", sha256: sha });
        if (!r.ok) {
          expect(located(r.issues)).toBe(true);
          expect(await storeState(ctx)).toBe(before);
        }
      }),
      { numRuns: RUNS.timeReviewXlsx },
    );
    await ctx.store.close();
  });
});
