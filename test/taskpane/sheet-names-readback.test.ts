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
import { findSheet } from "../../src/taskpane/find-sheet";
import { describeIssue } from "../../src/taskpane/issues";
import { mappingSheet, mappingSheetName, readMappingSheet } from "../../src/taskpane/reconcile/mapping-sheet";
import { reviewCells, reviewOptions, reviewSheetFor, reviewSheetsIn } from "../../src/taskpane/reconcile/review";
import { MANDATES_CSV } from "../app/sepa/sepa-fixtures";
import { memoryGateway, unwrap } from "../excel/fixtures";
import { octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";
import { testContext, textFile } from "../support/fixtures";

type Language = "de" | "en";
const other = (l: Language): Language => (l === "de" ? "en" : "de");

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

  it.each<[Language, string]>([["en", "SEPA mandates"], ["de", "SEPA-Mandate"]])("no mandates sheet (%s): the message names the user's sheet", async (language, name) => {
    const ctx = await testContext();
    const { gw } = memoryGateway({ locale: language });
    const r = await applyMandatesSheet(ctx, gw, language);
    expect(r.ok).toBe(false);
    const text = r.ok ? "" : r.issues.map((i) => describeIssue(i, language)).join("\n");
    expect(text).toContain(name);
    expect(text).not.toContain(name === "SEPA-Mandate" ? "SEPA mandates" : "SEPA-Mandate");
  });
});
