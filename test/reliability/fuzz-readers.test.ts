import fc from "fast-check";
import { importMaster } from "../../src/app/import-master";
import { readMasterTables } from "../../src/io/master/read-master";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { decodeBytes } from "../../src/io/table/decode";
import { readCsvText } from "../../src/io/table/read-csv";
import { parseBackup } from "../../src/store/backup";
import { importProfiles } from "../../src/io/vendor/user-profile";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext } from "../support/fixtures";
import type { Issue } from "../../src/core/issues";

/** Every issue names where it happened. */
function located(issues: readonly Issue[]): boolean {
  return issues.every((i) => i.where !== undefined && (i.where.source !== undefined || i.where.cell !== undefined));
}

const SEEDS = [CONTRACTS_CSV_DE, ARTICLES_CSV, MAPPINGS_CSV];
/** Real files with random damage: truncation, a byte flipped, a stray quote, a formula injected. */
const damaged = fc.tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.constantFrom('"', "\u0000", ";", "\n", "=cmd|' /C calc'!A0", "\uFFFD", "ä")).map(([text, a, b, insert]) => {
  const cut = a % (text.length + 1);
  const at = b % (cut + 1);
  return text.slice(0, at) + insert + text.slice(at, cut);
});

describe("readers never throw on damaged input", () => {
  it("master-data CSV: random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const { table, issues } = readCsvText(decodeBytes(bytes).text, "x.csv");
        const r = readMasterTables([table]);
        expect(located([...issues, ...r.issues])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("master-data CSV: damaged real files", () => {
    fc.assert(
      fc.property(damaged, (text) => {
        const r = readMasterTables([readCsvText(text, "x.csv").table]);
        expect(located(r.issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("master-data CSV: huge fields and very many columns", () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",") + "\n" + "1,".repeat(99_999) + "1\n";
    expect(readMasterTables([readCsvText(wide, "wide.csv").table]).issues[0]!.code).toBe("csv.unknown_file_kind");
    const huge = ARTICLES_CSV + "\nX," + "a".repeat(2_000_000) + ",1.00,19\n";
    const r = readMasterTables([readCsvText(huge, "huge.csv").table]);
    expect(r.issues).toEqual([]);
    expect(r.input.articles.at(-1)!.article.description).toHaveLength(2_000_000);
  });

  it("import-master with damaged files either imports or reports issues, never half", async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        const ctx = await testContext();
        const r = await importMaster(ctx, [{ name: "x.csv", bytes: new TextEncoder().encode(text) }]);
        if (!r.ok) {
          expect(located(r.issues)).toBe(true);
          expect(await ctx.db.auditLog.count()).toBe(0);
          expect(await ctx.db.contractVersions.count()).toBe(0);
        }
        ctx.db.close();
      }),
      { numRuns: 60 },
    );
  });

  it("review tables: random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const r = readReviewTable(readCsvText("status,customer_no,contract_no,position_no,article_no,vendor_qty,effective_date,action\n" + text, "r.csv").table);
        expect(located(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("backups and profiles JSON: random and truncated text", () => {
    const valid = JSON.stringify({ format: "msp-billing-backup", schemaVersion: 1, exportedAt: "x", tables: { customers: [{ no: "1", name: "A" }] } });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.nat(valid.length).map((n) => valid.slice(0, n)), fc.json()), (text) => {
        const b = parseBackup(text, "b.json");
        if (!b.ok) expect(located(b.issues)).toBe(true);
        importProfiles(text); // must not throw
      }),
      { numRuns: 500 },
    );
  });
});
