import { failWritesTo } from "../support/fail-injection";
import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importMaster } from "../../src/app/import-master";
import { undoRun } from "../../src/app/undo-run";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
  "10002,Schmidt KG,V-2,quarterly,arrears,2026-02-15,1,M365-BP,3,20.60,19,2026-02-15",
].join("\n");

async function seeded() {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]);
  expect(r.ok).toBe(true);
  return ctx;
}

const summary = (invoices: { invoiceRef: string; customerNo: string; netTotal: string; vatTotal: string; grossTotal: string; lines: { lineType: string; netAmount: string; serviceFrom: string; serviceTo: string }[] }[]) =>
  invoices.map((i) => ({ ref: i.invoiceRef, customer: i.customerNo, net: i.netTotal, vat: i.vatTotal, gross: i.grossTotal, lines: i.lines.map((l) => `${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}`) }));

describe("runBilling", () => {
  it("bills January in advance with VAT per rate, writes ledger, run and audit; billing again bills nothing", async () => {
    const ctx = await seeded();
    const r = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.runId).toBe("run-00001");
    expect(summary(r.value.invoices)).toEqual([
      { ref: "RE-000001", customer: "10001", net: "218.00", vat: "39.98", gross: "257.98", lines: ["recurring 2026-01-01..2026-01-31 206.00", "recurring 2026-01-01..2026-01-31 12.00"] },
    ]);
    expect(await dbOf(ctx).ledger.count()).toBe(2);
    expect((await dbOf(ctx).runs.get("run-00001"))!.invoiceRefs).toEqual(["RE-000001"]);
    const again = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    expect(again.ok && again.value).toMatchObject({ runId: null, invoices: [] });
  });

  it("catches up missed months and bills a quarterly contract in arrears with a mid-period start", async () => {
    const ctx = await seeded();
    const r = await runBilling(ctx, { month: "2026-03", invoiceDate: "2026-04-01" });
    if (!r.ok) throw new Error("run failed");
    // V-1: three months in advance (Jan, Feb, Mar); V-2: Q1 is due on 1 April, after the run month → not yet
    expect(summary(r.value.invoices).map((i) => [i.customer, i.net, i.lines.length])).toEqual([["10001", "654.00", 6]]);
    const q = await runBilling(ctx, { month: "2026-04", invoiceDate: "2026-04-01" });
    if (!q.ok) throw new Error("run failed");
    // V-2: 3 × 20.60 × (14/28 + 1) = 92.70 for 15 Feb – 31 Mar
    const v2 = summary(q.value.invoices).find((i) => i.customer === "10002")!;
    expect(v2.lines).toEqual(["recurring 2026-02-15..2026-03-31 92.70"]);
  });

  it("bills a retroactive change as a difference line referencing the original invoice", async () => {
    const ctx = await seeded();
    await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    const change = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-1,2026-01-01,1,M365-BP,12,20.60,2026-01-16\n";
    expect((await importMaster(ctx, [textFile("change.csv", change)])).ok).toBe(true);
    const r = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    if (!r.ok) throw new Error("run failed");
    const lines = r.value.invoices[0]!.lines;
    // 2 seats × 20.60 × 16/31 = 21.264… → 21.26 for 16–31 Jan, correcting RE-000001
    const diff = lines.find((l) => l.lineType === "difference")!;
    expect(diff).toMatchObject({ netAmount: "21.26", serviceFrom: "2026-01-16", serviceTo: "2026-01-31", correctsRef: "RE-000001" });
    expect(lines.filter((l) => l.lineType === "recurring").map((l) => l.netAmount)).toEqual(["247.20", "12.00"]);
    const again = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    expect(again.ok && again.value.invoices).toEqual([]);
  });

  it("a dry run returns the same invoices and writes nothing", async () => {
    const ctx = await seeded();
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const dry = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02", dryRun: true });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
    const real = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    expect(dry.ok && real.ok && dry.value.invoices).toEqual(real.ok && real.value.invoices);
  });

  it("undo of the latest run restores the ledger and gives the invoice numbers back; an older run cannot be undone", async () => {
    const ctx = await seeded();
    await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    const ledgerAfterJan = JSON.stringify(await dbOf(ctx).ledger.toArray());
    await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    const old = await undoRun(ctx, "run-00001");
    expect(!old.ok && old.issues[0]!.code).toBe("billing.undo_not_latest");
    const u = await undoRun(ctx, "run-00002");
    expect(u.ok && u.value).toMatchObject({ runId: "run-00002", invoiceRefs: ["RE-000002"] });
    expect(JSON.stringify(await dbOf(ctx).ledger.toArray())).toBe(ledgerAfterJan);
    const rebill = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-03" });
    expect(rebill.ok && rebill.value.invoices.map((i) => i.invoiceRef)).toEqual(["RE-000002"]);
  });

  it("a failure while writing the run leaves the store unchanged", async () => {
    const ctx = await seeded();
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const restore = failWritesTo(ctx, "runs");
    await expect(runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" })).rejects.toThrow("injected");
    restore();
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
  });
});
