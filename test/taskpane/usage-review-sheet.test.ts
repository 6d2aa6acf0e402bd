/**
 * The pane's usage section through the in-memory workbook and the same use cases as the CLI: an NCE
 * invoice file with Azure plan lines read and imported (undoable), the review sheet "Verbrauch
 * YYYY-MM" written with German headers, status and decision words (drop-down, typed cells, ids as
 * text, colours), one row held in the sheet and the decisions read back, the billing run bills the
 * approved rows as usage lines to the cent. English: the daily rated usage file (German Excel save),
 * English headers, a bad cell named by its cell, and the CLI's own review table read back too.
 */
import { runBilling } from "../../src/app/bill";
import { setUsageRules } from "../../src/app/usage";
import type { AppContext } from "../../src/app/context";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { DAILY_USAGE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { USAGE_DECISION_EN, usageReviewTableRows } from "../../src/io/usage/review-table";
import { reviewUsage } from "../../src/app/usage";
import { describeIssue } from "../../src/taskpane/issues";
import { inlineParser } from "../../src/taskpane/parse/vendor-parser";
import { applyUsageReviewSheet, importUsageFiles, writeUsageReviewSheet } from "../../src/taskpane/usage/usage-review-flow";
import { readUsageReviewSheet, usageReviewSheetName } from "../../src/taskpane/usage/usage-review-sheet";
import { dbOf } from "../support/db-view";
import { testContext } from "../support/fixtures";
import { dailyUsageRecords, toCsv, utf8 } from "../io/vendor/fixtures";
import { AZURE_ARTICLES, AZURE_CUSTOMERS, AZURE_TENANT_MAPPINGS, USAGE_RULES, azureRecords } from "../app/usage-fixtures";
import { undoBatch } from "../../src/app/undo-batch";
import { readFileSync } from "node:fs";
import { join } from "node:path";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function seeded(): Promise<AppContext> {
  const ctx = await testContext();
  await ctx.store.write(async (tx) => {
    await tx.customers.putMany(AZURE_CUSTOMERS);
    await tx.articles.putMany(AZURE_ARTICLES);
    await tx.mappings.putMany(AZURE_TENANT_MAPPINGS);
  });
  unwrap(await setUsageRules(ctx, USAGE_RULES, "usage-rules.json"));
  return ctx;
}

const parser = inlineParser();

describe("the pane's usage review (Verbrauch YYYY-MM)", () => {
  it("German: NCE Azure plan lines imported, review written, one row held in the sheet, the run bills the approved usage", async () => {
    const ctx = await seeded();
    const file = { name: "nce-2020-09.csv", bytes: utf8(toCsv(NCE_INVOICE_HEADERS, azureRecords())) };
    const imported = await importUsageFiles(ctx, parser, [file]);
    const summary = unwrap(imported);
    expect(summary).toMatchObject({ lines: 3, records: 3, added: 3, months: ["2020-09"] });
    // The import is undoable as one batch; importing again brings it back.
    expect((await undoBatch(ctx, summary.batchId!)).ok).toBe(true);
    expect(await dbOf(ctx).usageRecords.count()).toBe(0);
    unwrap(await importUsageFiles(ctx, parser, [file]));

    const month = "2020-09" as IsoMonth;
    const wb = new MemoryWorkbook({ locale: "de" });
    const gw = new MemoryWorkbookGateway(wb);
    const { review, written } = await writeUsageReviewSheet(ctx, gw, month, "de");
    const sheet = unwrap(written).sheet;
    expect(sheet).toBe("Verbrauch 2020-09");
    expect(review.totals).toMatchObject({ rows: 3, charged: 3, net: "81.16", cost: "70.81" });
    const grid = wb.values(sheet);
    const header = grid[0]!.map(String);
    expect(header.slice(0, 4)).toEqual(["Status", "Entscheidung", "Monat", "Kundennr"]);
    for (const h of ["Kunde", "Produkt/Zähler", "Menge", "Kosten", "Preisregel", "Betrag netto", "Schlüssel"]) expect(header).toContain(h);
    const col = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    const rowOf = (customer: string, qty: number) => grid.findIndex((r) => String(r[header.indexOf("Kundennr")]) === customer && r[header.indexOf("Menge")] === qty) + 1;
    const vm = rowOf("10001", 720.5);
    const schaefer = rowOf("10002", 100);
    expect(vm).toBeGreaterThan(1);
    expect(wb.cell(sheet, `${col("Entscheidung")}${vm}`).value).toBe("freigeben");
    expect(wb.validationList(sheet, `${col("Entscheidung")}${vm}`)).toEqual(["freigeben", "zurückhalten"]);
    expect(wb.cell(sheet, `${col("Status")}${vm}`).value).toBe("abrechnen");
    expect(wb.cell(sheet, `${col("Status")}${vm}`).fill).toBe("#DDEBF7");
    expect([wb.cell(sheet, `${col("Betrag netto")}${vm}`).value, wb.cell(sheet, `${col("Betrag netto")}${vm}`).numberFormat]).toEqual([71.51, "#,##0.00"]);
    expect(wb.cell(sheet, `${col("Kosten")}${vm}`).value).toBe(62.18);
    expect([wb.cell(sheet, `${col("Monat")}${vm}`).value, wb.cell(sheet, `${col("Monat")}${vm}`).numberFormat]).toEqual(["2020-09", "@"]);
    expect(wb.cell(sheet, `${col("Kundennr")}${vm}`).numberFormat).toBe("@");
    expect(String(wb.cell(sheet, `${col("Preisregel")}${vm}`).value)).toContain("defaults");
    expect(String(wb.cell(sheet, `${col("Produkt/Zähler")}${vm}`).value)).toBe("Virtual Machines Dv3 Series");
    expect(() => wb.typeInto(sheet, `${col("Entscheidung")}${vm}`, "vielleicht")).toThrow(/drop-down/);

    // The clerk holds Schäfer's usage in the sheet and applies.
    wb.typeInto(sheet, `${col("Entscheidung")}${schaefer}`, "zurückhalten");
    const applied = await applyUsageReviewSheet(ctx, gw, month);
    expect(applied).toEqual({ summary: { approved: 0, held: 1, unchanged: 2 }, sheet, below: [] });
    expect(await applyUsageReviewSheet(ctx, gw, month)).toEqual({ summary: { approved: 0, held: 0, unchanged: 3 }, sheet, below: [] });
    const audit = await ctx.store.read((tx) => tx.audit.recent(1));
    expect(audit[0]).toMatchObject({ kind: "usage.decide", after: { decision: "hold", file: sheet } });
    // A row typed under the table after an empty row is not read: a warning names its first cell.
    const last = wb.values(sheet).length;
    wb.typeInto(sheet, `A${last + 2}`, "10009");
    const below = await applyUsageReviewSheet(ctx, gw, month);
    expect("below" in below && below.below.map((i) => [i.code, i.where?.cell])).toEqual([["excel.rows_below_table", `${sheet}!A${last + 2}`]]);

    // The next run bills the approved usage as usage lines, to the cent; the held one stays open.
    const run = unwrap(await runBilling(ctx, { month, invoiceDate: "2020-10-01" }));
    expect(run.invoices.map((i) => [i.customerNo, i.netTotal, i.lines.map((l) => [l.lineType, l.quantity, l.unitPrice, l.netAmount])])).toEqual([
      ["10001", "71.51", [["usage", "720.5", "0.099246", "71.51"]]],
    ]);
    const after = await writeUsageReviewSheet(ctx, gw, month, "de");
    expect(after.review.rows.map((r) => [r.customerNo, r.status, r.decision])).toEqual([["10002", "held", "hold"]]);
    expect(wb.cell(sheet, `${col("Status")}2`).value).toBe("zurückgehalten");
  });

  it("English: the daily rated usage file (German Excel save), English headers; a bad cell is named by its cell; the CLI's table reads back too", async () => {
    const ctx = await seeded();
    const file = { name: "daily-usage.csv", bytes: utf8(toCsv(DAILY_USAGE_HEADERS, dailyUsageRecords(), { locale: "german" })) };
    const imported = unwrap(await importUsageFiles(ctx, parser, [file]));
    expect(imported).toMatchObject({ lines: 3, records: 3, months: ["2026-10", "2026-11"] });
    const month = "2026-11" as IsoMonth;
    const wb = new MemoryWorkbook({ locale: "en" });
    const gw = new MemoryWorkbookGateway(wb);
    const { review, written } = await writeUsageReviewSheet(ctx, gw, month, "en");
    const sheet = unwrap(written).sheet;
    expect(review.rows.map((r) => [r.month, r.customerNo, r.status])).toEqual(review.rows.map((r) => [r.month, r.customerNo, "charged"]));
    const header = wb.values(sheet)[0]!.map(String);
    expect(header.slice(0, 3)).toEqual(["Status", "Decision", "Month"]);
    const decision = `${String.fromCharCode(65 + header.indexOf("Decision"))}2`;
    expect(wb.validationList(sheet, decision)).toEqual(["approve", "hold"]);
    wb.typeInto(sheet, decision, "maybe", { paste: true });
    const bad = await applyUsageReviewSheet(ctx, gw, month, "en");
    expect("issues" in bad && bad.issues.map((i) => describeIssue(i, "en"))).toEqual([`${usageReviewSheetName(month, "en")}!${decision}: "maybe" is not allowed (allowed: approve, hold / freigeben, zurückhalten).`]);
    expect((await reviewUsage(ctx, month)).rows.every((r) => r.decision === "approve")).toBe(true);

    // The CLI's file (canonical headers) reads back through the same reader.
    const cli = usageReviewTableRows(review.rows, "en", USAGE_DECISION_EN).map((r) => r.map((c) => (typeof c === "string" ? c : c.number)));
    cli[1]![1] = "hold";
    const read = readUsageReviewSheet({ source: "usage-review.csv", rows: cli, firstRowNumber: 1 });
    expect(read.issues).toEqual([]);
    expect(read.decisions.map((d) => d.decision)).toEqual(review.rows.map((_, i) => (i === 0 ? "hold" : "approve")));
  });

  it("the sample files (samples/azure-usage-2026-10.csv, samples/usage-rules.json): tenant written in upper case, mapped in lower case for the NCE profile", async () => {
    const ctx = await testContext();
    await ctx.store.write(async (tx) => {
      await tx.customers.putMany([{ no: "10001", name: "Müller GmbH" }, { no: "10002", name: "Schäfer KG" }]);
      await tx.articles.putMany([{ no: "AZURE", description: "Azure-Verbrauch", unitPrice: "0", vatPct: "19" }]);
      await tx.mappings.putMany([
        { id: "customer|microsoft-nce-invoice|11111111-aaaa-4aaa-8aaa-000000000001", kind: "customer", source: "microsoft-nce-invoice", externalId: "11111111-aaaa-4aaa-8aaa-000000000001", internalNo: "10001" },
        { id: "customer|microsoft-nce-invoice|22222222-bbbb-4bbb-8bbb-000000000002", kind: "customer", source: "microsoft-nce-invoice", externalId: "22222222-bbbb-4bbb-8bbb-000000000002", internalNo: "10002" },
      ]);
    });
    const sample = (name: string) => readFileSync(join(__dirname, "../../samples", name));
    unwrap(await setUsageRules(ctx, sample("usage-rules.json").toString("utf8"), "usage-rules.json"));
    unwrap(await importUsageFiles(ctx, parser, [{ name: "azure-usage-2026-10.csv", bytes: new Uint8Array(sample("azure-usage-2026-10.csv")) }]));
    const wb = new MemoryWorkbook({ locale: "de" });
    const { review } = await writeUsageReviewSheet(ctx, new MemoryWorkbookGateway(wb), "2026-10" as IsoMonth, "de");
    // cost + 15 % (defaults), Schäfer cost + 10 %; each net rounded once to the cent
    expect(review.rows.map((r) => [r.customerNo, r.vendorArticleName, r.quantity, r.cost, r.net])).toEqual([
      ["10001", "Tables - LRS", "1250.5", "47.83", "55.00"],
      ["10001", "Virtual Machines Dv3 Series", "720.5", "62.18", "71.51"],
      ["10002", "Virtual Machines Dv3 Series", "100", "8.63", "9.49"],
    ]);
    expect(review.totals).toMatchObject({ charged: 3, net: "136.00", cost: "118.64" });
  });
});
