/**
 * Sheet names in the user's language (issue 20), read back across languages: a sheet a German
 * colleague wrote is found by an English pane and the other way round; a missing sheet is named in
 * the user's language. Through the in-memory workbook and the real read paths.
 */
import { applyReview } from "../../src/app/apply-review";
import { importMandates } from "../../src/app/mandates";
import type { IsoDate } from "../../src/core/date/iso-date";
import { proposeMappings } from "../../src/app/mapping-proposal";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { applyMandatesSheet, mandatesSheetName, writeMandatesSheet } from "../../src/taskpane/billing/mandates-sheet";
import { exportMaster } from "../../src/app/export-master";
import type { AppContext } from "../../src/app/context";
import { vocabularyHeader } from "../../src/io/table/sheet-vocabulary";
import { columnLetter } from "../../src/io/table/raw-table";
import type { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import type { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { findSheetToRead } from "../../src/taskpane/find-sheet";
import { MASTER_SHEET_NAMES, MASTER_VOCABULARIES, csvSheetRows, masterWriteOptions } from "../../src/taskpane/master/master-sheets";
import { syncMasterSheet } from "../../src/taskpane/master/sync-master-sheet";
import { describeIssue } from "../../src/taskpane/issues";
import { mappingSheet, mappingSheetName, readMappingSheet } from "../../src/taskpane/reconcile/mapping-sheet";
import { reviewCells, reviewOptions, reviewSheetFor, reviewSheetsIn } from "../../src/taskpane/reconcile/review";
import { MANDATES_CSV } from "../app/sepa/sepa-fixtures";
import { memoryGateway, unwrap } from "../excel/fixtures";
import { octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";
import { testContext, textFile } from "../support/fixtures";

/** The sheet read back, for the tests where one is there. */
const findSheet = async (...a: Parameters<typeof findSheetToRead>): Promise<string> => unwrap(await findSheetToRead(...a));

type Language = "de" | "en";
const other = (l: Language): Language => (l === "de" ? "en" : "de");

/** Writes the Verträge/Artikel sheets in the language, as the pane's "In Blätter schreiben" does. */
async function writeMasterSheets(ctx: AppContext, gw: MemoryWorkbookGateway, language: Language): Promise<void> {
  const exported = await exportMaster(ctx);
  for (const kind of ["contracts", "articles"] as const) {
    const sheet = MASTER_SHEET_NAMES[language][kind];
    unwrap(await gw.writeTable(sheet, csvSheetRows(exported[kind], sheet, kind, language), masterWriteOptions(kind, sheet, language)));
  }
}

/** Types a new state of the sheet's first contract row under it: `quantity` from 2026-11-01. */
function typeNewVersion(wb: MemoryWorkbook, sheet: string, language: Language, quantity: string): void {
  const grid = wb.values(sheet);
  const col = (c: string) => grid[0]!.indexOf(vocabularyHeader(MASTER_VOCABULARIES.contracts, c, language));
  const copy = grid[1]!.map(String);
  copy[col("quantity")] = quantity;
  copy[col("valid_from")] = "2026-11-01";
  const row = grid.length + 1;
  copy.forEach((v, i) => v !== "" && wb.typeInto(sheet, `${columnLetter(i)}${row}`, v));
}

/** The stored contract rows valid from 2026-11-01 (customer, contract, position, quantity). */
async function novemberVersions(ctx: AppContext): Promise<string[]> {
  const [header, ...rows] = (await exportMaster(ctx)).contracts.trim().split(/\r?\n/).map((l) => l.split(","));
  const at = (c: string) => header!.indexOf(c);
  return rows.filter((r) => r[at("valid_from")] === "2026-11-01").map((r) => [r[at("contract_no")], r[at("position_no")], r[at("quantity")]].join(" "));
}

describe.each<Language>(["de", "en"])("a sheet written in %s, read back in the other language's pane", (writer) => {
  const reader = other(writer);

  it("the review sheet: listed among the review sheets, found under its own name, the clerk's choice read back", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const name = reviewSheetFor("2026-10", "MS NCE", writer);
    expect(name).toBe(writer === "de" ? "Abgleich 2026-10 MS NCE" : "Review 2026-10 MS NCE");
    const { wb, gw } = memoryGateway({ locale: writer });
    unwrap(await gw.writeTable(name, reviewCells(rows, writer), reviewOptions(name, writer)));
    wb.typeInto(name, "N2", writer === "de" ? "überspringen" : "skip");

    // The reader's pane lists the colleague's sheet, and the name it would write finds it too.
    expect(reviewSheetsIn(await gw.listSheets())).toEqual([name]);
    const own = reviewSheetFor("2026-10", "MS NCE", reader);
    const found = await findSheet(gw, own, reader);
    expect(found).toBe(name);
    const { decisions, issues } = readReviewTable(unwrap(await gw.readTableByHeaders(found)).table);
    expect(issues).toEqual([]);
    expect(decisions[0]!.action).toBe("skip");
    expect(decisions.length).toBe(rows.length);
  });

  it("the mapping sheet: found under the other name, a pick saved as a mapping", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const sheet = mappingSheet(await proposeMappings(ctx, rows), writer);
    const { wb, gw } = memoryGateway({ locale: writer });
    unwrap(await gw.writeTable(mappingSheetName(writer), sheet.rows, sheet.options));
    wb.typeInto(mappingSheetName(writer), "F2", "10002 – Schäfer KG");

    const found = await findSheet(gw, mappingSheetName(reader), reader);
    expect(found).toBe(writer === "de" ? "Zuordnung" : "Mapping");
    const read = unwrap(await gw.readTableByHeaders(found));
    const { decisions, issues } = readMappingSheet(read.table, "2026-10-01" as IsoDate);
    expect(issues).toEqual([]);
    expect(decisions).toMatchObject([{ status: "unmapped_customer", customerNo: "10002" }]);
    expect(unwrap(await applyReview(ctx, decisions, { name: found, sha256: "x" }))).toMatchObject({ mappings: 1 });
    expect((await reconcile(ctx, octoberCsv())).filter((r) => r.status === "unmapped_customer")).toEqual([]);
  });

  it("the mandates sheet: the colleague's sheet is imported, an edit applied", async () => {
    const ctx = await testContext();
    unwrap(await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV)));
    const { wb, gw } = memoryGateway({ locale: writer });
    unwrap((await writeMandatesSheet(ctx, gw, {}, writer)).written);
    expect(await gw.listSheets()).toContain(mandatesSheetName(writer));
    const unchanged = unwrap(await applyMandatesSheet(ctx, gw, reader));
    expect(unchanged).toMatchObject({ batchId: null, unchanged: 5 });
    const net = "N"; // net_credits, in either language
    const k1 = wb.values(mandatesSheetName(writer)).findIndex((r) => r[0] === "K1") + 1;
    wb.typeInto(mandatesSheetName(writer), `${net}${k1}`, writer === "de" ? "ja" : "yes");
    const applied = unwrap(await applyMandatesSheet(ctx, gw, reader));
    expect(applied).toMatchObject({ changed: 1 });
    expect(applied.batchId).not.toBeNull();
  });

  it("the contracts sheet (Verträge zurückschreiben): the colleague's sheet found, an edit stored as a new version", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { wb, gw } = memoryGateway({ locale: writer });
    await writeMasterSheets(ctx, gw, writer);
    const name = writer === "de" ? "Verträge" : "Contracts";
    expect(await gw.listSheets()).not.toContain(MASTER_SHEET_NAMES[reader].contracts);

    const unchanged = await syncMasterSheet(ctx, gw, "contracts", reader);
    expect(unchanged).toMatchObject({ ok: true, sheet: name, summary: { batchId: null } });
    typeNewVersion(wb, name, writer, "99");
    const synced = await syncMasterSheet(ctx, gw, "contracts", reader);
    expect(synced).toMatchObject({ ok: true, sheet: name, summary: { versions: 1 }, below: [] });
    expect(synced.ok && synced.summary.batchId).not.toBeNull();
    expect(await novemberVersions(ctx)).toEqual(["V-1001 1 99"]);
  });

  it("the contracts sheet: a bad cell in the colleague's sheet is named by that sheet's cell, nothing stored", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { wb, gw } = memoryGateway({ locale: writer });
    await writeMasterSheets(ctx, gw, writer);
    const name = MASTER_SHEET_NAMES[writer].contracts;
    typeNewVersion(wb, name, writer, "lots");
    const grid = wb.values(name);
    const qty = `${columnLetter(grid[0]!.indexOf(vocabularyHeader(MASTER_VOCABULARIES.contracts, "quantity", writer)))}${grid.length}`;
    const r = await syncMasterSheet(ctx, gw, "contracts", reader);
    expect(r).toMatchObject({ ok: false, sheet: name, missing: false });
    expect(r.ok ? [] : r.issues.map((i) => describeIssue(i, reader))).toEqual([expect.stringContaining(`${name}!${qty}`)]);
    expect(await novemberVersions(ctx)).toEqual([]);
  });

  it("the articles sheet: the colleague's sheet found, a price change stored", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { wb, gw } = memoryGateway({ locale: writer });
    await writeMasterSheets(ctx, gw, writer);
    const name = writer === "de" ? "Artikel" : "Articles";
    const grid = wb.values(name);
    const price = columnLetter(grid[0]!.indexOf(vocabularyHeader(MASTER_VOCABULARIES.articles, "unit_price", writer)));
    const row = grid.findIndex((r) => r[0] === "EXO-P1") + 1;
    wb.typeInto(name, `${price}${row}`, "4.50");
    const synced = await syncMasterSheet(ctx, gw, "articles", reader);
    expect(synced).toMatchObject({ ok: true, sheet: name });
    expect(synced.ok && synced.summary.batchId).not.toBeNull();
    expect((await exportMaster(ctx)).articles).toMatch(/^EXO-P1,Exchange Online Plan 1,4\.5,/m);
  });
});

