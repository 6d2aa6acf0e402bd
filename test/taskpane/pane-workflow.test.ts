/**
 * The task pane's own logic (no React): the mapping sheet and the German review sheet through the
 * in-memory workbook and the real apply path, issue locations, month defaults, billing sheet rows,
 * backup reminders. The clicking itself is covered by the browser tests (test/e2e/run.js).
 */
import { applyReview } from "../../src/app/apply-review";
import type { IsoDate } from "../../src/core/date/iso-date";
import { issue } from "../../src/core/issues";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { defaultBillingMonth, invoiceSheetRows, latestRun } from "../../src/taskpane/billing/invoice-sheet";
import { describeIssue, locateIssues } from "../../src/taskpane/issues";
import { proposeMappings } from "../../src/app/mapping-proposal";
import { mappingNeeds } from "../../src/core/reconcile/mapping-suggestions";
import { mappingSheetName, MAPPING_VOCABULARY, listItem, mappingSheet, numberOfItem, readMappingSheet } from "../../src/taskpane/reconcile/mapping-sheet";
import { defaultMonth, reviewCells, reviewOptions, reviewSheetFor, sourceLabel, unmappedLeftOut } from "../../src/taskpane/reconcile/review";
import { bestMatch, normalizeName, similarity } from "../../src/core/reconcile/similarity";
import { backupDue } from "../../src/taskpane/storage";
import { octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";
import { testContext } from "../support/fixtures";
import type { RunRecord } from "../../src/store/records";

/** The German name, as these tests write and read German sheets. */
const MAPPING_SHEET = mappingSheetName("de");

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("mapping suggestions", () => {
  it("normalises legal forms, umlauts and domains", () => {
    expect(normalizeName("Müller GmbH & Co. KG")).toBe("mueller");
    expect(normalizeName("mueller.onmicrosoft.com")).toBe("mueller");
    expect(similarity("Schäfer KG", "Schaefer")).toBe(1);
    expect(similarity("Teams Essentials", "Microsoft Teams Essentials")).toBeGreaterThan(0.6);
    expect(bestMatch("Neukunde AG", [{ no: "1", texts: ["Müller GmbH"] }, { no: "2", texts: ["Neukunde"] }])).toEqual({ no: "2", score: 1 });
  });

  it("reads drop-down entries and bare numbers", () => {
    expect(numberOfItem(listItem("10003", "Neukunde AG"))).toBe("10003");
    expect(numberOfItem(" 10003 ")).toBe("10003");
    expect(numberOfItem("'-5")).toBe("-5");
  });
});

describe("the mapping sheet Zuordnung", () => {
  it("lists unmapped vendor ids with drop-downs and suggestions; a filled sheet saves mappings", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const needs = mappingNeeds(rows);
    expect(needs.map((n) => [n.kind, n.externalId])).toEqual([
      ["customer", "33333333-cccc-4ccc-8ccc-000000000003"],
      ["article", "CFQ7TTC0MM8R:0002"],
    ]);
    const sheet = mappingSheet(await proposeMappings(ctx, rows), "de");
    expect(sheet.rows[1]!.slice(0, 3)).toEqual(["Kunde", "microsoft-nce-invoice", "33333333-cccc-4ccc-8ccc-000000000003"]);

    const wb = new MemoryWorkbook({ locale: "de" });
    const gw = new MemoryWorkbookGateway(wb);
    unwrap(await gw.writeTable(MAPPING_SHEET, sheet.rows, sheet.options));
    expect(wb.validationList(MAPPING_SHEET, "F2")).toEqual(["10001 – Müller GmbH", "10002 – Schäfer KG"]);
    expect(wb.validationList(MAPPING_SHEET, "G3")).toContain("EXO-P1 – Exchange Online Plan 1");
    // The user sorts, then picks a customer for the tenant; the article row stays open.
    expect(sheet.rows[0]!.slice(0, 3)).toEqual(["Art", "Quelle", "Externe ID"]);
    wb.sortTable("Zuordnung", "Art", "desc");
    const customerRow = wb.values(MAPPING_SHEET).findIndex((r) => r[0] === "Kunde") + 1;
    expect(() => wb.typeInto(MAPPING_SHEET, `F${customerRow}`, "10009 – Niemand")).toThrow(/drop-down/);
    wb.typeInto(MAPPING_SHEET, `F${customerRow}`, "10002 – Schäfer KG");

    const read = unwrap(await gw.readTableByHeaders(MAPPING_SHEET));
    const { decisions, issues, open } = readMappingSheet(read.table, "2026-10-01" as IsoDate);
    expect(issues).toEqual([]);
    expect(open).toBe(1);
    expect(decisions).toMatchObject([{ status: "unmapped_customer", action: "accept", customerNo: "10002", externalCustomerId: "33333333-cccc-4ccc-8ccc-000000000003", mappingSource: "microsoft-nce-invoice", row: customerRow }]);
    const saved = unwrap(await applyReview(ctx, decisions, { name: MAPPING_SHEET, sha256: "x" }));
    expect(saved).toMatchObject({ mappings: 1, versions: 0 });
    const again = await reconcile(ctx, octoberCsv());
    expect(again.filter((r) => r.status === "unmapped_customer")).toEqual([]);
  });

  it("names a bad number by its cell", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const sheet = mappingSheet(await proposeMappings(ctx, rows), "en");
    const wb = new MemoryWorkbook({ locale: "en" });
    const gw = new MemoryWorkbookGateway(wb);
    unwrap(await gw.writeTable(MAPPING_SHEET, sheet.rows, sheet.options));
    wb.typeInto(MAPPING_SHEET, "G3", "NOPE", { paste: true }); // pasting skips the drop-down check
    const read = unwrap(await gw.readTableByHeaders(MAPPING_SHEET));
    const { decisions } = readMappingSheet(read.table, "2026-10-01" as IsoDate);
    const result = await applyReview(ctx, decisions, { name: MAPPING_SHEET, sha256: "x" });
    expect(result.ok).toBe(false);
    const located = locateIssues(result.ok ? [] : result.issues, read.table, read.sheet, MAPPING_VOCABULARY);
    expect(located.map((i) => i.where?.cell)).toEqual(["Zuordnung!G3"]);
    expect(describeIssue(located[0]!, "en")).toMatch(/^Zuordnung!G3: Article NOPE is unknown/);
  });
});

