import { dbOf } from "../support/db-view";
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { runBilling } from "../../src/app/bill";
import { invoiceCsvText } from "../../src/io/export/invoice-csv";
import { reviewTableRows } from "../../src/io/reconcile/review-table";
import { toCsv } from "../../src/io/table/write-csv";
import { testContext, textFile } from "../support/fixtures";
import { octoberCsv, octoberRecords, reconcile, seedStore } from "../support/reconcile-scenario";

const EVIL = ["=HYPERLINK(\"http://x\",\"y\")", "+49 30 1234", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];

describe("text from any input never reaches an export as a formula", () => {
  it("master data export, invoices and review tables neutralise formula-like text; numbers stay numbers", async () => {
    const ctx = await testContext();
    const articles = "article_no,description,unit_price\n" + EVIL.map((e, i) => `A${i},"${e.replace(/"/g, '""')}",10.00`).join("\n") + "\n";
    const contracts = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price\n" + EVIL.map((e, i) => `C${i},"${e.replace(/"/g, '""')}",V${i},2026-01-01,1,A${i},1,-5.00`).join("\n") + "\n";
    const r = await importMaster(ctx, [textFile("a.csv", articles), textFile("c.csv", contracts)]);
    expect(r.ok).toBe(true);
    const files = await exportMaster(ctx);
    for (const text of [files.articles, files.contracts]) {
      for (const cell of text.split(/\r\n/).slice(1).flatMap((l) => l.split(","))) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
    }
    expect(files.contracts).toContain(",-5,"); // a negative number is not text and stays as it is
    // the exported names come back unchanged when imported again
    const b = await testContext();
    expect((await importMaster(b, [textFile("a.csv", files.articles), textFile("c.csv", files.contracts)])).ok).toBe(true);
    expect((await dbOf(b).customers.get("C0"))!.name).toBe(EVIL[0]);
    const bill = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    const csv = invoiceCsvText(bill.ok ? bill.value.invoices : [], "generic");
    for (const e of EVIL) expect(csv).not.toContain(`,${e}`);
    expect(csv).toContain("-5.00");
  });

  it("review tables neutralise vendor customer names", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const records = octoberRecords().map((r) => ({ ...r, CustomerName: "=cmd|' /C calc'!A0" }));
    const rows = await reconcile(ctx, octoberCsv("microsoft", records));
    const csv = toCsv(reviewTableRows(rows));
    expect(csv).toContain("'=cmd|");
    expect(csv).not.toMatch(/(^|,)"?=cmd/m);
  });
});
