import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { cancelInvoice, negateDecimal } from "../../src/app/cancel-invoice";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { undoRun } from "../../src/app/undo-run";
import type { StoredInvoice } from "../../src/store/records";
import { Decimal } from "../../src/core/money/decimal";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
  "10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");

async function seeded() {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]);
  expect(r.ok).toBe(true);
  return ctx;
}

async function bill(ctx: Awaited<ReturnType<typeof seeded>>, month: string, invoiceDate: string) {
  const r = await runBilling(ctx, { month: month as "2026-01", invoiceDate: invoiceDate as "2026-01-02" });
  if (!r.ok || !r.value.runId) throw new Error(`bill ${month} failed`);
  return r.value;
}

const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.code));
const sumOf = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2);

describe("invoice lifecycle", () => {
  it("a draft run is undone as before and gives its numbers back; an issued one is refused with the reason", async () => {
    const ctx = await seeded();
    const draft = await bill(ctx, "2026-01", "2026-01-02");
    const undone = await undoRun(ctx, draft.runId!);
    expect(undone.ok && undone.value.numbersReturned).toBe(true);
    const again = await bill(ctx, "2026-01", "2026-01-02");
    expect(again.invoices.map((i) => i.invoiceRef)).toEqual(["RE-000001", "RE-000002"]);
    const issued = await finalizeRun(ctx, again.runId!);
    expect(issued.ok && issued.value.issuedBy).toBe("finalize");
    // issuing twice keeps the first issue
    const twice = await finalizeRun(ctx, again.runId!, "export");
    expect(twice.ok && twice.value.issuedBy).toBe("finalize");
    expect(codes(await undoRun(ctx, again.runId!))).toEqual(["billing.undo_issued"]);
    expect(await dbOf(ctx).ledger.count()).toBe(3);
    const audit = await dbOf(ctx).auditLog.toArray();
    expect(audit.filter((a) => a.kind === "billing.run.issue")).toHaveLength(1);
  });

  it("cancels an issued invoice with a Stornorechnung: negated lines, its own next number, referencing the original", async () => {
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01", "2026-01-02");
    expect(codes(await cancelInvoice(ctx, "RE-000001"))).toEqual(["billing.cancel_not_issued"]);
    await finalizeRun(ctx, jan.runId!);
    const r = await cancelInvoice(ctx, "RE-000001", { date: "2026-01-20" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ cancellationRef: "RE-000003", cancelled: "RE-000001", grossTotal: "-257.98" });
    const storno = (await dbOf(ctx).invoices.get("RE-000003")) as StoredInvoice;
    const original = (await dbOf(ctx).invoices.get("RE-000001")) as StoredInvoice;
    expect(storno.cancels).toEqual({ number: "RE-000001", issueDate: "2026-01-02" });
    expect(original.cancelledBy).toBe("RE-000003");
    expect(storno.lines.map((l) => [l.quantity, l.unitPrice, l.netAmount, l.correctsRef])).toEqual([
      ["-10", "20.6", "-206.00", "RE-000001"],
      ["-1", "12", "-12.00", "RE-000001"],
    ]);
    expect([storno.netTotal, storno.vatTotal, storno.grossTotal]).toEqual(["-218.00", "-39.98", "-257.98"]);
    // lines and VAT breakdown add up to the totals, exactly
    expect(sumOf(storno.lines.map((l) => l.netAmount))).toBe(storno.netTotal);
    expect(sumOf(storno.vatTotals.map((v) => v.gross))).toBe(storno.grossTotal);
    // the cancellation is issued at once and cannot be undone or cancelled
    const run = (await dbOf(ctx).runs.get(r.value.runId))!;
    expect(run).toMatchObject({ kind: "cancellation", issuedBy: "cancellation", invoiceRefs: ["RE-000003"] });
    expect(codes(await undoRun(ctx, r.value.runId))).toEqual(["billing.undo_issued"]);
    expect(codes(await cancelInvoice(ctx, "RE-000003"))).toEqual(["billing.cancel_is_cancellation"]);
    expect(codes(await cancelInvoice(ctx, "RE-000001"))).toEqual(["billing.cancel_already"]);
    expect(codes(await cancelInvoice(ctx, "RE-999999"))).toEqual(["billing.cancel_unknown_invoice"]);
    // the ledger of the cancelled invoice nets to zero per month
    const ledger = (await dbOf(ctx).ledger.toArray()).filter((e) => e.contractNo === "V-1" && e.month === "2026-01");
    expect(sumOf(ledger.map((e) => e.roundedAmount))).toBe("0.00");
  });

  it("refuses a cancellation while a draft holds numbers, so undoing the draft leaves no gap", async () => {
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01", "2026-01-02");
    await finalizeRun(ctx, jan.runId!);
    const feb = await bill(ctx, "2026-02", "2026-02-02");
    expect(codes(await cancelInvoice(ctx, "RE-000001"))).toEqual(["billing.cancel_draft_pending"]);
    const u = await undoRun(ctx, feb.runId!);
    expect(u.ok && u.value.numbersReturned).toBe(true);
    const c = await cancelInvoice(ctx, "RE-000001");
    expect(c.ok && c.value.cancellationRef).toBe("RE-000003");
  });

  it("issuing a run issues the earlier drafts first (their numbers come before; the chain stays in number order)", async () => {
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01", "2026-01-02");
    const feb = await bill(ctx, "2026-02", "2026-02-02");
    const r = await finalizeRun(ctx, feb.runId!);
    expect(r.ok && r.value.id).toBe(feb.runId);
    const runs = await dbOf(ctx).runs.toArray();
    expect(runs.map((x) => [x.id, x.issuedBy])).toEqual([[jan.runId, "finalize"], [feb.runId, "finalize"]]);
    const invoices = (await dbOf(ctx).invoices.toArray()) as StoredInvoice[];
    expect(invoices.sort((a, b) => a.chainSeq! - b.chainSeq!).map((i) => i.invoiceRef)).toEqual(["RE-000001", "RE-000002", "RE-000003", "RE-000004"]);
    const issues = (await dbOf(ctx).auditLog.toArray()).filter((a) => a.kind === "billing.run.issue").map((a) => a.source);
    expect(issues).toEqual([jan.runId, feb.runId]);
    // so an invoice of the earlier run can be cancelled now
    expect((await cancelInvoice(ctx, "RE-000001")).ok).toBe(true);
  });

  it("refuses an invoice date (bill, dry run, cancellation) before an invoice that already has a number: numbers rise with the date", async () => {
    // A clerk billed December with --invoice-date 2026-10-01 after RE-… of 2026-12-01: issued as RE-000003 dated October.
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01", "2026-02-02");
    await finalizeRun(ctx, jan.runId!);
    const early = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-01" });
    expect(!early.ok && early.issues).toEqual([{ code: "billing.invoice_date_before_numbered", severity: "error", params: { date: "2026-02-01", lastDate: "2026-02-02", invoice: "RE-000002", run: jan.runId } }]);
    expect(codes(await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-01-31", dryRun: true }))).toEqual(["billing.invoice_date_before_numbered"]);
    expect(await dbOf(ctx).runs.count()).toBe(1);
    const feb = await bill(ctx, "2026-02", "2026-03-02");
    await finalizeRun(ctx, feb.runId!);
    // a Stornorechnung of a January invoice dated after January's invoice but before February's
    expect(codes(await cancelInvoice(ctx, "RE-000001", { date: "2026-02-10" }))).toEqual(["billing.invoice_date_before_numbered"]);
    expect((await cancelInvoice(ctx, "RE-000001", { date: "2026-03-02" })).ok).toBe(true);
    // an undone draft's date does not count; the same date as the last invoice is fine
    const draft = await bill(ctx, "2026-03", "2026-04-01");
    await undoRun(ctx, draft.runId!);
    expect((await runBilling(ctx, { month: "2026-03", invoiceDate: "2026-03-02" })).ok).toBe(true);
  });

  it("negates decimal text keeping its scale", () => {
    expect(["12.50", "-0.01", "0.00", "0", "3"].map(negateDecimal)).toEqual(["-12.50", "0.01", "0.00", "0", "-3"]);
  });
});