describe("the review sheet in German", () => {
  it("writes übernehmen/überspringen and reads the user's choice back", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const name = reviewSheetFor("2026-10", sourceLabel([{ id: "microsoft-nce-invoice", name: "Microsoft NCE" }], "de"));
    expect(name).toBe("Abgleich 2026-10 MS NCE");
    const wb = new MemoryWorkbook({ locale: "de" });
    const gw = new MemoryWorkbookGateway(wb);
    unwrap(await gw.writeTable(name, reviewCells(rows, "de"), reviewOptions(name, "de")));
    expect(wb.validationList(name, "N2")).toEqual(["übernehmen", "überspringen"]);
    expect(wb.values(name)[1]![13]).toBe("übernehmen");
    wb.typeInto(name, "N2", "überspringen");
    const read = unwrap(await gw.readTableByHeaders(name));
    const { decisions, issues } = readReviewTable(read.table);
    expect(issues).toEqual([]);
    expect(decisions[0]!.action).toBe("skip");
    expect(unmappedLeftOut(decisions)).toBe(2);
    expect(unmappedLeftOut(rows)).toBe(2);
  });

  it("adds the cell to issues that name only a header", () => {
    const table = { source: "Abgleich 2026-10", firstRowNumber: 1, rows: [["status", "customer_no", "contract_no"], ["new_position", "10002", ""]] };
    const located = locateIssues([issue("review.contract_required", {}, { source: "Abgleich 2026-10", row: 2, column: "contract_no" })], table, "Abgleich 2026-10");
    expect(located[0]!.where?.cell).toBe("Abgleich 2026-10!C2");
    expect(describeIssue(located[0]!, "de")).toBe("Abgleich 2026-10!C2: Für die neue Position muss ein Vertrag gewählt werden (Spalte „Vertragsnummer“).");
  });

  it("proposes the month most lines start in", () => {
    const from = (d: string) => ({ chargeFrom: d as IsoDate });
    expect(defaultMonth([from("2026-10-01"), from("2026-10-15"), from("2026-09-20")], "2026-11-23" as IsoDate)).toBe("2026-10");
    expect(defaultMonth([], "2026-11-23" as IsoDate)).toBe("2026-10");
  });
});

describe("billing and storage helpers", () => {
  const run = (id: string, month: string, undone = false): RunRecord => ({ id, month, createdAt: `2026-11-0${id.slice(-1)}T10:00:00Z`, invoiceDate: "2026-11-01", invoiceRefs: [], ...(undone ? { undoneAt: "x" } : {}) });

  it("bills the month after the latest live run", () => {
    expect(defaultBillingMonth([], "2026-11-23" as IsoDate)).toBe("2026-11");
    expect(defaultBillingMonth([run("run-1", "2026-09"), run("run-2", "2026-10")], "2026-11-23" as IsoDate)).toBe("2026-11");
    expect(latestRun([run("run-1", "2026-09"), run("run-2", "2026-10", true)])?.id).toBe("run-1");
  });

  it("writes invoice lines with typed numbers", () => {
    expect(invoiceSheetRows([])).toEqual([expect.arrayContaining(["Invoice no.", "Net amount"])]);
  });

  it("reminds to back up when there is data and no recent backup", () => {
    const now = "2026-11-23T10:00:00.000Z";
    expect(backupDue(null, false, now)).toBe(false);
    expect(backupDue(null, true, now)).toBe(true);
    expect(backupDue("2026-11-20T10:00:00.000Z", true, now)).toBe(false);
    expect(backupDue("2026-11-01T10:00:00.000Z", true, now)).toBe(true);
  });
});
