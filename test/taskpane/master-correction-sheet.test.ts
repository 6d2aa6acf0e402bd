/**
 * A correction on the pane's master sheet (Verträge): the clerk fixes the price of the first version
 * in its row and writes „ja“ into a column „Korrektur“ (README "Merge rules of `import-master`");
 * synced back, the row corrects the stored version. Through the in-memory workbook (src/excel/memory).
 */
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { formatIssue } from "../../src/core/messages";
import { columnLetter } from "../../src/io/table/raw-table";
import { csvSheetRows, masterSheetAsCsv, masterWriteOptions } from "../../src/taskpane/master/master-sheets";
import { memoryGateway, unwrap } from "../excel/fixtures";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price\n10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,20.60\n";

it("German sheet: a corrected price with „Korrektur: ja“ corrects the stored version; without it the row is refused", async () => {
  const ctx = await testContext();
  unwrap(await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]));
  const rows = csvSheetRows((await exportMaster(ctx)).contracts, "Verträge", "contracts", "de");
  const { wb, gw } = memoryGateway({ locale: "de" });
  unwrap(await gw.writeTable("Verträge", rows, masterWriteOptions("contracts", "Verträge", "de")));
  const price = `${columnLetter(rows[0]!.indexOf("Einzelpreis"))}2`;
  wb.typeInto("Verträge", price, "18,60");
  const unmarked = await importMaster(ctx, [{ name: "Verträge", bytes: masterSheetAsCsv("contracts", unwrap(await gw.readTableByHeaders("Verträge")).table).bytes }]);
  expect(!unmarked.ok && unmarked.issues.map((i) => i.code)).toEqual(["master.conflicting_version"]);

  // The clerk adds a column „Korrektur“ beside the table and writes „ja“ in the corrected row.
  const read = unwrap(await gw.readTableByHeaders("Verträge")).table;
  const marked = { ...read, rows: read.rows.map((r, i) => [...r, i === 0 ? "Korrektur" : "ja"]) };
  const sheet = masterSheetAsCsv("contracts", marked);
  const r = unwrap(await importMaster(ctx, [{ name: "Verträge", bytes: sheet.bytes }]));
  expect(r).toMatchObject({ versions: 1, corrections: 1 });
  // named by the sheet's own column, old → new in German
  expect(sheet.userColumns(r.warnings).map((i) => formatIssue(i, "de"))).toEqual(["Verträge, Zeile 2, Spalte „Einzelpreis“: Korrektur: Vertrag V-1 Position 1 ab 01.01.2026, Einzelpreis 20,60 → 18,60."]);
});
