/**
 * billed_until on the pane's master sheet (Verträge / Contracts): a date column with the German header
 * "Abgerechnet bis", written from the store, edited, read back and imported; a bad day is named by
 * its German column and cell. Through the in-memory workbook (src/excel/memory).
 */
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { columnLetter } from "../../src/io/table/raw-table";
import { csvSheetRows, masterSheetAsCsv, masterWriteOptions } from "../../src/taskpane/master/master-sheets";
import { describeIssue, locateIssues } from "../../src/taskpane/issues";
import { dbOf } from "../support/db-view";
import { memoryGateway, unwrap } from "../excel/fixtures";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,billed_until\n10001,Müller GmbH,V-1,2024-03-01,1,M365-BP,10,20.60,2026-11-30\n";

describe("billed_until on the master sheet", () => {
  it("German: written as a date under „Abgerechnet bis“, edited and read back it updates the contract; a bad day names its cell", async () => {
    const ctx = await testContext();
    unwrap(await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]));
    const rows = csvSheetRows((await exportMaster(ctx)).contracts, "Verträge", "contracts", "de");
    const col = rows[0]!.indexOf("Abgerechnet bis");
    expect(col).toBeGreaterThan(0);
    expect(masterWriteOptions("contracts", "Verträge", "de").columns).toMatchObject({ "Abgerechnet bis": "date" });
    expect(masterWriteOptions("contracts", "Contracts", "en").columns).toMatchObject({ "Billed until": "date" });

    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable("Verträge", rows, masterWriteOptions("contracts", "Verträge", "de")));
    const same = masterSheetAsCsv("contracts", unwrap(await gw.readTableByHeaders("Verträge")).table);
    expect(unwrap(await importMaster(ctx, [{ name: "Verträge", bytes: same.bytes }])).batchId).toBeNull();

    const cell = `${columnLetter(col)}2`;
    wb.typeInto("Verträge", cell, "31.10.2026");
    const edited = masterSheetAsCsv("contracts", unwrap(await gw.readTableByHeaders("Verträge")).table);
    expect(unwrap(await importMaster(ctx, [{ name: "Verträge", bytes: edited.bytes }])).contracts).toBe(1);
    expect((await dbOf(ctx).contracts.get("V-1"))!.billedUntil).toBe("2026-10-31");

    wb.typeInto("Verträge", cell, "15.10.2026");
    const read = unwrap(await gw.readTableByHeaders("Verträge"));
    const bad = masterSheetAsCsv("contracts", read.table);
    const refused = await importMaster(ctx, [{ name: "Verträge", bytes: bad.bytes }]);
    expect(refused.ok).toBe(false);
    const located = locateIssues(bad.userColumns(refused.ok ? [] : refused.issues), read.table, "Verträge");
    expect(located.map((i) => describeIssue(i, "de"))).toEqual([
      `Verträge!${cell}: Abgerechnet bis 15.10.2026 ist nicht der letzte Tag eines Monats; anzugeben ist der letzte Tag des letzten Monats, den das bisherige System abgerechnet hat.`,
    ]);
  });
});
