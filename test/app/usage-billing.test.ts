/**
 * Usage re-billing end to end through the use cases (issue 19): an NCE invoice file with Microsoft's
 * documented Azure plan sample line, two VM meter lines and a licence line → seats from the licence
 * line only, usage records imported (undoable), priced by the stored usage rules (cost + 15 %, list
 * − 5 %), reviewed (hold / approve read back), billed as `usage` lines to the cent, not billed twice,
 * undo of the run voids the billing, and the cost check compares usage cost with what was billed.
 */
import { notesText } from "../../src/core/messages";
import { runBilling } from "../../src/app/bill";
import { costCheckFile } from "../../src/app/cost-check";
import { reconcileFiles } from "../../src/app/reconcile";
import { undoBatch } from "../../src/app/undo-batch";
import { undoRun } from "../../src/app/undo-run";
import { applyUsageDecisions, importUsage, reviewUsage, setUsageRules, storedUsageRules } from "../../src/app/usage";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { dbOf } from "../support/db-view";
import { USAGE_RULES, azureRead, azureRecords, azureWorkspace } from "./usage-fixtures";

const MONTH = "2020-09" as IsoMonth;

const seeded = azureWorkspace;

describe("usage re-billing through the use cases (issue 19)", () => {
  it("imports usage records (all or nothing, undoable); Azure lines are never seats", async () => {
    const ctx = await seeded();
    const rec = await reconcileFiles(ctx, [azureRead()], MONTH);
    if (!rec.ok) throw new Error(JSON.stringify(rec.issues));
    expect(rec.value.rows.map((r) => [r.customerNo, r.articleNo, r.vendorQty])).toEqual([["10001", "BASIC", "3"]]);
    const r = await importUsage(ctx, [azureRead()]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ lines: 3, records: 3, added: 3, changed: 0, unchanged: 0, months: ["2020-09"] });
    expect(await dbOf(ctx).usageRecords.count()).toBe(3);
    const again = await importUsage(ctx, [azureRead()]);
    expect(again.ok && again.value).toMatchObject({ batchId: null, added: 0, unchanged: 3 });
    expect((await undoBatch(ctx, r.value.batchId!)).ok).toBe(true);
    expect(await dbOf(ctx).usageRecords.count()).toBe(0);
  });

  it("refuses a file without usage lines, storing nothing", async () => {
    const ctx = await seeded();
    const none = await importUsage(ctx, [azureRead(azureRecords().slice(0, 1))]);
    expect(!none.ok && none.issues.map((i) => i.code)).toEqual(["usage.no_lines"]);
    expect(await dbOf(ctx).usageRecords.count()).toBe(0);
  });

  it("rules set/list; review; hold read back; billed as usage lines to the cent; never twice; undo voids it; cost check clean", async () => {
    const ctx = await seeded();
    const set = await setUsageRules(ctx, USAGE_RULES, "usage-rules.json");
    expect(set.ok && set.value).toMatchObject({ customers: 1, articles: 0, warnings: [] });
    expect((await storedUsageRules(ctx)).defaults).toEqual({ price: { method: "cost_plus", pct: "15" }, articleNo: "AZURE" });
    expect((await importUsage(ctx, [azureRead()])).ok).toBe(true);

    const review = await reviewUsage(ctx, MONTH);
    expect(review.rows.map((r) => [r.status, r.customerNo, r.quantity, r.cost, r.net, r.margin])).toEqual([
      ["charged", "10001", "0.005001", "0", "0.00", "0.00"],
      ["charged", "10001", "720.5", "62.18", "71.51", "9.33"],
      ["charged", "10002", "100", "8.63", "9.65", "1.02"],
    ]);
    expect(review.totals).toMatchObject({ charged: 3, net: "81.16", cost: "70.81" });

    // Hold the second customer's usage: the run leaves it open.
    const held = review.rows[2]!.key;
    const d = await applyUsageDecisions(ctx, [{ key: held, decision: "hold" }]);
    expect(d.ok && d.value).toEqual({ approved: 0, held: 1, unchanged: 0 });
    const run1 = await runBilling(ctx, { month: MONTH, invoiceDate: "2020-10-01" });
    if (!run1.ok) throw new Error(JSON.stringify(run1.issues));
    expect(run1.value.invoices.map((i) => [i.customerNo, i.netTotal, i.grossTotal, i.lines.map((l) => [l.lineType, l.quantity, l.unitPrice, l.netAmount])])).toEqual([
      ["10001", "71.51", "85.10", [["usage", "720.5", "0.099246", "71.51"]]],
    ]);
    // Approve it again: the next run bills only that; then nothing is left.
    expect((await applyUsageDecisions(ctx, [{ key: held, decision: "approve" }])).ok).toBe(true);
    const run2 = await runBilling(ctx, { month: MONTH, invoiceDate: "2020-10-01" });
    expect(run2.ok && run2.value.invoices.map((i) => [i.customerNo, i.netTotal, i.grossTotal])).toEqual([["10002", "9.65", "11.48"]]);
    const run3 = await runBilling(ctx, { month: MONTH, invoiceDate: "2020-10-01" });
    expect(run3.ok && [run3.value.runId, run3.value.invoices.length]).toEqual([null, 0]);
    expect((await reviewUsage(ctx, MONTH)).rows).toEqual([]);

    // A billed record cannot be re-decided, nor imported with other figures.
    const late = await applyUsageDecisions(ctx, [{ key: held, decision: "hold" }]);
    expect(!late.ok && late.issues.map((i) => i.code)).toEqual(["usage.review_billed"]);
    const changed = azureRecords();
    changed[3] = { ...changed[3]!, Subtotal: "9.00" };
    const reimport = await importUsage(ctx, [azureRead(changed)]);
    expect(!reimport.ok && reimport.issues.map((i) => i.code)).toEqual(["usage.changed_after_billing"]);

    // Cost check: the usage cost against what was billed, no `unbilled`.
    const cc = await costCheckFile(ctx, azureRead(), MONTH);
    if (!cc.ok) throw new Error(JSON.stringify(cc.issues));
    const usageRows = cc.value.rows.filter((r) => r.finding.startsWith("usage") || notesText(r.notes).startsWith("usage"));
    expect(usageRows.map((r) => [r.customerNo, r.vendorAmount, r.billedAmount, r.finding])).toEqual([
      ["10001", "0", "0.00", "ok"],
      ["10001", "62.18", "71.51", "ok"],
      ["10002", "8.63", "9.65", "ok"],
    ]);
    const azureRows = cc.value.rows.filter((r) => r.externalArticleId.startsWith("DZH318"));
    expect(azureRows).toHaveLength(3);
    expect(azureRows.filter((r) => r.finding.split(" ").includes("unbilled"))).toEqual([]);

    // Undo of the second run voids its usage billing: the record is open again and billed again.
    if (!run2.ok) throw new Error("run2");
    expect((await undoRun(ctx, run2.value.runId!)).ok).toBe(true);
    expect((await reviewUsage(ctx, MONTH)).rows.map((r) => r.key)).toEqual([held]);
    const cc2 = await costCheckFile(ctx, azureRead(), MONTH);
    expect(cc2.ok && cc2.value.counts.usage_unbilled).toBe(1);
    const run4 = await runBilling(ctx, { month: MONTH, invoiceDate: "2020-10-02" });
    expect(run4.ok && run4.value.invoices.map((i) => [i.customerNo, i.netTotal])).toEqual([["10002", "9.65"]]);
  });
});
