import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import { importMaster } from "../../src/app/import-master";
import { INVOICE_CHAIN_KEY, finalizeRun } from "../../src/app/issue-run";
import { verifyIntegrity } from "../../src/app/verify";
import { testContext, textFile } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

async function story() {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok || !jan.value.runId) throw new Error("bill failed");
  expect((await finalizeRun(ctx, jan.value.runId)).ok).toBe(true);
  expect((await cancelInvoice(ctx, "RE-000001")).ok).toBe(true);
  return ctx;
}

describe("verifyIntegrity", () => {
  it("verifies an untouched store: every audit entry and issued invoice chained", async () => {
    const ctx = await story();
    const r = await verifyIntegrity(ctx);
    expect(r).toMatchObject({ firstBreak: null, issuedInvoices: 3 });
    expect(r.auditEntries).toBe(await dbOf(ctx).auditLog.count());
    const audit = await dbOf(ctx).auditLog.orderBy("seq").toArray();
    expect(audit.every((a, i) => typeof a.hash === "string" && a.hash.length === 64 && (i === 0 || a.prevHash === audit[i - 1].hash))).toBe(true);
  });

  it("names an audit row edited directly in the store", async () => {
    const ctx = await story();
    const audit = await dbOf(ctx).auditLog.orderBy("seq").toArray();
    const victim = audit.find((a) => a.kind === "billing.run")!;
    await dbOf(ctx).auditLog.update(victim.seq, { after: { ...victim.after, invoices: 99 } });
    const r = await verifyIntegrity(ctx);
    expect(r.firstBreak).toMatchObject({ chain: "auditLog", record: String(victim.seq), problem: { reason: "content_changed" } });
  });

  it("names an audit row removed from the middle (the next one no longer links)", async () => {
    const ctx = await story();
    const audit = await dbOf(ctx).auditLog.orderBy("seq").toArray();
    await dbOf(ctx).auditLog.delete(audit[1].seq);
    const r = await verifyIntegrity(ctx);
    expect(r.firstBreak).toMatchObject({ chain: "auditLog", record: String(audit[2].seq), problem: { reason: "link_broken" } });
  });

  it("names an issued invoice whose amount was edited, but accepts its cancellation mark", async () => {
    const ctx = await story();
    expect((await dbOf(ctx).invoices.get("RE-000001")).cancelledBy).toBe("RE-000003");
    await dbOf(ctx).invoices.update("RE-000002", { grossTotal: "1.00" });
    const r = await verifyIntegrity(ctx);
    expect(r.breaks).toEqual([{ chain: "invoices", record: "RE-000002", problem: expect.objectContaining({ reason: "content_changed" }) }]);
  });

  it("notices the last issued invoice removed (the chain ends short of its stored head)", async () => {
    const ctx = await story();
    await dbOf(ctx).invoices.delete("RE-000003");
    const r = await verifyIntegrity(ctx);
    expect(r.firstBreak).toMatchObject({ chain: "invoices", problem: { reason: "head_mismatch" } });
  });

  it("notices the last issued invoice removed with the stored head reset too: the audit log recorded where each issue left the chain", async () => {
    const ctx = await story();
    const audit = await dbOf(ctx).auditLog.orderBy("seq").toArray();
    const issues = audit.filter((e: { kind: string }) => e.kind === "billing.run.issue");
    // January's issue and the cancellation run's (its Stornorechnung RE-000003 is the chain's last record)
    expect(issues).toHaveLength(2);
    const januaryHead = issues[0].after.chainHead;
    expect(januaryHead.seq).toBe(2);
    await dbOf(ctx).invoices.delete("RE-000003");
    await ctx.store.write((tx) => tx.settings.putRaw(INVOICE_CHAIN_KEY, januaryHead));
    const r = await verifyIntegrity(ctx);
    expect(r.firstBreak).toMatchObject({ chain: "invoices", record: "#3", problem: { reason: "head_mismatch", auditSeq: issues[1].seq, found: "" } });
  });
});