describe("sheets in both languages and missing sheets", () => {
  it("the user's-language sheet wins when both are there", async () => {
    const ctx = await testContext();
    unwrap(await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV)));
    const { wb, gw } = memoryGateway({ locale: "en" });
    // Both sheets in one workbook: each keeps its own table name, so neither write replaces the other.
    unwrap((await writeMandatesSheet(ctx, gw, {}, "de")).written);
    unwrap((await writeMandatesSheet(ctx, gw, {}, "en")).written);
    expect(await gw.listSheets()).toEqual(expect.arrayContaining(["SEPA-Mandate", "SEPA mandates"]));
    expect(await findSheet(gw, mandatesSheetName("en"), "en")).toBe("SEPA mandates");
    expect(await findSheet(gw, mandatesSheetName("de"), "de")).toBe("SEPA-Mandate");
    expect(wb.sheetNames()).toContain("SEPA-Mandate");
  });

  it.each<[Language, string, string]>([["en", "SEPA mandates", "SEPA-Mandate"], ["de", "SEPA-Mandate", "SEPA mandates"]])("no mandates sheet (%s): the message names the user's sheet and the colleague's", async (language, name, other) => {
    const ctx = await testContext();
    const { gw } = memoryGateway({ locale: language });
    const r = await applyMandatesSheet(ctx, gw, language);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["excel.sheet_not_found_either"]);
    const text = r.ok ? "" : r.issues.map((i) => describeIssue(i, language)).join("\n");
    expect(text).toContain(name);
    expect(text).toContain(other);
  });

  it.each<[Language, string, string]>([["de", "Verträge", "77"], ["en", "Contracts", "88"]])("master sheets in both languages: the %s user writes back %s", async (language, name, quantity) => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { wb, gw } = memoryGateway({ locale: language });
    // Both in one workbook (their tables are named after the sheets, so neither write replaces the other).
    await writeMasterSheets(ctx, gw, "de");
    await writeMasterSheets(ctx, gw, "en");
    expect(await gw.listSheets()).toEqual(expect.arrayContaining(["Verträge", "Contracts", "Artikel", "Articles"]));
    typeNewVersion(wb, "Verträge", "de", "77");
    typeNewVersion(wb, "Contracts", "en", "88");

    const synced = await syncMasterSheet(ctx, gw, "contracts", language);
    expect(synced).toMatchObject({ ok: true, sheet: name, summary: { versions: 1 } });
    expect(await novemberVersions(ctx)).toEqual([`V-1001 1 ${quantity}`]);
    expect(await syncMasterSheet(ctx, gw, "articles", language)).toMatchObject({ ok: true, sheet: MASTER_SHEET_NAMES[language].articles, summary: { batchId: null } });
  });

  it.each<[Language, string, string]>([["en", "Contracts", "Verträge"], ["de", "Verträge", "Contracts"], ["en", "Articles", "Artikel"], ["de", "Artikel", "Articles"]])(
    "no master sheet (%s): the message names %s and %s, nothing read",
    async (language, own, theirs) => {
      const ctx = await testContext();
      await seedStore(ctx);
      const { gw } = memoryGateway({ locale: language, sheets: [language === "de" ? "Tabelle1" : "Sheet1"] });
      const kind = own === "Contracts" || own === "Verträge" ? "contracts" : "articles";
      const r = await syncMasterSheet(ctx, gw, kind, language);
      expect(r).toMatchObject({ ok: false, sheet: own, missing: true });
      const text = r.ok ? "" : r.issues.map((i) => describeIssue(i, language)).join("\n");
      expect(text).toContain(`${language === "de" ? "„" : '"'}${own}${language === "de" ? "“" : '"'}`);
      expect(text).toContain(theirs);
      expect(text).toContain(language === "de" ? "Tabelle1" : "Sheet1");
    },
  );
});
