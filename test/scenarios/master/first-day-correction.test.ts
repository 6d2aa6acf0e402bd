/**
 * A contract entered with wrong data from its first day, billed and issued for a quarter, then
 * corrected by import (README "Merge rules of `import-master`": rows marked in the column `correction`, here a German CSV file): the next
 * run credits and bills the difference for the issued quarter against the invoice that billed it,
 * to the cent, and a run after that finds nothing left to bill.
 */
import { runBilling } from "../../../src/app/bill";
import { importMaster } from "../../../src/app/import-master";
import { finalizeRun } from "../../../src/app/issue-run";
import { testContext, textFile } from "../../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBACKUP,Backup Service,49.00,19\n";
const HEADER = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,discount_pct,vat_pct,valid_from";
const CONTRACT = [
  HEADER,
  "10001,Müller GmbH,V-7,quarterly,advance,15.01.2026,1,M365-BP,10,20.60,0,19,15.01.2026",
  "10001,Müller GmbH,V-7,quarterly,advance,15.01.2026,2,BACKUP,1,49.00,0,19,15.01.2026",
].join("\n");
/** From the first day: 8 licences at 10 % discount, not 10; the backup at 45.00, not 49.00. */
const CORRECTION = [
  `${HEADER};correction`.replace(/,/g, ";"),
  "10001;Müller GmbH;V-7;quarterly;advance;15.01.2026;1;M365-BP;8;20,60;10;19;15.01.2026;ja",
  "10001;Müller GmbH;V-7;quarterly;advance;15.01.2026;2;BACKUP;1;45,00;0;19;15.01.2026;ja",
].join("\n");

const lines = (r: Awaited<ReturnType<typeof runBilling>>) =>
  r.ok ? r.value.invoices.flatMap((i) => i.lines.map((l) => `${l.positionNo} ${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}${l.correctsRef ? ` → ${l.correctsRef}` : ""}`)) : r.issues.map((i) => i.code);

it("first-day master data corrected after the quarter was issued: the April run bills the differences for Q1 to the cent", async () => {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACT)])).ok).toBe(true);
  const q1 = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-15" });
  if (!q1.ok || !q1.value.runId) throw new Error("Q1 failed");
  // 15–31 January is 17/31 of a month: 206.00 × 17/31 = 112.967…, 49.00 × 17/31 = 26.870…
  expect(lines(q1)).toEqual([
    "1 recurring 2026-01-15..2026-03-31 524.97",
    "2 recurring 2026-01-15..2026-03-31 124.87",
  ]);
  expect((await finalizeRun(ctx, q1.value.runId)).ok).toBe(true);

  const fix = await importMaster(ctx, [textFile("korrektur.csv", CORRECTION)]);
  if (!fix.ok) throw new Error(JSON.stringify(fix.issues));
  expect(fix.value).toMatchObject({ versions: 2, corrections: 2 });
  expect(fix.ok && fix.value.warnings.map((i) => [i.where?.row, i.params.column, i.params.stored, i.params.corrected])).toEqual([
    [2, "quantity", "10", "8"],
    [2, "discount_pct", "0", "10"],
    [3, "unit_price", "49.00", "45.00"],
  ]);

  const q2 = await runBilling(ctx, { month: "2026-04", invoiceDate: "2026-04-01" });
  // Q1 now: 8 × 20.60 × 0.9 = 148.32 a month → 148.32 × 17/31 + 2 × 148.32 = 377.976…; 45.00 → 45 × 17/31 + 90 = 114.677…
  // Differences against the issued RE-000001: 377.976… − 524.967… = −146.99; 114.677… − 124.870… = −10.19.
  expect(lines(q2)).toEqual([
    "1 difference 2026-01-15..2026-03-31 -146.99 → RE-000001",
    "1 recurring 2026-04-01..2026-06-30 444.96",
    "2 difference 2026-01-15..2026-03-31 -10.19 → RE-000001",
    "2 recurring 2026-04-01..2026-06-30 135.00",
  ]);
  expect(q2.ok && q2.value.invoices.map((i) => [i.netTotal, i.vatTotal, i.grossTotal])).toEqual([["422.78", "80.33", "503.11"]]);
  expect(lines(await runBilling(ctx, { month: "2026-04", invoiceDate: "2026-04-01" }))).toEqual([]);
});
