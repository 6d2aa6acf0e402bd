import { dbOf } from "../support/db-view";
import fc from "fast-check";
import { importMaster } from "../../src/app/import-master";
import { readMasterTables } from "../../src/io/master/read-master";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { readTimeReviewTable } from "../../src/io/time/review-table";
import { decodeBytes } from "../../src/io/table/decode";
import { readCsvText } from "../../src/io/table/read-csv";
import { parseBackup } from "../../src/store/backup";
import { importProfiles } from "../../src/io/vendor/user-profile";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext } from "../support/fixtures";
import type { Issue } from "../../src/core/issues";
import type { AppContext, InputFile } from "../../src/app/context";
import { importMeters } from "../../src/app/meters";
import { importLinks, importPurchase } from "../../src/app/purchase";
import { importTime } from "../../src/app/time";
import { METERS_CSV, TIME_CSV } from "../app/time-fixtures";
import { LINKS, PURCHASE, seedDomains } from "../scenarios/purchase/domain-scenario";
import { storeState } from "../support/fail-injection";
import { seedTimeMaster } from "./use-cases";

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
          expect(await dbOf(ctx).auditLog.count()).toBe(0);
          expect(await dbOf(ctx).contractVersions.count()).toBe(0);
        }
        await ctx.store.close();
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

  it("time review tables: random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const r = readTimeReviewTable(readCsvText("status,abrechnen,ticket_no,entry_id\n" + text, "Zeiten 2026-06").table);
        expect(located(r.issues)).toBe(true);
        for (const d of r.decisions) expect(d.entryId).not.toBe("");
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

  /** Real files of the other imports, damaged like the master files; and wrong encodings (UTF-16, Latin-1 bytes). */
  const otherImports: [string, string, (ctx: AppContext, f: InputFile) => Promise<{ ok: boolean; issues?: readonly Issue[] }>, (ctx: AppContext) => Promise<void>][] = [
    ["time entries", TIME_CSV, (ctx, f) => importTime(ctx, f), seedTimeMaster],
    ["meter readings", METERS_CSV, (ctx, f) => importMeters(ctx, f), seedTimeMaster],
    ["purchase contracts", PURCHASE, (ctx, f) => importPurchase(ctx, f), seedDomains],
    ["links", LINKS, (ctx, f) => importLinks(ctx, f), seedDomains],
  ];
  const damage = (seed: string) =>
    fc.oneof(
      fc.uint8Array({ maxLength: 1500 }),
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('"', "\u0000", ";", ",", "\n", "=cmd|' /C calc'!A0", "\uFFFD", "ä", "-1", "99:99", "31.02.2026", "x".repeat(100_000))).map(([a, b, insert]) => {
        const cut = a % (seed.length + 1);
        const at = b % (cut + 1);
        return new TextEncoder().encode(seed.slice(0, at) + insert + seed.slice(at, cut));
      }),
      fc.constantFrom("utf-16le", "latin1").map((enc) => new Uint8Array(Buffer.from(seed.replace("Mailserver", "Mailserver für Müller"), enc as BufferEncoding))),
    );

  it.each(otherImports)("%s: damaged files, random bytes and wrong encodings give located issues and change nothing, or import", async (_kind, seed, run, prepare) => {
    const ctx = await testContext();
    await prepare(ctx);
    await fc.assert(
      fc.asyncProperty(damage(seed), async (bytes) => {
        const before = await storeState(ctx);
        const r = await run(ctx, { name: "x.csv", bytes });
        if (!r.ok) {
          expect(located(r.issues ?? [])).toBe(true);
          expect(await storeState(ctx)).toBe(before);
        }
      }),
      { numRuns: 80 },
    );
    await ctx.store.close();
  });
});
